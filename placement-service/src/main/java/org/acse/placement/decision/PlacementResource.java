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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "placements",
        description =
                "Holds on places and the shelters' decisions: accept, decline, back out," + " meeting point, arrival.")
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
    public record DeclineRequest(
            @NotNull DeclineReason reason,

            @Size(max = 2000) @Schema(examples = "No bed for a family this week.")
            String comment) {}

    public record ManualRequest(
            @NotNull UUID referralId, @NotNull UUID unitId) {}

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "listPlacements",
            summary = "List placements",
            description = "Newest first, by referral, shelter or status: every placement for coordinators, their own"
                    + " shelter's for its staff. A page `{items, page, size, total}`.")
    public Page<PlacementView> list(
            @QueryParam("referralId") UUID referralId,
            @QueryParam("shelterId") UUID shelterId,
            @QueryParam("status") PlacementStatus status,
            @Valid @BeanParam PageRequest page) {
        return reads.list(referralId, shelterId, status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "getPlacement",
            summary = "Read a placement",
            description = "Its status, hold deadline, decision and expected arrival; never the decline comment nor the"
                    + " meeting point (only whether one was given). Staff of another shelter get 404.")
    public PlacementView get(@PathParam("id") UUID id) {
        return reads.read(id);
    }

    /** With the expected arrival window and the meeting point, both optional. */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "acceptPlacement",
            summary = "Accept a held place",
            description =
                    "The shelter takes the person: the hold becomes ACCEPTED and the referring organisation is told."
                            + " The body is optional: without it, the urgency's arrival window applies and the meeting point"
                            + " can be given later (`PUT .../meeting-point`). The other parallel holds are cancelled.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Arrangement.class)))
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "Accepted.")
    @APIResponse(responseCode = "409", description = "The hold expired or the placement is no longer held.")
    public PlacementView accept(@PathParam("id") UUID id, @Valid Arrangement arrangement) {
        reads.visible(id);
        return PlacementView.of(decisions.accept(id, arrangement));
    }

    /** Without a body: the urgency's arrival window, the meeting point given later. */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(hidden = true) // the same operation as accept, without a body
    public PlacementView acceptAsIs(@PathParam("id") UUID id) {
        return accept(id, null);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "declinePlacement",
            summary = "Decline a held place",
            description = "With a reason (and an optional comment, encrypted, for the coordination team only); the"
                    + " referral moves on to the next shelter, never proposed this one again.")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "Declined.")
    @APIResponse(responseCode = "409", description = "Accepted already (back out instead), or no longer held.")
    public PlacementView decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        reads.visible(id);
        return PlacementView.of(decisions.decline(id, request.reason(), request.comment()));
    }

    /** Backing out after an acceptance (staff of that shelter, coordinators), or a coordinator cancelling a hold. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "cancelPlacement",
            summary = "Back out of an accepted placement",
            description = "The shelter's staff or a coordinator back out after an acceptance, with a reason; a"
                    + " coordinator may also cancel a hold. The identity is withdrawn from the shelter and the referral"
                    + " goes to the next candidate.")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "Cancelled.")
    @APIResponse(
            responseCode = "409",
            description = "The placement was not accepted (decline it instead), or is" + " closed.")
    public PlacementView cancel(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        reads.visible(id);
        return PlacementView.of(decisions.backOut(id, request.reason(), request.comment(), caller.isCoordinator()));
    }

    @PUT
    @Path("/{id}/meeting-point")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "setMeetingPoint",
            summary = "Give the meeting point",
            description = "A public place and a time where the team meets the person (never the shelter's address);"
                    + " encrypted at rest, read by the referring organisation and coordinators only.")
    @APIResponseSchema(
            value = PlacementView.class,
            responseCode = "200",
            responseDescription = "The meeting point is recorded (the answer only says one was given).")
    @APIResponse(responseCode = "409", description = "Only an accepted placement has a meeting point.")
    public PlacementView meetingPoint(@PathParam("id") UUID id, @Valid @NotNull Arrangement.MeetingPoint point) {
        reads.visible(id);
        return PlacementView.of(decisions.meetingPoint(id, point));
    }

    @POST
    @Path("/{id}/arrival")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "recordArrival",
            summary = "Record the person's arrival",
            description = "The person arrived at the shelter: the placement is ARRIVED and the referral closed.")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "Arrived.")
    @APIResponse(responseCode = "409", description = "The placement is not accepted.")
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
    @Operation(
            operationId = "placeManually",
            summary = "Place a referral on a chosen unit",
            description = "A coordinator places a waiting referral on an eligible unit of their choice; the hard"
                    + " constraints (danger zones, household, access) still apply.")
    @APIResponse(
            responseCode = "201",
            description = "Held on that unit.",
            headers =
                    @Header(
                            name = "Location",
                            description = "The placement: `/api/v1/placements/{id}`.",
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(responseCode = "404", description = "No such referral.")
    @APIResponse(
            responseCode = "409",
            description = "The referral is not waiting, or the unit is not eligible or was" + " just taken.")
    public Response place(@Valid @NotNull ManualRequest request) {
        PlacementView placed = PlacementView.of(decisions.placeManually(request.referralId(), request.unitId()));
        return Response.created(URI.create("/api/v1/placements/" + placed.id()))
                .entity(placed)
                .build();
    }
}
