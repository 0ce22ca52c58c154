package org.acse.notification.alert;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR})
@Tag(
        name = "alerts",
        description = "Alerts to shelter teams and coordinators, live or listed, and their" + " acknowledgement.")
public class AlertResource {
    @Inject
    AlertService alerts;

    @Inject
    AlertReads reads;

    @Inject
    AlertFeed feed;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(
            operationId = "listAlerts",
            summary = "List alerts",
            description = "Newest first: a shelter's staff see their shelter's alerts, coordinators every alert."
                    + " Filters take comma-separated values. A page `{items, page, size, total}`.")
    public Page<AlertView> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("shelterId") String shelterId,
            @QueryParam("referralId") String referralId,
            @QueryParam("escalated") Boolean escalated,
            @Valid @BeanParam PageRequest page) {
        AlertFilter filter = new AlertFilter(
                Params.uuid("shelterId", shelterId),
                Params.uuid("referralId", referralId),
                status == null
                        ? null
                        : Arrays.stream(status.split(","))
                                .map(s -> Params.enumValue("status", AlertStatus.class, s.trim()))
                                .toList(),
                kind == null
                        ? null
                        : Arrays.stream(kind.split(","))
                                .map(k -> Params.enumValue("kind", AlertKind.class, k.trim()))
                                .toList(),
                escalated);
        return reads.list(Viewer.of(caller), filter, page);
    }

    @GET
    @Path("/stream")
    @RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR, Roles.PARTNER})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            operationId = "streamAlerts",
            summary = "Follow alerts live",
            description = "Server-sent events: each `data` is a JSON `{type, alert, referral}`, `type` `alert` when an"
                    + " alert the caller may see is created or changes (shelter staff, coordinators), `referral` with"
                    + " `{referralId, status, updatedAt}` when the status a referring organisation hears changes (its"
                    + " partners, coordinators), `ping` every 20 seconds to keep proxies from closing the"
                    + " stream. The stream ends when the token that opened it expires: open it again with a fresh"
                    + " token.")
    @APIResponse(
            responseCode = "200",
            description = "The stream, open until the client closes it or its token expires.",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = AlertFeed.FeedEvent.class)))
    public Multi<AlertFeed.FeedEvent> stream() {
        Viewer viewer = Viewer.of(caller);
        alerts.streamOpened(viewer);
        return feed.stream(viewer, Instant.ofEpochSecond(token.getExpirationTime()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAlert",
            summary = "Read an alert",
            description = "What the alert is about (pseudonym, household, needs, languages, urgency, deadlines); never"
                    + " the identity.")
    @APIResponseSchema(value = AlertView.class, responseCode = "200", responseDescription = "The alert.")
    @APIResponse(responseCode = "400", description = "`id` is not a UUID.")
    public AlertView get(@PathParam("id") String id) {
        return alerts.get(Params.uuid("id", id), Viewer.of(caller));
    }

    @POST
    @Path("/{id}/ack")
    @Operation(
            operationId = "acknowledgeAlert",
            summary = "Acknowledge an alert",
            description = "Someone has seen it: it is no longer re-sent nor escalated. Acknowledging twice changes"
                    + " nothing.")
    @APIResponseSchema(value = AlertView.class, responseCode = "200", responseDescription = "Acknowledged.")
    @APIResponse(responseCode = "400", description = "`id` is not a UUID.")
    @APIResponse(responseCode = "409", description = "The alert is closed; there is nothing to acknowledge.")
    public AlertView acknowledge(@PathParam("id") String id) {
        return alerts.acknowledge(Params.uuid("id", id), Viewer.of(caller));
    }

    /** Query and path parameters: a bad value is a 400 naming the parameter, never a 404 or 500. */
    static final class Params {
        static UUID uuid(String name, String value) {
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(name, "must be a UUID");
            }
        }

        static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(name, "must be one of " + List.of(type.getEnumConstants()));
            }
        }

        private Params() {}
    }
}
