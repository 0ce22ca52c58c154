package org.acse.notification.dashboard;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.acse.common.events.DeclineReason;
import org.acse.notification.alert.AlertFeed;
import org.acse.notification.alert.AlertFilter;
import org.acse.notification.alert.AlertKind;
import org.acse.notification.alert.AlertReads;
import org.acse.notification.alert.AlertService;
import org.acse.notification.alert.AlertStatus;
import org.acse.notification.alert.AlertView;
import org.acse.notification.alert.Viewer;
import org.acse.notification.delivery.Delivery;
import org.acse.notification.delivery.DeliveryReads;
import org.acse.notification.delivery.DeliveryView;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The dashboard's own backend (session cookie from the authorization code flow, never a token in the browser):
 * the alerts the signed-in person may see, their live stream, and the accept, decline, back-out and arrival
 * actions proxied to placement-service with that person's access token. State-changing calls need the
 * {@code X-Acse-Dashboard} header, which a cross-site form cannot send.
 */
@Path("/dashboard/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR})
public class DashboardResource {
    static final String CSRF_HEADER = "X-Acse-Dashboard";
    static final int COMMENT_MAX = 500;
    static final String REQUIRED = "is required";
    /** What the dashboard shows of a list: its newest hundred. */
    private static final PageRequest FIRST_HUNDRED = PageRequest.of(0, 100);

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    AlertService alerts;

    @Inject
    AlertReads alertReads;

    @Inject
    AlertFeed feed;

    @Inject
    DeliveryReads deliveries;

    @Inject
    @RestClient
    PlacementClient placement;

    /** Who is signed in, and the reasons a decline or back-out may give (the one list, from the contracts). */
    public record Me(String name, boolean coordinator, UUID shelterId, List<DeclineReason> declineReasons) {}

    /** A decline of a held place, or a back-out of an accepted one (with an optional comment). */
    public record Decision(
            @NotNull(message = REQUIRED) DeclineReason reason,

            @Size(max = COMMENT_MAX, message = "must be at most " + COMMENT_MAX + " characters")
            String comment) {}

    @GET
    @Path("/me")
    public Me me() {
        Viewer v = Viewer.of(caller);
        return new Me(caller.subject(), v.coordinator(), v.shelterId().orElse(null), List.of(DeclineReason.values()));
    }

    @GET
    @Path("/alerts")
    public Page<AlertView> list(@QueryParam("view") @DefaultValue("active") String view) {
        Viewer viewer = Viewer.of(caller);
        List<AlertStatus> waiting = AlertStatus.ACTIVE;
        // an accepted proposal still awaits the team: the arrival, or a back-out
        List<AlertStatus> inHand = new ArrayList<>(AlertStatus.ACTIVE);
        inHand.add(AlertStatus.ACCEPTED);
        AlertFilter filter = switch (view) {
            case "active" -> new AlertFilter(null, null, inHand, null, null);
            case "no-match" -> new AlertFilter(null, null, waiting, List.of(AlertKind.NO_MATCH), null);
            case "decisions" ->
                new AlertFilter(null, null, waiting, List.of(AlertKind.NO_SHOW, AlertKind.POSSIBLE_DUPLICATE), null);
            case "escalated" -> new AlertFilter(null, null, null, null, true);
            case "all" -> new AlertFilter(null, null, null, null, null);
            default -> throw ProblemException.invalid("view", "must be active, no-match, decisions, escalated or all");
        };
        return alertReads.list(viewer, filter, FIRST_HUNDRED);
    }

    @GET
    @Path("/deliveries/failed")
    @RolesAllowed(Roles.COORDINATOR)
    public Page<DeliveryView> failedDeliveries() {
        return deliveries.list(Delivery.Status.FAILED, null, null, FIRST_HUNDRED);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<AlertFeed.FeedEvent> stream() {
        Viewer viewer = Viewer.of(caller);
        alerts.streamOpened(viewer);
        return feed.stream(viewer, Instant.now().plus(Duration.ofHours(8)));
    }

    @POST
    @Path("/alerts/{id}/ack")
    public AlertView acknowledge(@PathParam("id") UUID id, @HeaderParam(CSRF_HEADER) String csrf) {
        requireDashboard(csrf);
        return alerts.acknowledge(id, Viewer.of(caller));
    }

    @POST
    @Path("/alerts/{id}/accept")
    @Blocking
    public Map<String, Object> accept(@PathParam("id") UUID id, @HeaderParam(CSRF_HEADER) String csrf) {
        requireDashboard(csrf);
        UUID placementId = alerts.placementOf(id, Viewer.of(caller));
        return call(() -> placement.accept(placementId, bearer()));
    }

    /** A held place is declined, with a reason code. */
    @POST
    @Path("/alerts/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Map<String, Object> decline(
            @PathParam("id") UUID id, @HeaderParam(CSRF_HEADER) String csrf, @Valid Decision decision) {
        requireDashboard(csrf);
        DeclineReason reason = reason(decision);
        UUID placementId = alerts.placementOf(id, Viewer.of(caller));
        return call(() -> placement.decline(placementId, bearer(), new PlacementClient.Decline(reason)));
    }

    /** An accepted placement is not declined: the shelter backs out, with a reason code and an optional comment. */
    @POST
    @Path("/alerts/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Map<String, Object> backOut(
            @PathParam("id") UUID id, @HeaderParam(CSRF_HEADER) String csrf, @Valid Decision decision) {
        requireDashboard(csrf);
        DeclineReason reason = reason(decision);
        String comment = decision.comment() == null || decision.comment().isBlank()
                ? null
                : decision.comment().strip();
        UUID placementId = alerts.placementOf(id, Viewer.of(caller));
        return call(() -> placement.cancel(placementId, bearer(), new PlacementClient.Cancel(reason, comment)));
    }

    @POST
    @Path("/alerts/{id}/arrival")
    @Blocking
    public Map<String, Object> arrival(@PathParam("id") UUID id, @HeaderParam(CSRF_HEADER) String csrf) {
        requireDashboard(csrf);
        UUID placementId = alerts.placementOf(id, Viewer.of(caller));
        return call(() -> placement.arrival(placementId, bearer()));
    }

    /** No body at all: the same answer as a body without a reason. */
    private static DeclineReason reason(Decision decision) {
        if (decision == null) {
            throw ProblemException.invalid("reason", REQUIRED);
        }
        return decision.reason();
    }

    private String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "Sign in again.", List.of());
        }
        return "Bearer " + token.getToken();
    }

    private static void requireDashboard(String csrf) {
        if (!"1".equals(csrf)) {
            throw ProblemException.forbidden("Dashboard actions come from the dashboard.");
        }
    }

    /** placement-service's refusal (404, 409...) is passed on as a problem; its absence is a 502, not a 500. */
    private static Map<String, Object> call(Supplier<Map<String, Object>> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new ProblemException(
                    status >= 500 ? 502 : status,
                    "placement-refused",
                    status >= 500 ? "Bad gateway" : "Refused by placement-service",
                    "placement-service answered " + status + ".",
                    List.of());
        } catch (ProcessingException e) {
            throw new ProblemException(
                    502,
                    "placement-unavailable",
                    "Bad gateway",
                    "placement-service cannot be reached; try again.",
                    List.of());
        }
    }
}
