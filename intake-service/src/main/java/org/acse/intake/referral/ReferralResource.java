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
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.Problem;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "referrals",
        description = "Referrals posted by partner associations: submission, follow-up, withdrawal,"
                + " and the identity for those who need to know it.")
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
        submitted = Counter.builder("acse.referrals.submitted")
                .description("Referrals accepted (replays excluded)")
                .register(meters);
    }

    /** The body is read here, not by the framework, to bound its size and refuse loose JSON (see ReferralReader). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    @Operation(
            operationId = "submitReferral",
            summary = "Submit a referral",
            description = "A partner association (or a coordinator) refers a person in danger. The identity is"
                    + " encrypted at rest and never leaves in an event; placement-service starts looking for a place"
                    + " far from the danger zones. The answer holds only the id, the status and the pseudonym."
                    + " Sent again with the same `Idempotency-Key` and body, it answers the first referral again"
                    + " (`Idempotent-Replayed: true`) instead of creating a second one.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted (or, with `Idempotent-Replayed`, submitted before).",
            headers = {
                @Header(
                        name = "Location",
                        description = "The referral: `/api/v1/referrals/{id}`.",
                        schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                @Header(
                        name = "Idempotent-Replayed",
                        description = "`true` when this answers an earlier" + " submission with the same key and body.",
                        schema = @Schema(type = SchemaType.STRING, enumeration = "true"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmittedReferral.class)))
    @APIResponse(responseCode = "409", description = "This `Idempotency-Key` was already used with another body.")
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB.")
    @APIResponse(
            responseCode = "422",
            description = "The person is a minor: refer them to child protection instead"
                    + " (`type` `urn:acse:problem:minor`).")
    @APIResponse(
            responseCode = "503",
            description = "The service is serving as many submissions as it can (`type` `urn:acse:problem:overloaded`),"
                    + " or cannot reach its database (`urn:acse:problem:unavailable`): nothing was stored. Send the"
                    + " same request again after `Retry-After`, with the same `Idempotency-Key`.",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait before sending again.",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response submit(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ReferralRequest.class)))
                    InputStream body,
            @Parameter(
                            description = "Any unique string of 1 to 200 characters (a UUID, say), kept 48 hours: a"
                                    + " retried submission with the same key and body creates nothing twice.",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_IDEMPOTENCY_KEY),
                            example = "5d0c7f3e-1b2a-4c8e-9f61-2a7d3e9b4c10")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey)
            throws IOException {
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
    @Operation(
            operationId = "getReferral",
            summary = "Follow a referral",
            description = "Its status and timeline, as the referring organisation follows it; never the shelter."
                    + " Coordinators also see the organisation, the possible duplicates and the accepted shelter."
                    + " A partner gets 404 for another organisation's referral.")
    public ReferralView get(@PathParam("id") UUID id) {
        return referrals.get(id);
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    @Operation(
            operationId = "listReferrals",
            summary = "List referrals",
            description = "Newest first: a partner's own referrals, every referral for a coordinator. A page"
                    + " `{items, page, size, total}`.")
    public Page<ReferralView.Summary> list(
            @Parameter(
                            description = "Only the referrals in this status.",
                            schema = @Schema(implementation = ReferralStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description =
                                    "Coordinators: `true` for the possible duplicates only, `false` for the others.",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("possibleDuplicate")
                    String possibleDuplicate,
            @Valid @BeanParam PageRequest page) {
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
    @Operation(
            operationId = "withdrawReferral",
            summary = "Withdraw a referral",
            description = "The referring organisation (or a coordinator) stops the search, with a reason; a held or"
                    + " accepted place is released. Withdrawing a withdrawn referral changes nothing.")
    @APIResponse(
            responseCode = "409",
            description = "The person has arrived: the referral can no longer be" + " withdrawn.")
    @APIResponseSchema(
            value = ReferralView.class,
            responseCode = "200",
            responseDescription = "Withdrawn: the referral with its timeline.")
    public ReferralView withdraw(@PathParam("id") UUID id, @Valid ReferralView.Withdrawal withdrawal) {
        return referrals.withdraw(id, withdrawal);
    }

    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "eraseReferral",
            summary = "Erase a referral's personal data now",
            description = "Right to erasure: a coordinator, with a reason, erases at once what the retention would"
                    + " erase after its delay, in every service (`org.acse.referral.erased.v1`). An open referral is"
                    + " withdrawn first. The referring organisation then sees `personalDataErased`. Erasing an"
                    + " erased referral changes nothing.")
    @APIResponseSchema(
            value = ReferralView.class,
            responseCode = "200",
            responseDescription = "Erased: the referral with its timeline, `personalDataErased` true.")
    public ReferralView erase(@PathParam("id") UUID id, @Valid ReferralView.Erasure erasure) {
        return referrals.erase(id, erasure);
    }

    @GET
    @Path("/{id}/identity")
    @RolesAllowed({Roles.COORDINATOR, Roles.SHELTER_STAFF})
    @Operation(
            operationId = "getReferralIdentity",
            summary = "Read the person's identity",
            description = "Name, birth date, nationality, phone and notes: for coordinators, and for the staff of the"
                    + " shelter while it holds the referral's accepted or arrived placement. Every read is audited.")
    @APIResponse(responseCode = "410", description = "The personal data were erased after the retention period.")
    @APIResponseSchema(
            value = ReferralView.Identity.class,
            responseCode = "200",
            responseDescription = "The identity (this read is audited).")
    public ReferralView.Identity identity(@PathParam("id") UUID id) {
        return referrals.identity(id);
    }
}
