package org.acse.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of this service, for coordinators. Read-only: there is no path that changes it. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
@Tag(name = "audit", description = "Who read or changed personal or confidential data of this service, and when.")
public class AuditResource {
    @Inject
    AuditReads reads;

    @GET
    @Operation(
            operationId = "listAuditEntries",
            summary = "List the audit log",
            description = "The reads and changes of personal or confidential data recorded by this service, newest"
                    + " first: who (subject, role, tenant), what (action, target) and when. Coordinators only.")
    public Page<AuditView> list(
            @Parameter(description = "Only the entries about this kind of target, e.g. `referral`.")
                    @QueryParam("targetType")
                    String targetType,
            @Parameter(description = "Only the entries about this target (its id).") @QueryParam("targetId")
                    String targetId,
            @Valid @BeanParam PageRequest page) {
        return reads.list(targetType, targetId, page);
    }
}
