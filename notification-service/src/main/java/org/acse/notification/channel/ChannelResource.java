package org.acse.notification.channel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where alerts go: per shelter (its staff or coordinators), per partner organisation, and the coordinators'. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "channels",
        description = "Where alerts go: e-mail addresses and signed webhooks, per shelter,"
                + " per partner organisation and for the coordinators.")
public class ChannelResource {
    @Inject
    Channels channels;

    @Inject
    Caller caller;

    @GET
    @Path("/shelters/{shelterId}/channels")
    @RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR})
    @Operation(
            operationId = "getShelterChannels",
            summary = "Read a shelter's alert channels",
            description = "Where the shelter's alerts go: e-mail addresses and a signed webhook (never its secret).")
    public ChannelView getShelter(@PathParam("shelterId") String shelterId) {
        return channels.get(OwnerType.SHELTER, shelter(shelterId).toString());
    }

    @PUT
    @Path("/shelters/{shelterId}/channels")
    @RolesAllowed({Roles.SHELTER_STAFF, Roles.COORDINATOR})
    @Operation(
            operationId = "setShelterChannels",
            summary = "Set a shelter's alert channels",
            description = "E-mail addresses and a webhook; omit `webhookSecret` to keep the current one.")
    public ChannelView putShelter(@PathParam("shelterId") String shelterId, ChannelRequest request) {
        return channels.put(OwnerType.SHELTER, shelter(shelterId).toString(), request);
    }

    @GET
    @Path("/organisations/{orgId}/channels")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    @Operation(
            operationId = "getOrganisationChannels",
            summary = "Read a partner organisation's channels",
            description = "Where the organisation's alerts go (its referrals' news): e-mail and a signed webhook.")
    public ChannelView getOrganisation(@PathParam("orgId") String orgId) {
        caller.requireOrganisationAccess(orgId, "Organisation");
        return channels.get(OwnerType.ORGANISATION, orgId);
    }

    @PUT
    @Path("/organisations/{orgId}/channels")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    @Operation(
            operationId = "setOrganisationChannels",
            summary = "Set a partner organisation's channels",
            description = "E-mail addresses and a webhook; omit `webhookSecret` to keep the current one.")
    public ChannelView putOrganisation(@PathParam("orgId") String orgId, ChannelRequest request) {
        caller.requireOrganisationAccess(orgId, "Organisation");
        return channels.put(OwnerType.ORGANISATION, orgId, request);
    }

    @GET
    @Path("/coordination/channels")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "getCoordinationChannels",
            summary = "Read the coordinators' channels",
            description = "Where no-match, no-show, duplicate and escalation alerts go.")
    public ChannelView getCoordination() {
        return channels.get(OwnerType.COORDINATION, OwnerType.COORDINATION_ID);
    }

    @PUT
    @Path("/coordination/channels")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "setCoordinationChannels",
            summary = "Set the coordinators' channels",
            description = "E-mail addresses and a webhook; omit `webhookSecret` to keep the current one.")
    public ChannelView putCoordination(ChannelRequest request) {
        return channels.put(OwnerType.COORDINATION, OwnerType.COORDINATION_ID, request);
    }

    private UUID shelter(String value) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            // an id that is not a UUID cannot be the caller's shelter: same answer as another tenant's
            throw ProblemException.notFound("Shelter");
        }
        if (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) {
            throw ProblemException.notFound("Shelter"); // the nil UUID is never a shelter's id
        }
        caller.requireShelterAccess(id, "Shelter");
        return id;
    }
}
