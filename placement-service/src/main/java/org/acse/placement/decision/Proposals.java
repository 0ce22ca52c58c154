package org.acse.placement.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.geo.Gazetteer;
import org.acse.placement.figures.Outcomes;
import org.acse.placement.matching.Candidate;
import org.acse.placement.matching.DangerZones;
import org.acse.placement.matching.Evaluation;
import org.acse.placement.matching.MatchContext;
import org.acse.placement.matching.MatchRequest;
import org.acse.placement.matching.MatchingConfig;
import org.acse.placement.matching.MatchingEngine;
import org.acse.placement.matching.ShelterProfile;
import org.acse.placement.referral.Referral;
import org.acse.placement.referral.ReferralStatus;
import org.acse.placement.shelter.ShelterDirectory;
import org.acse.placement.shelter.Unit;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.outbox.Outbox;
import org.acse.platform.problem.ProblemException;

/**
 * From matching to holds: finds the best eligible places for a referral and holds them (as many as its urgency
 * allows at once, in different shelters), or records that nothing fits; explains the ranking to coordinators. Runs
 * inside the caller's transaction, with the referral row locked.
 */
@ApplicationScoped
public class Proposals {
    /** A search whose every candidate was taken meanwhile is repeated with fresh busy units, this many times. */
    private static final int SEARCH_ROUNDS = 3;

    @Inject
    Holds holds;

    @Inject
    ShelterDirectory directory;

    @Inject
    MatchingConfig config;

    @Inject
    DecisionConfig decisions;

    @Inject
    Outbox outbox;

    @Inject
    PlacementMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    Outcomes outcomes;

    private MatchingEngine engine;
    private final DangerZones dangerZones = new DangerZones(Gazetteer.france());

    MatchingEngine engine() {
        if (engine == null) {
            engine = new MatchingEngine(config.rules());
        }
        return engine;
    }

    /**
     * Tops up the referral's offers: holds the best places until it has as many live holds as its urgency allows,
     * one per shelter, or records that nothing fits (announced once per wait). A new referral has no placements
     * yet: then the search reads no table (the units held right now come from the snapshot).
     *
     * @return whether the referral has a live placement afterwards
     */
    boolean proposeNext(Referral referral, Instant now, boolean newReferral) {
        List<Placement> live = newReferral ? List.of() : Placement.liveOf(referral.id);
        if (live.stream().anyMatch(p -> p.status == PlacementStatus.ACCEPTED)) {
            return true;
        }
        int wanted = decisions.offers(referral.urgency) - live.size();
        Set<UUID> excluded = new HashSet<>();
        if (!newReferral) {
            excluded.addAll(holds.refusedShelters(referral.id));
            live.forEach(p -> excluded.add(p.shelterId));
        }
        MatchRequest request = request(referral);
        Set<UUID> taken = new HashSet<>();
        int held = 0;
        for (int round = 0; round < SEARCH_ROUNDS && held < wanted; round++) {
            Set<UUID> busy = directory.busyUnits();
            if (!taken.isEmpty()) {
                busy = new HashSet<>(busy);
                busy.addAll(taken);
            }
            List<Candidate> candidates = engine().candidates(
                            request, new MatchContext(now, busy, excluded), directory.index(), config.candidates());
            for (Candidate candidate : candidates) {
                if (held == wanted) {
                    break;
                }
                if (excluded.contains(candidate.shelterId())) {
                    continue;
                }
                if (hold(referral, candidate, now, false, newReferral && held == 0)
                        .isPresent()) {
                    held++;
                    excluded.add(candidate.shelterId());
                } else {
                    taken.add(candidate.unitId());
                }
            }
            if (candidates.size() < config.candidates()) {
                break;
            }
        }
        if (held > 0 || !live.isEmpty()) {
            return true;
        }
        if (referral.status != ReferralStatus.NO_MATCH) {
            referral.moveTo(ReferralStatus.NO_MATCH, now);
            outbox.publish(
                    EventType.PLACEMENT_NO_MATCH,
                    new PlacementNoMatch(referral.id, referral.pseudonym, referral.urgency, directory.size(), now));
            metrics.noMatch();
            outcomes.noMatch(referral.id);
        }
        return false;
    }

    /** A coordinator's choice of unit, if it is eligible now (the referral's own live holds do not count as busy). */
    Candidate eligibleManually(Referral referral, UUID unitId, Instant now) {
        Set<UUID> busy = busyForOthers(referral);
        Unit unit = Unit.findById(unitId);
        if (unit == null || unit.retired) {
            throw ProblemException.invalid("unitId", "unknown unit");
        }
        ShelterProfile shelter =
                directory.profile(unit.shelterId).orElseThrow(() -> ProblemException.invalid("unitId", "unknown unit"));
        Evaluation verdict = engine().evaluateUnit(
                        request(referral),
                        new MatchContext(now, busy, holds.refusedShelters(referral.id)),
                        shelter,
                        unitId);
        if (!verdict.eligible()) {
            throw ProblemException.conflict("not-eligible", "The unit is not eligible: " + verdict.exclusion() + ".");
        }
        return verdict.best();
    }

    Placement holdManually(Referral referral, Candidate candidate, Instant now) {
        return hold(referral, candidate, now, true, false)
                .orElseThrow(() -> ProblemException.conflict("unit-taken", "The unit was just taken."));
    }

    /** Every shelter's verdict for a referral, and the scheme it asked for. */
    public record Explained(List<Evaluation> evaluations, String preferredScheme) {}

    /** Every shelter's verdict for the referral, as matching sees it now: for coordinators, audited. */
    @Transactional
    public Explained explain(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        Set<UUID> busy = busyForOthers(referral);
        audit.record("referral.matching.read", "referral", referralId);
        return new Explained(
                engine().explain(
                                request(referral),
                                new MatchContext(Instant.now(), busy, holds.refusedShelters(referral.id)),
                                directory.index()),
                referral.preferredScheme);
    }

    /** Units held or given right now, from the database, except the referral's own (it may keep or move them). */
    private Set<UUID> busyForOthers(Referral referral) {
        Set<UUID> busy = holds.busyUnits();
        Placement.liveOf(referral.id).forEach(p -> busy.remove(p.unitId));
        return busy;
    }

    /** {@code first}: the referral is known to have had no placement before (no need to count them). */
    private Optional<Placement> hold(
            Referral referral, Candidate candidate, Instant now, boolean manual, boolean first) {
        Instant deadline = now.plus(config.rules().delay(referral.urgency));
        Instant expires = now.plus(config.hold(referral.urgency));
        Optional<Placement> held = holds.tryHold(
                referral.id, candidate.unitId(), referral.household.size(), now, deadline, expires, manual);
        held.ifPresent(p -> {
            referral.moveTo(ReferralStatus.PROPOSED, now);
            outbox.publish(
                    EventType.PLACEMENT_PROPOSED,
                    new PlacementProposed(
                            p.id,
                            referral.id,
                            p.shelterId,
                            p.unitId,
                            referral.pseudonym,
                            referral.household,
                            referral.needs,
                            referral.languages,
                            referral.urgency,
                            candidate.availableFrom(),
                            p.holdExpiresAt,
                            now));
            if (first || Placement.count("referralId", referral.id) == 1) {
                metrics.firstProposal(referral.submittedAt, now);
            }
        });
        return held;
    }

    private MatchRequest request(Referral r) {
        return new MatchRequest(
                r.id,
                r.household,
                r.needs,
                r.languages,
                r.urgency,
                dangerZones.resolve(r.dangerZones),
                Gazetteer.france().requireCommune(r.currentCommuneCode).centre(),
                r.minDistanceKm,
                r.preferredScheme);
    }
}
