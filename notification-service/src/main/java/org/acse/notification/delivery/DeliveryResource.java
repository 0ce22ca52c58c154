package org.acse.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
@Tag(name = "deliveries", description = "The e-mails and webhooks sent for alerts, and their retries.")
public class DeliveryResource {
    @Inject
    Deliveries deliveries;

    @GET
    @Operation(operationId = "listDeliveries", summary = "List deliveries",
            description = "Each e-mail or webhook sent for an alert: attempts, next retry, delivered or failed."
                    + " Coordinators only. A page `{items, page, size, total}`.")
    public Deliveries.DeliveryPage list(@QueryParam("status") String status,
            @QueryParam("alertId") UUID alertId, @QueryParam("referralId") UUID referralId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "must be between 1 and 200");
        }
        Delivery.Status wanted = null;
        if (status != null) {
            try {
                wanted = Delivery.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be one of PENDING, DELIVERED, FAILED");
            }
        }
        return deliveries.list(wanted, alertId, referralId, page, size);
    }
}
