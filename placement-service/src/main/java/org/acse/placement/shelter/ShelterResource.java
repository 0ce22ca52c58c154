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
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/shelters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "shelters", description = "The network's partner shelters, their units and availability.")
public class ShelterResource {
    @Inject
    ShelterService shelters;

    @Inject
    ShelterDirectory directory;

    @Inject
    Event<PlacesChanged> placesChanged;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "createShelter",
            summary = "Add a shelter",
            description = "A partner shelter, its units and what it accepts; it may join a scheme of places"
                    + " (`schemeCode`). Matching sees it at once.")
    @APIResponse(
            responseCode = "201",
            description = "Created.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The shelter: `/api/v1/shelters/{id}`.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShelterView.class)))
    @APIResponse(responseCode = "409", description = "A shelter with this code exists, or the scheme already has it.")
    public Response create(@Valid @NotNull ShelterRequest request) {
        ShelterView created = shelters.create(request);
        published(created.id());
        return Response.created(URI.create("/api/v1/shelters/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "listShelters",
            summary = "List shelters",
            description = "Without addresses: codes, places and free units. A page `{items, page, size, total}`;"
                    + " `q` keeps the shelters whose code or name contains it.")
    public Page<ShelterView.Summary> list(
            @Parameter(description = "Part of a shelter's code or name, any case.") @QueryParam("q") String q,
            @Valid @BeanParam PageRequest page) {
        return shelters.list(q, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "getShelter",
            summary = "Read a shelter",
            description = "With its address and units (the read is audited). Staff read their own shelter only.")
    public ShelterView get(@PathParam("id") UUID id) {
        return shelters.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "updateShelter",
            summary = "Change a shelter",
            description = "The whole shelter again; a unit with an `id` is that unit, one without is new.")
    @APIResponseSchema(value = ShelterView.class, responseCode = "200", responseDescription = "Changed.")
    @APIResponse(
            responseCode = "409",
            description = "Another shelter has this code, or the shelter is in another" + " scheme.")
    public ShelterView update(@PathParam("id") UUID id, @Valid @NotNull ShelterRequest request) {
        ShelterView updated = shelters.update(id, request);
        published(id);
        return updated;
    }

    @PUT
    @Path("/{id}/units/{unitId}/availability")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "setUnitAvailability",
            summary = "Declare a unit's availability",
            description = "What the staff see now: free (from a time), occupied or out of service. Waiting referrals"
                    + " get another chance at once.")
    public ShelterView.UnitView availability(
            @PathParam("id") UUID id, @PathParam("unitId") UUID unitId, @Valid @NotNull AvailabilityRequest request) {
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
