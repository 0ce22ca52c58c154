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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Schemes of places: coordinators manage them; staff read the scheme of their own shelter. */
@Path("/api/v1/schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "schemes", description = "Schemes of places: groups of shelters partners may ask for.")
public class SchemeResource {
    @Inject
    SchemeService schemes;

    @Inject
    ShelterDirectory directory;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "createScheme",
            summary = "Create a scheme of places",
            description = "A named group of shelters (e.g. a regional programme) that partners may ask for in a"
                    + " referral's `preferredScheme`.")
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The scheme: `/api/v1/schemes/{id}`.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "409", description = "A scheme with this code exists.")
    public Response create(@Valid @NotNull SchemeRequest request) {
        SchemeView created = schemes.create(request);
        return Response.created(URI.create("/api/v1/schemes/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "listSchemes",
            summary = "List schemes of places",
            description = "With their shelters (no address), departments, support and places. A page"
                    + " `{items, page, size, total}`; staff see their own shelter's scheme.")
    public Page<SchemeView> list(@Valid @BeanParam PageRequest page) {
        return schemes.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "getScheme",
            summary = "Read a scheme of places",
            description = "Staff of one of its shelters see it without the other shelters.")
    public SchemeView get(@PathParam("id") UUID id) {
        return schemes.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "updateScheme",
            summary = "Change a scheme of places",
            description = "Its code, name and description.")
    @APIResponseSchema(value = SchemeView.class, responseCode = "200", responseDescription = "Changed.")
    @APIResponse(responseCode = "409", description = "Another scheme has this code.")
    public SchemeView update(@PathParam("id") UUID id, @Valid @NotNull SchemeRequest request) {
        return published(schemes.update(id, request));
    }

    @PUT
    @Path("/{id}/shelters")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "setSchemeShelters",
            summary = "Set the shelters of a scheme",
            description =
                    "Exactly these shelters, each in no other scheme; matching ranks with the new schemes at once.")
    @APIResponseSchema(
            value = SchemeView.class,
            responseCode = "200",
            responseDescription = "The scheme with its shelters.")
    @APIResponse(responseCode = "409", description = "A shelter is in another scheme.")
    public SchemeView shelters(@PathParam("id") UUID id, @Valid @NotNull SchemeRequest.Shelters request) {
        return published(schemes.setShelters(id, request));
    }

    @GET
    @Path("/{id}/occupancy")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "getSchemeOccupancy",
            summary = "Read a scheme's occupancy",
            description = "Counts only, in places: free, held, given, occupied, out of service. No person.")
    public SchemeView.Occupancy occupancy(@PathParam("id") UUID id) {
        return schemes.occupancy(id);
    }

    /** After the commit: matching ranks with the shelters' new scheme at once. */
    private SchemeView published(SchemeService.Changed changed) {
        changed.shelters().forEach(directory::reload);
        return changed.scheme();
    }
}
