package org.acse.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service: referrals, their timeline, withdrawal, erasure and the identity (released by intake's own rule). */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeClient {
    @GET
    Response list(@QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Response get(@PathParam("id") UUID id);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response submit(@HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> referral);

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    Response withdraw(@PathParam("id") UUID id, Map<String, Object> withdrawal);

    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    Response erase(@PathParam("id") UUID id, Map<String, Object> erasure);

    @GET
    @Path("/{id}/identity")
    Response identity(@PathParam("id") UUID id);
}
