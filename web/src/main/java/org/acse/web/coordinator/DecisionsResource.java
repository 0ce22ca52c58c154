package org.acse.web.coordinator;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.acse.web.api.Api;
import org.acse.web.api.NotificationClient;
import org.acse.web.api.PlacementClient;
import org.acse.web.api.Views;
import org.acse.web.home.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What waits for a coordinator (ADR 9): a person who did not arrive, a possible duplicate, a referral no shelter
 * could take. notification-service lists them; the decision to look again is placement-service's.
 */
@Path("/coordinator/decisions")
@Produces(MediaType.TEXT_HTML)
public class DecisionsResource {
    static final String KINDS = "NO_SHOW,POSSIBLE_DUPLICATE,NO_MATCH";
    static final String WAITING = "OPEN,ACKNOWLEDGED,ESCALATED";

    @Inject
    Pages pages;

    @Inject
    @RestClient
    NotificationClient notification;

    @Inject
    @RestClient
    PlacementClient placement;

    @Location("coordinator/decisions.html")
    Template decisions;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        Views.AlertPage waiting = Api.read(() -> notification.waiting(KINDS, WAITING, 0, 100), Views.AlertPage.class);
        String notice = switch (done == null ? "" : done) {
            case "rematched" -> pages.words().msg().doneRematched();
            case "acknowledged" -> pages.words().msg().doneAcknowledged();
            default -> null;
        };
        return pages.page(decisions).data("alerts", waiting.items).data("done", notice);
    }

    @POST
    @Path("{referralId}/rematch")
    public Response rematch(@PathParam("referralId") UUID referralId) {
        Api.read(() -> placement.rematch(referralId), Void.class);
        return Response.seeOther(URI.create("/coordinator/decisions?done=rematched"))
                .build();
    }

    @POST
    @Path("alerts/{id}/ack")
    public Response acknowledge(@PathParam("id") UUID id) {
        Api.read(() -> notification.acknowledge(id), Void.class);
        return Response.seeOther(URI.create("/coordinator/decisions?done=acknowledged"))
                .build();
    }
}
