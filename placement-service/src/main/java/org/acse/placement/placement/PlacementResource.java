package org.acse.placement.placement;

import org.acse.common.events.DeclineReason;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.acse.placement.shelter.ShelterDirectory;
import org.acse.placement.shelter.ShelterResource;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;

@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {
    @Inject
    PlacementService placements;

    @Inject
    Caller caller;

    @Inject
    ShelterDirectory directory;

    /** {@code comment} is for the coordination team's records only: it never leaves this service. */
    public record DeclineRequest(@NotNull DeclineReason reason, @Size(max = 2000) String comment) {
    }

    public record ManualRequest(@NotNull UUID referralId, @NotNull UUID unitId) {
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Transactional
    public PlacementView.Page list(@QueryParam("referralId") UUID referralId, @QueryParam("shelterId") UUID shelterId,
            @QueryParam("status") PlacementStatus status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        ShelterResource.Pages.check(page, size);
        if (!caller.isCoordinator()) {
            UUID own = caller.shelterId().orElseThrow(() -> ProblemException.notFound("Shelter"));
            if (shelterId != null) {
                caller.requireShelterAccess(shelterId, "Shelter");
            }
            shelterId = own;
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (referralId != null) {
            query.append(" and referralId = :referralId");
            params.put("referralId", referralId);
        }
        if (shelterId != null) {
            query.append(" and shelterId = :shelterId");
            params.put("shelterId", shelterId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        var found = Placement.<Placement>find(query.toString(), Sort.descending("createdAt").and("id"), params);
        return new PlacementView.Page(found.page(page, size).list().stream().map(PlacementView::of).toList(), page,
                size, found.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView get(@PathParam("id") UUID id) {
        return PlacementView.of(checked(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView accept(@PathParam("id") UUID id) {
        checked(id);
        return PlacementView.of(placements.accept(id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        checked(id);
        return PlacementView.of(placements.decline(id, request.reason(), request.comment()));
    }

    @POST
    @Path("/{id}/arrival")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public PlacementView arrival(@PathParam("id") UUID id) {
        checked(id);
        PlacementView arrived = PlacementView.of(placements.arrival(id));
        directory.reload(arrived.shelterId());
        return arrived;
    }

    /** Manual placement by a coordinator on a chosen eligible unit. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public Response place(@Valid @NotNull ManualRequest request) {
        PlacementView placed = PlacementView.of(placements.placeManually(request.referralId(), request.unitId()));
        return Response.created(URI.create("/api/v1/placements/" + placed.id())).entity(placed).build();
    }

    /** The placement, if the caller may see it: coordinators, and staff of its shelter; anyone else gets 404. */
    private Placement checked(UUID id) {
        Placement p = placements.find(id);
        caller.requireShelterAccess(p.shelterId, "Placement");
        return p;
    }
}
