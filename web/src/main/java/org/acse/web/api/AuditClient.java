package org.acse.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A service's audit log ({@code GET /api/v1/audit}, coordinators); each service has its client below. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditClient {
    @GET
    Response list(
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
