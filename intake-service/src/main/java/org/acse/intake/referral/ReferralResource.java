package org.acse.intake.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    @Inject
    ReferralService referrals;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    public Response submit(@Valid @NotNull ReferralRequest request) {
        SubmittedReferral created = referrals.submit(request, caller.organisationId().orElse("coordination"));
        return Response.created(URI.create("/api/v1/referrals/" + created.id())).entity(created).build();
    }
}
