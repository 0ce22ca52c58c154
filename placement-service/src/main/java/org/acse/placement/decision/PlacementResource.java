package org.acse.placement.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.acse.common.events.DeclineReason;
import org.acse.placement.shelter.ShelterDirectory;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;

@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {
    @Inject
    Decisions decisions;

    @Inject
    PlacementReads reads;

    @Inject
    Caller caller;

    @Inject
    ShelterDirectory directory;

    /** {@code comment} is for the coordination team's records only: encrypted, it never leaves this service. */
    public record DeclineRequest(@NotNull DeclineReason reason, @Size(max = 2000) String comment) {
    }

    public record ManualRequest(@NotNull UUID referralId, @NotNull UUID unitId) {
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public Page<PlacementView> list(@QueryParam("referralId") UUID referralId, @QueryParam("shelterId") UUID shelterId,
            @QueryParam("status") PlacementStatus status, @Valid @BeanParam PageRequest page) {
        return reads.list(referralId, shelterId, status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView get(@PathParam("id") UUID id) {
        return reads.read(id);
    }

    /** With the expected arrival window and the meeting point, both optional. */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView accept(@PathParam("id") UUID id, @Valid Arrangement arrangement) {
        reads.visible(id);
        return PlacementView.of(decisions.accept(id, arrangement));
    }

    /** Without a body: the urgency's arrival window, the meeting point given later. */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView acceptAsIs(@PathParam("id") UUID id) {
        return accept(id, null);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        reads.visible(id);
        return PlacementView.of(decisions.decline(id, request.reason(), request.comment()));
    }

    /** Backing out after an acceptance (staff of that shelter, coordinators), or a coordinator cancelling a hold. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView cancel(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        reads.visible(id);
        return PlacementView.of(decisions.backOut(id, request.reason(), request.comment(), caller.isCoordinator()));
    }

    @PUT
    @Path("/{id}/meeting-point")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView meetingPoint(@PathParam("id") UUID id, @Valid @NotNull Arrangement.MeetingPoint point) {
        reads.visible(id);
        return PlacementView.of(decisions.meetingPoint(id, point));
    }

    @POST
    @Path("/{id}/arrival")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView arrival(@PathParam("id") UUID id) {
        reads.visible(id);
        PlacementView arrived = PlacementView.of(decisions.arrival(id));
        directory.reload(arrived.shelterId());
        return arrived;
    }

    /** Manual placement by a coordinator on a chosen eligible unit. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public Response place(@Valid @NotNull ManualRequest request) {
        PlacementView placed = PlacementView.of(decisions.placeManually(request.referralId(), request.unitId()));
        return Response.created(URI.create("/api/v1/placements/" + placed.id())).entity(placed).build();
    }
}
