package org.acse.placement.shelter;

import jakarta.annotation.security.RolesAllowed;
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

/** Schemes of places: coordinators manage them; staff read the scheme of their own shelter. */
@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemeResource {
    @Inject
    SchemeService schemes;

    @Inject
    ShelterDirectory directory;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    public Response create(@Valid @NotNull SchemeRequest request) {
        SchemeView created = schemes.create(request);
        return Response.created(URI.create("/api/v1/schemes/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public Page<SchemeView> list(@Valid @BeanParam PageRequest page) {
        return schemes.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public SchemeView get(@PathParam("id") UUID id) {
        return schemes.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    public SchemeView update(@PathParam("id") UUID id, @Valid @NotNull SchemeRequest request) {
        return published(schemes.update(id, request));
    }

    @PUT
    @Path("/{id}/shelters")
    @RolesAllowed(Roles.COORDINATOR)
    public SchemeView shelters(@PathParam("id") UUID id, @Valid @NotNull SchemeRequest.Shelters request) {
        return published(schemes.setShelters(id, request));
    }

    @GET
    @Path("/{id}/occupancy")
    @RolesAllowed(Roles.COORDINATOR)
    public SchemeView.Occupancy occupancy(@PathParam("id") UUID id) {
        return schemes.occupancy(id);
    }

    /** After the commit: matching ranks with the shelters' new scheme at once. */
    private SchemeView published(SchemeService.Changed changed) {
        changed.shelters().forEach(directory::reload);
        return changed.scheme();
    }
}
