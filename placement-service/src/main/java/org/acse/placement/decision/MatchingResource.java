package org.acse.placement.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.placement.matching.Evaluation;
import org.acse.placement.matching.Exclusion;
import org.acse.placement.matching.SchemePreference;
import org.acse.placement.matching.Score;
import org.acse.placement.referral.ReferralStatus;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A referral as placement sees it: why each shelter was excluded or how it scored (coordinators), the arrival
 * arrangements (the referring organisation, coordinators), and a coordinator's decision to match it again.
 */
@Path("/api/v1/referrals/{referralId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "matching",
        description =
                "A referral as placement sees it: the matching explained, the arrival" + " arrangements, a new search.")
public class MatchingResource {
    @Inject
    Proposals proposals;

    @Inject
    Decisions decisions;

    @Inject
    Arrangements arrangements;

    /** {@code schemeCode}: the shelter's scheme of places; its score's {@code preferenceApplied} says it counted. */
    public record ShelterVerdict(
            UUID shelterId,
            String shelterCode,
            String schemeCode,
            boolean eligible,
            Integer rank,
            Exclusion exclusion,
            UUID unitId,
            Score score) {}

    /**
     * {@code preferredScheme}: what the scheme the partner asked for did (null when none was asked for);
     * {@code excluded}: how many shelters each hard constraint excluded, over the whole registry; {@code shelters}:
     * the verdicts, eligible ones first by rank, at most {@code limit} of them when one was asked for.
     */
    public record Explanation(
            UUID referralId,
            int sheltersConsidered,
            int eligible,
            SchemePreference preferredScheme,
            Map<Exclusion, Integer> excluded,
            List<ShelterVerdict> shelters) {}

    /** The most verdicts a limited explanation lists: a registry's worth. */
    static final int MAX_LIMIT = 100_000;

    public record Rematch(UUID referralId, ReferralStatus status) {}

    @GET
    @Path("/matching")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "explainMatching",
            summary = "Explain the matching of a referral",
            description = "For each shelter, why it was excluded (the first hard constraint it failed) or how it"
                    + " scored and ranked, and what the preferred scheme changed, with the count of shelters each"
                    + " constraint excluded. With `limit`, only the first verdicts (eligible ones first, by rank):"
                    + " a page shows the best places of a large registry without the whole of it. Coordinators only.")
    public Explanation explain(
            @PathParam("referralId") UUID referralId,
            @Parameter(
                            description =
                                    "At most this many verdicts (1 to 100000), eligible shelters first; all if absent.")
                    @QueryParam("limit")
                    Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Proposals.Explained explained = proposals.explain(referralId);
        List<Evaluation> evaluations = explained.evaluations();
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        long eligible = 0;
        for (Evaluation e : evaluations) {
            if (e.eligible()) {
                eligible++;
            } else {
                excluded.merge(e.exclusion(), 1, Integer::sum);
            }
        }
        int[] rank = {0};
        List<ShelterVerdict> verdicts = evaluations.stream()
                .limit(limit == null ? evaluations.size() : limit)
                .map(e -> e.eligible()
                        ? new ShelterVerdict(
                                e.shelterId(),
                                e.shelterCode(),
                                e.schemeCode(),
                                true,
                                ++rank[0],
                                null,
                                e.best().unitId(),
                                e.best().score())
                        : new ShelterVerdict(
                                e.shelterId(), e.shelterCode(), e.schemeCode(), false, null, e.exclusion(), null, null))
                .toList();
        return new Explanation(
                referralId,
                evaluations.size(),
                (int) eligible,
                SchemePreference.of(explained.preferredScheme(), evaluations),
                excluded,
                verdicts);
    }

    /** When and where the person is expected: never the shelter, its address or its unit. */
    @GET
    @Path("/arrival")
    @RolesAllowed({Roles.PARTNER, Roles.COORDINATOR})
    @Operation(
            operationId = "getArrival",
            summary = "Read the arrival arrangements",
            description = "When and where the person is expected (window and meeting point), for the referring"
                    + " organisation and coordinators; never the shelter, its address or its unit.")
    public Arrangement.View arrival(@PathParam("referralId") UUID referralId) {
        return arrangements.read(referralId);
    }

    /** After a no-show, a possible duplicate or a no-match: the coordinator decides to match again. */
    @POST
    @Path("/rematch")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            operationId = "rematchReferral",
            summary = "Match a referral again",
            description = "After a no-show, a possible duplicate or a no-match, a coordinator decides to look for a"
                    + " place again.")
    @APIResponseSchema(value = Rematch.class, responseCode = "200", responseDescription = "Searching again.")
    @APIResponse(responseCode = "409", description = "The referral is not waiting for a coordinator's decision.")
    public Rematch rematch(@PathParam("referralId") UUID referralId) {
        return new Rematch(referralId, decisions.rematch(referralId));
    }
}
