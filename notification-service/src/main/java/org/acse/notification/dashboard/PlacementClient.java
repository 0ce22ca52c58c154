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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * placement-service's decisions, called with the signed-in person's own access token (propagated from the
 * dashboard session), so placement-service applies its own role and tenant checks to that person.
 */
@RegisterRestClient(configKey = "placement")
@Path("/api/v1/placements")
@Produces(MediaType.APPLICATION_JSON)
public interface PlacementClient {
    @POST
    @Path("/{id}/accept")
    Map<String, Object> accept(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer);

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> decline(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer,
            Map<String, Object> body);

    @POST
    @Path("/{id}/arrival")
    Map<String, Object> arrival(@PathParam("id") UUID id, @HeaderParam("Authorization") String bearer);
}
