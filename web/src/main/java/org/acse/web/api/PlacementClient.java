package org.acse.web.api;

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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** placement-service: placements and their decisions, and the matching explanation for coordinators. */
@RegisterRestClient(configKey = "placement")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface PlacementClient {
    @GET
    @Path("/placements")
    Response list(
            @QueryParam("referralId") UUID referralId,
            @QueryParam("status") String status,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/placements/{id}")
    Response get(@PathParam("id") UUID id);

    @POST
    @Path("/placements/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    Response accept(@PathParam("id") UUID id, Map<String, Object> arrival);

    @POST
    @Path("/placements/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Response decline(@PathParam("id") UUID id, Map<String, Object> decision);

    @POST
    @Path("/placements/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cancel(@PathParam("id") UUID id, Map<String, Object> decision);

    @POST
    @Path("/placements/{id}/arrival")
    Response arrival(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/matching")
    Response matching(@PathParam("id") UUID referralId, @QueryParam("limit") Integer limit);

    /** A coordinator's decision after a no-show, a possible duplicate or a no-match: look for a place again. */
    @POST
    @Path("/referrals/{id}/rematch")
    Response rematch(@PathParam("id") UUID referralId);

    /** A coordinator's manual placement on an eligible unit: {@code {referralId, unitId}}. */
    @POST
    @Path("/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    Response place(Map<String, Object> choice);

    @GET
    @Path("/schemes")
    Response schemes(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/shelters")
    Response shelters(@QueryParam("q") String q, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/shelters/{id}")
    Response shelter(@PathParam("id") UUID id);

    @POST
    @Path("/shelters")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createShelter(Map<String, Object> shelter);

    @PUT
    @Path("/shelters/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateShelter(@PathParam("id") UUID id, Map<String, Object> shelter);

    /** A shelter team's word on one unit, {@code {status, availableFrom}}: also its confirmation. */
    @PUT
    @Path("/shelters/{id}/units/{unitId}/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    Response availability(
            @PathParam("id") UUID shelterId, @PathParam("unitId") UUID unitId, Map<String, Object> availability);
}
