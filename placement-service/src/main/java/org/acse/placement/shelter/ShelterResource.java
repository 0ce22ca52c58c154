package org.acse.placement.shelter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.security.Roles;

@Path("/api/v1/shelters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShelterResource {
    @Inject
    ShelterService shelters;

    @Inject
    ShelterDirectory directory;

    @Inject
    Event<PlacesChanged> placesChanged;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    public Response create(@Valid @NotNull ShelterRequest request) {
        ShelterView created = shelters.create(request);
        published(created.id());
        return Response.created(URI.create("/api/v1/shelters/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public Page<ShelterView.Summary> list(@Valid @BeanParam PageRequest page) {
        return shelters.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public ShelterView get(@PathParam("id") UUID id) {
        return shelters.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    public ShelterView update(@PathParam("id") UUID id, @Valid @NotNull ShelterRequest request) {
        ShelterView updated = shelters.update(id, request);
        published(id);
        return updated;
    }

    @PUT
    @Path("/{id}/units/{unitId}/availability")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public ShelterView.UnitView availability(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
            @Valid @NotNull AvailabilityRequest request) {
        ShelterView.UnitView unit = shelters.setAvailability(id, unitId, request);
        published(id);
        return unit;
    }

    /** After the commit: matching sees the change at once, and waiting referrals get another chance. */
    private void published(UUID shelterId) {
        directory.reload(shelterId);
        placesChanged.fire(new PlacesChanged(shelterId));
    }
}
