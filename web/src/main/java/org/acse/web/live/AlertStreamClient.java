package org.acse.web.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's live stream, opened with the person's own token: it decides what the person may see, and
 * ends the stream when that token expires.
 */
@RegisterRestClient(configKey = "notification-stream")
@Path("/api/v1/alerts/stream")
public interface AlertStreamClient {
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> stream(@HeaderParam("Authorization") String bearer);
}
