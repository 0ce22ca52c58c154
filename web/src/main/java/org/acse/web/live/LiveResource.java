package org.acse.web.live;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The pages' live updates (htmx's SSE extension): notification-service's stream, opened with the person's own
 * token, relayed as bare change signals. It ends when that stream ends (the token expired, the service went away);
 * the browser opens it again, with the session's current token.
 */
@Path("/live")
public class LiveResource {
    private static final Logger LOG = Logger.getLogger(LiveResource.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    AlertStreamClient notification;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@Context Sse sse) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return Multi.createFrom().empty();
        }
        return notification.stream("Bearer " + token.getToken())
                .map(LiveEvents::of)
                .filter(Optional::isPresent)
                .map(relay -> sse.newEventBuilder()
                        .name(relay.get().name())
                        .data(relay.get().data())
                        .build())
                .onFailure()
                .invoke(e -> LOG.debugf("live stream ended: %s", e.getClass().getSimpleName()))
                .onFailure()
                .recoverWithCompletion();
    }
}
