package org.acse.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's deliveries (coordinators): e-mails and webhooks, with their retries. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public interface DeliveriesClient {
    @GET
    Response list(@QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);
}
