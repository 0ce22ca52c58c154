package org.acse.web.staff;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.web.api.Api;
import org.acse.web.api.ApiRefusal;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.Problem;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Lang;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * "Mes places": the shelter team's units with their status, and their word on each one. placement-service answers
 * only with the caller's own shelter and judges every change; a change, even of nothing, is the place's
 * confirmation (its {@code lastConfirmedAt}).
 */
@Path("/staff/places")
@Produces(MediaType.TEXT_HTML)
public class PlacesResource {
    /** The statuses a team sets; {@code HELD} is placement's own while a proposal waits, so no form is offered then. */
    static final List<String> SETTABLE = List.of("FREE", "OCCUPIED", "OUT_OF_SERVICE");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    PlacementClient placement;

    @Location("staff/places.html")
    Template places;

    public record Ref(UUID id) {}

    public record Found(List<Ref> items) {}

    public record Unit(
            UUID id, int capacity, String status, Instant availableFrom, Instant lastConfirmedAt, boolean stale) {}

    public record Shelter(UUID id, String code, String name, List<Unit> units) {}

    /** A unit as shown, with the errors of the change just refused, by field ({@code status}, {@code availableFrom}). */
    @TemplateData
    public record Row(
            String id,
            int number,
            int capacity,
            String status,
            String statusWords,
            String availableFrom,
            String availableFromValue,
            String lastConfirmed,
            boolean stale,
            boolean free,
            Map<String, String> errors) {
        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    @TemplateData
    public record Choice(String code, String label) {}

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return page(shelter(), null, Map.of(), done);
    }

    /** "Toujours libre": the unit's status and availability sent back as they are, which confirms them. */
    @POST
    @Path("{unitId}/confirm")
    public Object confirm(@PathParam("unitId") UUID unitId) {
        Shelter s = shelter();
        Unit unit = s.units().stream()
                .filter(u -> u.id().equals(unitId))
                .findFirst()
                .orElseThrow(() -> new ApiRefusal(404, null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", unit.status());
        body.put(
                "availableFrom",
                unit.availableFrom() == null ? null : unit.availableFrom().toString());
        return send(s, unitId, body, "confirmed");
    }

    @POST
    @Path("{unitId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(@PathParam("unitId") UUID unitId, @RestForm String status, @RestForm String availableFrom) {
        Shelter s = shelter();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status == null || status.isBlank() ? null : status.strip());
        try {
            body.put(
                    "availableFrom",
                    availableFrom == null || availableFrom.isBlank()
                            ? null
                            : LocalDateTime.parse(availableFrom.strip())
                                    .atZone(Words.PARIS)
                                    .toInstant()
                                    .toString());
        } catch (DateTimeParseException e) {
            return refusedPage(s, unitId, Map.of("availableFrom", texts().unitAvailableFromInvalid()));
        }
        return send(s, unitId, body, "saved");
    }

    private Object send(Shelter s, UUID unitId, Map<String, Object> body, String done) {
        try {
            Api.read(() -> placement.availability(s.id(), unitId, body), Void.class);
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 400 || refusal.problem() == null) {
                throw refusal;
            }
            return refusedPage(s, unitId, errors(refusal.problem()));
        }
        return Response.seeOther(URI.create("/staff/places?done=" + done + "#unit-" + unitId))
                .build();
    }

    private Response refusedPage(Shelter s, UUID unitId, Map<String, String> errors) {
        return Response.status(400).entity(page(s, unitId, errors, null)).build();
    }

    /** placement's field errors in words, next to the field they name; anything else above the form. */
    private Map<String, String> errors(Problem problem) {
        StaffMsg t = texts();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError e : problem.errors()) {
            switch (e.field() == null ? "" : e.field()) {
                case "status" -> errors.put("status", t.unitStatusInvalid());
                case "availableFrom" -> errors.put("availableFrom", t.unitAvailableFromInvalid());
                default -> errors.put("form", t.unitRefused());
            }
        }
        if (errors.isEmpty()) {
            errors.put("form", t.unitRefused());
        }
        return errors;
    }

    private TemplateInstance page(Shelter s, UUID errorsFor, Map<String, String> errors, String done) {
        Words w = pages.words();
        StaffMsg t = texts();
        List<Row> rows = new ArrayList<>();
        List<Unit> units = s.units() == null ? List.of() : s.units();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            rows.add(new Row(
                    u.id().toString(),
                    i + 1,
                    u.capacity(),
                    u.status(),
                    w.unitStatus(u.status()),
                    u.availableFrom() == null ? t.unitNow() : w.dateTime(u.availableFrom()),
                    u.availableFrom() == null
                            ? ""
                            : LOCAL.format(u.availableFrom().atZone(Words.PARIS)),
                    u.lastConfirmedAt() == null ? t.unitNever() : w.dateTime(u.lastConfirmedAt()),
                    u.stale(),
                    "FREE".equals(u.status()),
                    u.id().equals(errorsFor) ? errors : Map.of()));
        }
        List<Choice> choices =
                SETTABLE.stream().map(c -> new Choice(c, w.unitStatus(c))).toList();
        return pages.page(places)
                .data("shelterName", s.name())
                .data("rows", rows)
                .data("choices", choices)
                .data(
                        "done",
                        "confirmed".equals(done) ? t.unitConfirmed() : "saved".equals(done) ? t.unitSaved() : null);
    }

    /** The caller's own shelter: placement lists only that one to its staff. */
    private Shelter shelter() {
        Found found = Api.read(() -> placement.shelters(null, 0, 1), Found.class);
        if (found.items() == null || found.items().isEmpty()) {
            throw new ApiRefusal(404, null);
        }
        UUID id = found.items().get(0).id();
        return Api.read(() -> placement.shelter(id), Shelter.class);
    }

    private StaffMsg texts() {
        return Lang.ENGLISH.equals(pages.locale())
                ? MessageBundles.get(StaffMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(StaffMsg.class);
    }
}
