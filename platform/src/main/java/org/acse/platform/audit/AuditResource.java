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

/** The audit log of this service, for coordinators. Read-only: there is no path that changes it. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class AuditResource {
    @Inject
    AuditReads reads;

    @GET
    public Page<AuditView> list(@QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @Valid @BeanParam PageRequest page) {
        return reads.list(targetType, targetId, page);
    }
}
