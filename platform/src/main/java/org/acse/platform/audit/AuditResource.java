package org.acse.platform.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acse.platform.problem.ProblemException;
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

    public record AuditView(Long id, Instant at, String subject, String role, String tenant, String action,
            String targetType, String targetId) {
    }

    public record AuditPage(List<AuditView> items, int page, int size, long total) {
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "List the audit log",
            description = "The reads and changes of personal or confidential data recorded by this service, newest"
                    + " first: who (subject, role, tenant), what (action, target) and when. Coordinators only.")
    public AuditPage list(
            @Parameter(description = "Only the entries about this kind of target, e.g. `referral`.")
            @QueryParam("targetType") String targetType,
            @Parameter(description = "Only the entries about this target (its id).")
            @QueryParam("targetId") String targetId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw ProblemException.invalid("size", "must be between 1 and 500");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (targetType != null) {
            query.append(" and targetType = :targetType");
            params.put("targetType", targetType);
        }
        if (targetId != null) {
            query.append(" and targetId = :targetId");
            params.put("targetId", targetId);
        }
        var found = AuditEntry.<AuditEntry>find(query.toString(), Sort.descending("id"), params);
        List<AuditView> items = found.page(Page.of(page, size)).list().stream()
                .map(e -> new AuditView(e.id, e.at, e.subject, e.role, e.tenant, e.action, e.targetType, e.targetId))
                .toList();
        return new AuditPage(items, page, size, found.count());
    }
}
