package org.acse.web.staff;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.acse.common.events.DeclineReason;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.IntakeClient;
import org.acse.web.api.NotificationClient;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.Views;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The shelter team's home: proposals held for their shelter and the placements they accepted, until arrival.
 * placement-service decides which placements the person may see and do; the household, needs and languages come
 * from the proposal's alert on notification-service; the identity from intake once the shelter accepted.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffResource {
    static final int SIZE = 50;

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlacementClient placement;

    @Inject
    @RestClient
    NotificationClient notification;

    @Inject
    @RestClient
    IntakeClient intake;

    @Location("staff/home.html")
    Template home;

    @Location("staff/accept.html")
    Template accept;

    @Location("staff/placement.html")
    Template detail;

    @Location("staff/history.html")
    Template history;

    /** The outcomes of a proposal that is over; the live ones are on the home page. */
    static final List<String> PAST = List.of("DECLINED", "EXPIRED", "CANCELLED", "ARRIVED", "NO_SHOW");

    static final int HISTORY_PAGE = 20;

    /** A past proposal: the pseudonym only, never the person's identity. */
    @TemplateData
    public record Past(
            String pseudonym, String status, String statusWords, String reason, String proposed, String ended) {}

    /** A placement with what the team needs to decide, in words. */
    @TemplateData
    public record Card(
            Views.Placement placement,
            String pseudonym,
            String urgency,
            String household,
            String needs,
            String languages,
            String holdUntil,
            String status,
            boolean reasonError) {}

    @GET
    public TemplateInstance home(@QueryParam("done") String done) {
        return homePage(done, null);
    }

    private TemplateInstance homePage(String done, UUID reasonErrorFor) {
        List<Views.Placement> live = new ArrayList<>();
        live.addAll(placements("HELD"));
        live.addAll(placements("ACCEPTED"));
        Map<UUID, Views.Alert> alerts = alerts();
        List<Card> held = new ArrayList<>();
        List<Card> accepted = new ArrayList<>();
        for (Views.Placement p : live) {
            ("HELD".equals(p.status()) ? held : accepted)
                    .add(card(p, alerts.get(p.id()), p.id().equals(reasonErrorFor)));
        }
        return pages.page(home).data("held", held).data("accepted", accepted).data("done", notice(done));
    }

    /**
     * Past proposals, newest first. Without an outcome chosen the page reads every placement and leaves out the live
     * ones (placement filters by one status), so such a page may hold a few rows fewer than its size.
     */
    @GET
    @Path("history")
    public TemplateInstance history(
            @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page) {
        String outcome = status != null && PAST.contains(status) ? status : null;
        int at = Math.max(0, Math.min(page, 10_000));
        Views.PlacementPage found =
                Api.read(() -> placement.list(null, outcome, at, HISTORY_PAGE), Views.PlacementPage.class);
        Map<UUID, Views.Alert> alerts = alerts();
        Words w = pages.words();
        List<Past> rows = found.items.stream()
                .filter(p -> PAST.contains(p.status()))
                .map(p -> {
                    Views.Alert a = alerts.get(p.id());
                    return new Past(
                            a == null ? "—" : a.pseudonym(),
                            p.status(),
                            w.placementStatus(p.status()),
                            p.declineReason() == null ? "" : w.reason(p.declineReason()),
                            w.dateTime(p.createdAt()),
                            w.dateTime(p.decidedAt()));
                })
                .toList();
        int pagesCount =
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, (found.total + HISTORY_PAGE - 1) / HISTORY_PAGE));
        List<Words.Option> outcomes = PAST.stream()
                .map(c -> new Words.Option(c, w.placementStatus(c)))
                .toList();
        return pages.page(history)
                .data("rows", rows)
                .data("outcomes", outcomes)
                .data("status", outcome == null ? "" : outcome)
                .data("pageNumber", at + 1)
                .data("pages", pagesCount)
                .data("hasPrev", at > 0)
                .data("prevPage", at - 1)
                .data("hasNext", at + 1 < pagesCount)
                .data("nextPage", at + 1);
    }

    @GET
    @Path("placements/{id}/accept")
    public TemplateInstance confirm(@PathParam("id") UUID id) {
        Views.Placement p = Api.read(() -> placement.get(id), Views.Placement.class);
        return pages.page(accept).data("card", card(p, alerts().get(id))).data("error", false);
    }

    /** Accepts with the arrival window and meeting point if given (never the shelter's address). */
    @POST
    @Path("placements/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object accept(
            @PathParam("id") UUID id,
            @RestForm String arrivalFrom,
            @RestForm String arrivalUntil,
            @RestForm String meetingPlace,
            @RestForm String meetingAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Optional<String> from = instant(arrivalFrom);
            Optional<String> until = instant(arrivalUntil);
            if (from.isPresent() || until.isPresent()) {
                Map<String, Object> window = new LinkedHashMap<>();
                from.ifPresent(v -> window.put("from", v));
                until.ifPresent(v -> window.put("until", v));
                body.put("expectedArrival", window);
            }
            Optional<String> at = instant(meetingAt);
            if ((meetingPlace != null && !meetingPlace.isBlank()) || at.isPresent()) {
                Map<String, Object> meeting = new LinkedHashMap<>();
                if (meetingPlace != null && !meetingPlace.isBlank()) {
                    meeting.put("place", meetingPlace.trim());
                }
                at.ifPresent(v -> meeting.put("at", v));
                body.put("meetingPoint", meeting);
            }
        } catch (DateTimeParseException e) {
            Views.Placement p = Api.read(() -> placement.get(id), Views.Placement.class);
            return Response.status(400)
                    .entity(pages.page(accept)
                            .data("card", card(p, alerts().get(id)))
                            .data("error", true))
                    .build();
        }
        Api.read(() -> placement.accept(id, body.isEmpty() ? null : body), Void.class);
        return Response.seeOther(URI.create("/staff/placements/" + id + "?done=accepted"))
                .build();
    }

    @POST
    @Path("placements/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decline(@PathParam("id") UUID id, @RestForm String reason, @RestForm String comment) {
        if (!validReason(reason)) {
            return Response.status(400).entity(homePage(null, id)).build();
        }
        Api.read(() -> placement.decline(id, decision(reason, comment)), Void.class);
        return Response.seeOther(URI.create("/staff?done=declined")).build();
    }

    @GET
    @Path("placements/{id}")
    public TemplateInstance placement(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return detail(id, done, false);
    }

    /** After acceptance the shelter backs out (ADR 9): the person is directed to the next shelter. */
    @POST
    @Path("placements/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object backOut(@PathParam("id") UUID id, @RestForm String reason, @RestForm String comment) {
        if (!validReason(reason)) {
            return Response.status(400).entity(detail(id, null, true)).build();
        }
        Api.read(() -> placement.cancel(id, decision(reason, comment)), Void.class);
        return Response.seeOther(URI.create("/staff?done=backedOut")).build();
    }

    @POST
    @Path("placements/{id}/arrival")
    public Response arrival(@PathParam("id") UUID id) {
        Api.read(() -> placement.arrival(id), Void.class);
        return Response.seeOther(URI.create("/staff/placements/" + id + "?done=arrived"))
                .build();
    }

    private TemplateInstance detail(UUID id, String done, boolean reasonError) {
        Views.Placement p = Api.read(() -> placement.get(id), Views.Placement.class);
        Views.Identity identity = null;
        if ("ACCEPTED".equals(p.status()) || "ARRIVED".equals(p.status())) {
            try {
                identity = Api.read(() -> intake.identity(p.referralId()), Views.Identity.class);
            } catch (ApiRefusal refusal) {
                identity = null; // intake's rule: no identity for this person now
            }
        }
        return pages.page(detail)
                .data("card", card(p, alerts().get(id), reasonError))
                .data("identity", identity)
                .data(
                        "nationality",
                        identity == null || identity.person() == null
                                ? ""
                                : pages.words().country(identity.person().nationality()))
                .data("done", notice(done));
    }

    private List<Views.Placement> placements(String status) {
        return Api.read(() -> placement.list(null, status, 0, SIZE), Views.PlacementPage.class).items;
    }

    /** Proposal alerts by placement; without notification-service the cards still show the placement itself. */
    private Map<UUID, Views.Alert> alerts() {
        Map<UUID, Views.Alert> byPlacement = new HashMap<>();
        try {
            for (Views.Alert a :
                    Api.read(() -> notification.list("PROPOSAL", null, 0, 100), Views.AlertPage.class).items) {
                if (a.placementId() != null) {
                    byPlacement.putIfAbsent(a.placementId(), a);
                }
            }
        } catch (ApiRefusal refusal) {
            // shown without the household; the decision is still placement-service's
        }
        return byPlacement;
    }

    private Card card(Views.Placement p, Views.Alert alert) {
        return card(p, alert, false);
    }

    private Card card(Views.Placement p, Views.Alert alert, boolean reasonError) {
        Words w = pages.words();
        return new Card(
                p,
                alert == null ? "—" : alert.pseudonym(),
                alert == null ? "" : w.urgency(alert.urgency()),
                alert == null ? "" : w.household(alert.household()),
                alert == null ? "" : w.needs(alert.needs()),
                alert == null ? "" : w.languages(alert.languages()),
                w.dateTime(p.holdExpiresAt()),
                w.placementStatus(p.status()),
                reasonError);
    }

    private String notice(String done) {
        if (done == null) {
            return null;
        }
        var msg = pages.words().msg();
        return switch (done) {
            case "accepted" -> msg.accepted();
            case "declined" -> msg.declined();
            case "backedOut" -> msg.backedOut();
            case "arrived" -> msg.arrived();
            default -> null;
        };
    }

    static boolean validReason(String reason) {
        return reason != null
                && Arrays.stream(DeclineReason.values()).anyMatch(r -> r.name().equals(reason));
    }

    private static Map<String, Object> decision(String reason, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment.trim());
        }
        return body;
    }

    /** A {@code datetime-local} value, read in Europe/Paris. */
    private static Optional<String> instant(String local) {
        if (local == null || local.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(local.trim())
                .atZone(Words.PARIS)
                .toInstant()
                .toString());
    }
}
