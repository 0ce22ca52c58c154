package org.acse.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A service's coordinators' figures ({@code GET /api/v1/figures/{name}}): placement's delays, declines and
 * no-match, intake's exploitation. Each service has its client below, the same interface.
 */
@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
public interface FiguresClient {
    @GET
    @Path("/{name}")
    Response figure(
            @PathParam("name") String name,
            @QueryParam("by") String by,
            @QueryParam("scheme") String scheme,
            @QueryParam("from") String from,
            @QueryParam("to") String to);
}
