package org.acse.notification.dashboard;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.DeclineReason;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * placement-service's decisions, called with the signed-in person's own access token (propagated from the
 * dashboard session), so placement-service applies its own role and tenant checks to that person.
 */
@RegisterRestClient(configKey = "placement")
@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
public interface PlacementClient {
    /** The body of a decline of a held place. */
    record Decline(DeclineReason reason) {}

    /** The body of a back-out of an accepted placement; the comment is optional. */
    record Cancel(DeclineReason reason, String comment) {}

    @POST
    @Path("/{id}/accept")
    Map<String, Object> accept(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer);

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> decline(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer, Decline body);

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> cancel(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer, Cancel body);

    @POST
    @Path("/{id}/arrival")
    Map<String, Object> arrival(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer);
}
