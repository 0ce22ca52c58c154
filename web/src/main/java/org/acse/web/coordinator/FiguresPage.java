package org.acse.web.coordinator;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.acse.common.figures.Breakdown;
import org.acse.common.figures.DeclineRow;
import org.acse.common.figures.Delay;
import org.acse.common.figures.DelayRow;
import org.acse.common.figures.ExploitationRow;
import org.acse.common.figures.FigureTable;
import org.acse.common.figures.NoMatchRow;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.IntakeFiguresClient;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.PlacementFiguresClient;
import org.acse.web.api.Problem;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Msg;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The coordinators' figures: placement's delays, declines and no-match rate, intake's types of exploitation, for
 * the breakdown, scheme and months chosen. The services compute and suppress; this page only puts them in words.
 */
@Path("/coordinator/figures")
@Produces(MediaType.TEXT_HTML)
public class FiguresPage {
    @Inject
    ManagedExecutor executor;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlacementFiguresClient placementFigures;

    @Inject
    @RestClient
    IntakeFiguresClient intakeFigures;

    @Inject
    @RestClient
    PlacementClient placement;

    @Location("coordinator/figures.html")
    Template figures;

    /** One table, its rows already in words; {@code unavailable} when its service could not answer. */
    @TemplateData
    public record Table(List<List<String>> rows, boolean unavailable) {}

    @TemplateData
    public record Option(String code, String label, boolean selected) {}

    @TemplateData
    public record SchemeSummary(String code, String name) {}

    @GET
    public Response page(
            @QueryParam("by") String by,
            @QueryParam("scheme") String scheme,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Words w = pages.words();
        FigureWords fw = new FigureWords(w);
        Msg msg = w.msg();
        String breakdown = by == null || by.isBlank() ? "month" : by;
        String schemeCode = blankToNull(scheme);
        String first = blankToNull(from);
        String last = blankToNull(to);
        Map<String, String> errors = new LinkedHashMap<>();

        // The four tables and the schemes come from two services: asked at once, the page waits for the slowest.
        CompletableFuture<FigureTable<DelayRow>> delaysRead = start(
                () -> placementFigures.figure("delays", breakdown, schemeCode, first, last),
                new TypeReference<FigureTable<DelayRow>>() {});
        CompletableFuture<FigureTable<DeclineRow>> declinesRead = start(
                () -> placementFigures.figure("declines", breakdown, schemeCode, first, last),
                new TypeReference<FigureTable<DeclineRow>>() {});
        CompletableFuture<FigureTable<NoMatchRow>> noMatchRead = start(
                () -> placementFigures.figure("no-match", breakdown, schemeCode, first, last),
                new TypeReference<FigureTable<NoMatchRow>>() {});
        CompletableFuture<FigureTable<ExploitationRow>> exploitationRead = start(
                () -> intakeFigures.figure("exploitation", breakdown, schemeCode, first, last),
                new TypeReference<FigureTable<ExploitationRow>>() {});
        CompletableFuture<List<SchemeSummary>> schemesRead = Api.start(executor, this::schemes);

        Table delays = table(
                delaysRead,
                errors,
                r -> List.of(
                        fw.group(breakdown, r.group()),
                        delay(fw, r.toProposal()),
                        delay(fw, r.toAcceptance()),
                        delay(fw, r.toArrival())));
        Table declines = table(
                declinesRead,
                errors,
                r -> List.of(fw.group(breakdown, r.group()), w.reason(r.reason().name()), fw.cell(r.declines())));
        Table noMatch = table(
                noMatchRead,
                errors,
                r -> List.of(
                        fw.group(breakdown, r.group()),
                        fw.cell(r.referrals()),
                        fw.cell(r.noMatch()),
                        fw.percent(r.percent())));
        Table exploitation = table(
                exploitationRead,
                errors,
                r -> List.of(fw.group(breakdown, r.group()), w.exploitation(r.type()), fw.cell(r.referrals())));

        List<Option> breakdowns = new ArrayList<>();
        for (Breakdown b : Breakdown.values()) {
            String label = switch (b) {
                case MONTH -> coord().figureByMonth();
                case REGION -> coord().figureByRegion();
                case URGENCY -> coord().figureByUrgency();
            };
            breakdowns.add(new Option(b.parameter(), label, b.parameter().equals(breakdown)));
        }
        TemplateInstance page = pages.page(figures)
                .data("breakdowns", breakdowns)
                .data("groupHeader", groupHeader(msg, breakdown))
                .data("schemes", Api.join(schemesRead))
                .data("scheme", schemeCode == null ? "" : schemeCode)
                .data("from", first == null ? "" : first)
                .data("to", last == null ? "" : last)
                .data("errors", errors)
                .data("delays", delays)
                .data("declines", declines)
                .data("noMatch", noMatch)
                .data("exploitation", exploitation);
        return Response.status(errors.isEmpty() ? 200 : 400).entity(page).build();
    }

    private String groupHeader(Msg msg, String by) {
        return switch (by) {
            case "region" -> coord().figureRegion();
            case "urgency" -> msg.urgency();
            default -> coord().figureMonth();
        };
    }

    /** "médiane 3 h 05, 90e centile 6 h 00 (12 orientations)", or "fewer than 5". */
    private String delay(FigureWords fw, Delay d) {
        if (d.referrals().suppressed()) {
            return fw.cell(d.referrals());
        }
        return coord().figureDelay(fw.minutes(d.medianMinutes()), fw.minutes(d.p90Minutes()), fw.cell(d.referrals()));
    }

    /** A service's refusal of a parameter lands next to that field; a service out of reach leaves its table empty. */
    private <R> CompletableFuture<FigureTable<R>> start(Supplier<Response> call, TypeReference<FigureTable<R>> type) {
        return Api.start(executor, () -> Api.read(call, type));
    }

    private <R> Table table(
            CompletableFuture<FigureTable<R>> read, Map<String, String> errors, Function<R, List<String>> row) {
        try {
            FigureTable<R> table = Api.join(read);
            return new Table(table.rows().stream().map(row).toList(), false);
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 400 && refusal.problem() != null) {
                for (Problem.FieldError e : refusal.problem().errors()) {
                    errors.putIfAbsent(e.field(), fieldError(e.field()));
                }
                return new Table(List.of(), false);
            }
            if (refusal.unavailable()) {
                return new Table(List.of(), true);
            }
            throw refusal;
        }
    }

    /** In words of this page, never the service's English text. */
    private String fieldError(String field) {
        return switch (field) {
            case "by" -> coord().figureBadBy();
            case "scheme" -> coord().figureBadScheme();
            default -> coord().figureBadMonth();
        };
    }

    private List<SchemeSummary> schemes() {
        try {
            SchemePage page = Api.read(() -> placement.schemes(0, 100), SchemePage.class);
            return page.items().stream()
                    .map(s -> new SchemeSummary(s.code(), s.name()))
                    .toList();
        } catch (ApiRefusal refusal) {
            return List.of();
        }
    }

    record Scheme(String code, String name) {}

    record SchemePage(List<Scheme> items) {}

    private String blankToNull(String value) {
        return Optional.ofNullable(value)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElse(null);
    }

    /** The texts of these pages in the person's language. */
    private CoordMsg coord() {
        return CoordTexts.of(pages.locale());
    }
}
