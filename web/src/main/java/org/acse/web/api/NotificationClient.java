package org.acse.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service: the proposal alerts, which carry the household, needs and languages without identity. */
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
}
