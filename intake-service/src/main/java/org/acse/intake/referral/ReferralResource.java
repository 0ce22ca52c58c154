package org.acse.intake.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY = 200;

    @Inject
    ReferralService referrals;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    IntakeConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Validator fieldValidator;

    private ReferralReader reader;
    private ReferralValidator validator;
    private Counter submitted;

    @PostConstruct
    void init() {
        reader = new ReferralReader(objectMapper);
        validator = new ReferralValidator(fieldValidator, Clock.systemUTC(), config.policyMinDistanceKm());
        submitted = Counter.builder("acse.referrals.submitted").description("Referrals accepted (replays excluded)")
                .register(meters);
    }

    /** The body is read here, not by the framework, to bound its size and refuse loose JSON (see ReferralReader). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    public Response submit(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralRequest.class))) InputStream body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) throws IOException {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must have 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        ReferralReader.Body parsed = reader.read(body);
        int age = validator.validate(parsed.request(), caller.isCoordinator());
        ReferralService.Submission submission = referrals.submit(parsed, age, idempotencyKey);
        SubmittedReferral created = submission.referral();
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/referrals/" + created.id()))
                .entity(created);
        if (submission.replayed()) {
            response.header("Idempotent-Replayed", "true");
        } else {
            submitted.increment(); // after the commit: a rolled-back submission is not counted
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    public ReferralView get(@PathParam("id") UUID id) {
        return referrals.get(id);
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    public Page<ReferralView.Summary> list(@QueryParam("status") String status,
            @QueryParam("possibleDuplicate") String possibleDuplicate, @Valid @BeanParam PageRequest page) {
        return referrals.list(status, flag("possibleDuplicate", possibleDuplicate), page);
    }

    /** {@code true} or {@code false}, nothing looser: "yes" must not silently mean false. */
    private static Boolean flag(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    public ReferralView withdraw(@PathParam("id") UUID id, @Valid ReferralView.Withdrawal withdrawal) {
        return referrals.withdraw(id, withdrawal);
    }

    @GET
    @Path("/{id}/identity")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    public ReferralView.Identity identity(@PathParam("id") UUID id) {
        return referrals.identity(id);
    }
}
