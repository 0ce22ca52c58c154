package org.acse.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service: the proposal alerts, which carry the household, needs and languages without identity, and the
 * coordinators' alerts that wait for a decision.
 */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationClient {
    @GET
    Response list(
            @QueryParam("kind") String kind,
            @QueryParam("referralId") String referralId,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** Alerts of these kinds (comma-separated) in these statuses, newest first. */
    @GET
    Response waiting(
            @QueryParam("kind") String kinds,
            @QueryParam("status") String statuses,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/{id}/ack")
    Response acknowledge(@PathParam("id") UUID id);
}
