package org.acse.web.coordinator;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.IntakeClient;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.Views;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The coordinators' board: referrals by state (intake's list, filtered by status), each with its timeline, its
 * placements and the matching explanation (placement-service, coordinators only), and the erasure of its personal
 * data on request (intake).
 */
@Path("/coordinator")
@Produces(MediaType.TEXT_HTML)
public class CoordinatorResource {
    static final int COLUMN = 10;
    /**
     * Verdicts the referral page lists, eligible shelters first by rank: placement explains the whole registry
     * (10,000 shelters), which as a table would be megabytes of page and seconds of rendering; the rest is counted
     * by reason (the API gives every verdict without {@code limit}).
     */
    static final int MATCHING_ROWS = 100;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    IntakeClient intake;

    @Inject
    @RestClient
    PlacementClient placement;

    /** The board's columns are read at once (one call per state). */
    @Inject
    ManagedExecutor executor;

    @Location("coordinator/board.html")
    Template board;

    @Location("coordinator/referral.html")
    Template referral;

    @Location("coordinator/erasure.html")
    Template erasure;

    /** A hard constraint in words and how many shelters it excluded. */
    @TemplateData
    public record Excluded(String reason, int count) {}

    @TemplateData
    public record Column(String status, String label, long total, List<Views.ReferralSummary> referrals) {}

    @GET
    public TemplateInstance board() {
        Words w = pages.words();
        Map<String, CompletableFuture<Views.ReferralPage>> started = new LinkedHashMap<>();
        for (String status : Words.REFERRAL_STATUSES) {
            started.put(
                    status,
                    Api.start(
                            executor, () -> Api.read(() -> intake.list(status, 0, COLUMN), Views.ReferralPage.class)));
        }
        List<Column> columns = new ArrayList<>();
        for (String status : Words.REFERRAL_STATUSES) {
            Views.ReferralPage page;
            try {
                page = Api.join(started.get(status));
            } catch (ApiRefusal refusal) {
                if (refusal.unavailable() || refusal.status() != 400) {
                    throw refusal;
                }
                continue; // a status this intake does not know yet
            }
            columns.add(new Column(status, w.status(status), page.total, page.items));
        }
        return pages.page(board).data("columns", columns);
    }

    @GET
    @Path("referrals/{id}")
    public TemplateInstance referral(@PathParam("id") UUID id, @QueryParam("done") String done) {
        Views.Referral found = Api.read(() -> intake.get(id), Views.Referral.class);
        List<Views.Placement> placements =
                Api.read(() -> placement.list(id, null, 0, 50), Views.PlacementPage.class).items;
        Views.Explanation matching;
        try {
            matching = Api.read(() -> placement.matching(id, MATCHING_ROWS), Views.Explanation.class);
        } catch (ApiRefusal refusal) {
            if (refusal.unavailable()) {
                throw refusal;
            }
            matching = null;
        }
        Words w = pages.words();
        List<Excluded> excluded = matching == null || matching.excluded() == null
                ? List.of()
                : matching.excluded().entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> new Excluded(w.exclusion(e.getKey()), e.getValue()))
                        .toList();
        boolean partial = matching != null && matching.shelters().size() < matching.sheltersConsidered();
        return pages.page(referral)
                .data("referral", found)
                .data("placements", placements)
                .data("matching", matching)
                .data("excluded", excluded)
                .data("partial", partial)
                .data("done", notice(done));
    }

    /**
     * A coordinator's manual placement on the unit the explanation offers: placement-service holds it through the
     * same rules as matching (never in a danger zone, the unit free), or refuses, and the page says which.
     */
    @POST
    @Path("referrals/{id}/place")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@PathParam("id") UUID id, @RestForm String unitId) {
        UUID unit;
        try {
            unit = UUID.fromString(unitId == null ? "" : unitId);
        } catch (IllegalArgumentException e) {
            return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=placeRefused"))
                    .build();
        }
        try {
            Api.read(() -> placement.place(Map.of("referralId", id, "unitId", unit)), Void.class);
        } catch (ApiRefusal refusal) {
            if (refusal.unavailable() || refusal.status() != 409) {
                throw refusal;
            }
            return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=placeRefused"))
                    .build();
        }
        return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=placed"))
                .build();
    }

    /** The erasure's second step: what it erases, the reason intake keeps, and an explicit confirmation. */
    @GET
    @Path("referrals/{id}/erasure")
    public TemplateInstance erasure(@PathParam("id") UUID id) {
        return erasurePage(Api.read(() -> intake.get(id), Views.Referral.class), null, false, false);
    }

    /**
     * Erasure on request (ADR 17): intake erases the referral's personal data in every service, with the
     * coordinator's own token and reason; without a reason or the confirmation nothing is sent.
     */
    @POST
    @Path("referrals/{id}/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") UUID id, @RestForm String reason, @RestForm String confirm) {
        boolean noReason = reason == null || reason.isBlank();
        boolean unconfirmed = !"yes".equals(confirm);
        if (noReason || unconfirmed) {
            return refusedErasure(id, reason, noReason, unconfirmed);
        }
        try {
            Api.read(() -> intake.erase(id, Map.of("reason", reason.trim())), Void.class);
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            return refusedErasure(id, reason, true, false); // intake's rule on the reason (its length)
        }
        return Response.seeOther(URI.create("/coordinator/referrals/" + id + "?done=erased"))
                .build();
    }

    private Response refusedErasure(UUID id, String reason, boolean reasonError, boolean confirmError) {
        Views.Referral found = Api.read(() -> intake.get(id), Views.Referral.class);
        return Response.status(400)
                .entity(erasurePage(found, reason, reasonError, confirmError))
                .build();
    }

    private TemplateInstance erasurePage(
            Views.Referral found, String reason, boolean reasonError, boolean confirmError) {
        return pages.page(erasure)
                .data("referral", found)
                .data("reason", reason == null ? "" : reason)
                .data("reasonError", reasonError)
                .data("confirmError", confirmError);
    }

    private String notice(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "placed" -> coord().placedManually();
            case "placeRefused" -> coord().placeRefused();
            case "erased" -> coord().erased();
            default -> null;
        };
    }

    /** The texts of these pages in the person's language. */
    private CoordMsg coord() {
        return CoordTexts.of(pages.locale());
    }
}
