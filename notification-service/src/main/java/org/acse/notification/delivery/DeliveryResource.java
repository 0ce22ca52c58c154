package org.acse.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
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
    DeliveryReads deliveries;

    @GET
    @Operation(
            operationId = "listDeliveries",
            summary = "List deliveries",
            description = "Each e-mail or webhook sent for an alert: attempts, next retry, delivered or failed."
                    + " Coordinators only. A page `{items, page, size, total}`.")
    public Page<DeliveryView> list(
            @QueryParam("status") String status,
            @QueryParam("alertId") UUID alertId,
            @QueryParam("referralId") UUID referralId,
            @Valid @BeanParam PageRequest page) {
        Delivery.Status wanted = null;
        if (status != null) {
            try {
                wanted = Delivery.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be one of PENDING, DELIVERED, FAILED");
            }
        }
        return deliveries.list(wanted, alertId, referralId, page);
    }
}
