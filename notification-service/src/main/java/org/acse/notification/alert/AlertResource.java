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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR})
public class AlertResource {
    @Inject
    AlertService alerts;

    @Inject
    AlertReads reads;

    @Inject
    AlertFeed feed;

    @Inject
    Caller caller;

    @GET
    public Page<AlertView> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("shelterId") String shelterId, @QueryParam("referralId") String referralId,
            @QueryParam("escalated") Boolean escalated, @Valid @BeanParam PageRequest page) {
        AlertFilter filter = new AlertFilter(Params.uuid("shelterId", shelterId), Params.uuid("referralId", referralId),
                status == null ? null : Arrays.stream(status.split(","))
                        .map(s -> Params.enumValue("status", AlertStatus.class, s.trim())).toList(),
                kind == null ? null : Arrays.stream(kind.split(","))
                        .map(k -> Params.enumValue("kind", AlertKind.class, k.trim())).toList(), escalated);
        return reads.list(Viewer.of(caller), filter, page);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<AlertFeed.FeedEvent> stream() {
        Viewer viewer = Viewer.of(caller);
        alerts.streamOpened(viewer);
        return feed.stream(viewer);
    }

    @GET
    @Path("/{id}")
    public AlertView get(@PathParam("id") String id) {
        return alerts.get(Params.uuid("id", id), Viewer.of(caller));
    }

    @POST
    @Path("/{id}/ack")
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

        private Params() {
        }
    }
}
