package org.acse.placement.placement;

import org.acse.common.events.DeclineReason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.MalformedEventException;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.geo.Gazetteer;
import org.acse.common.geo.UnknownPlaceException;
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
import org.jboss.logging.Logger;

/**
 * The decision loop (SPEC §3): take a referral in hand, hold the best place, follow the shelter's answer, move on
 * after a decline or an expiry, wait and re-match when nothing fits. Every transition locks the referral row first
 * (one transition of a referral at a time, across replicas) and publishes its event through the outbox, in the
 * transaction of the change.
 */
@ApplicationScoped
public class PlacementService {
    private static final Logger LOG = Logger.getLogger(PlacementService.class);
    /** A search whose every candidate was taken meanwhile is repeated with fresh busy units, this many times. */
    private static final int SEARCH_ROUNDS = 3;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Holds holds;

    @Inject
    ShelterDirectory directory;

    @Inject
    MatchingConfig config;

    @Inject
    Rematcher rematcher;

    @Inject
    AuditLog audit;

    @Inject
    PlacementMetrics metrics;

    private MatchingEngine engine;
    private final DangerZones dangerZones = new DangerZones(Gazetteer.france());

    MatchingEngine engine() {
        if (engine == null) {
            engine = new MatchingEngine(config.rules());
        }
        return engine;
    }

    @Transactional
    public void onSubmitted(ReferralSubmitted event) {
        if (Referral.findById(event.referralId()) != null) {
            return;
        }
        if (event.household() == null || event.household().gender() == null || event.urgency() == null
                || event.dangerZones().isEmpty()) {
            throw new MalformedEventException("ReferralSubmitted without household, urgency or danger zones");
        }
        try {
            dangerZones.resolve(event.dangerZones());
            Gazetteer.france().requireCommune(event.currentCommuneCode());
        } catch (UnknownPlaceException e) {
            throw new MalformedEventException("ReferralSubmitted with an unknown place");
        }
        Instant now = Instant.now();
        Referral referral = new Referral();
        referral.id = event.referralId();
        referral.pseudonym = event.pseudonym() == null ? "R-?" : event.pseudonym();
        referral.status = ReferralStatus.SEARCHING;
        referral.urgency = event.urgency();
        referral.household = event.household();
        referral.needs = event.needs() == null ? org.acse.common.events.Needs.NONE : event.needs();
        referral.languages = event.languages().stream().map(l -> l.toLowerCase()).toList();
        referral.dangerZones = event.dangerZones();
        referral.currentCommuneCode = event.currentCommuneCode();
        referral.minDistanceKm = event.minDistanceKm() > 0 ? event.minDistanceKm() : config.defaultMinDistanceKm();
        referral.preferredScheme = MatchRequest.schemeCode(event.preferredScheme());
        referral.submittedAt = event.submittedAt() == null ? now : event.submittedAt();
        referral.updatedAt = now;
        referral.persist();
        outbox.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(referral.id, now));
        proposeNext(referral, now, true);
    }

    @Transactional
    public void onWithdrawn(ReferralWithdrawn event) {
        Referral referral = lock(event.referralId());
        if (referral == null || referral.status.closed()) {
            return;
        }
        Instant now = Instant.now();
        live(referral.id).ifPresent(p -> decide(p, PlacementStatus.CANCELLED, EventType.PLACEMENT_CANCELLED, null,
                now));
        referral.status = ReferralStatus.WITHDRAWN;
        referral.updatedAt = now;
    }

    /** A hold a shelter accepts: the place is given. */
    @Transactional
    public Placement accept(UUID placementId) {
        Placement p = lockedPlacement(placementId);
        Referral referral = Referral.findById(p.referralId);
        Instant now = Instant.now();
        if (p.status != PlacementStatus.HELD) {
            throw ProblemException.conflict("not-held", "Only a held placement can be accepted.");
        }
        if (p.holdExpiresAt.isBefore(now)) {
            throw ProblemException.conflict("hold-expired", "The hold expired; the referral moved on.");
        }
        decide(p, PlacementStatus.ACCEPTED, EventType.PLACEMENT_ACCEPTED, null, now);
        audit.record("placement.accept", "placement", p.id);
        metrics.accepted(referral.submittedAt, now);
        referral.status = ReferralStatus.ACCEPTED;
        referral.updatedAt = now;
        return p;
    }

    /** A shelter says no (held, or accepted and no longer possible): the next candidate is proposed. */
    @Transactional
    public Placement decline(UUID placementId, DeclineReason reason, String comment) {
        Placement p = lockedPlacement(placementId);
        if (p.status != PlacementStatus.HELD && p.status != PlacementStatus.ACCEPTED) {
            throw ProblemException.conflict("not-live", "Only a held or accepted placement can be declined.");
        }
        Instant now = Instant.now();
        p.declineReason = reason;
        p.declineComment = comment;
        decide(p, PlacementStatus.DECLINED, EventType.PLACEMENT_DECLINED, reason.name(), now);
        audit.record("placement.decline", "placement", p.id);
        metrics.declined(reason);
        proposeNext(Referral.findById(p.referralId), now, false);
        return p;
    }

    @Transactional
    public Placement arrival(UUID placementId) {
        Placement p = lockedPlacement(placementId);
        if (p.status != PlacementStatus.ACCEPTED) {
            throw ProblemException.conflict("not-accepted", "Only an accepted placement can record an arrival.");
        }
        Instant now = Instant.now();
        decide(p, PlacementStatus.ARRIVED, EventType.PLACEMENT_ARRIVED, null, now);
        audit.record("placement.arrival", "placement", p.id);
        Unit unit = Unit.findById(p.unitId);
        unit.status = org.acse.placement.matching.UnitStatus.OCCUPIED;
        unit.availableFrom = null;
        unit.lastConfirmedAt = now;
        Referral referral = Referral.findById(p.referralId);
        referral.status = ReferralStatus.ARRIVED;
        referral.updatedAt = now;
        return p;
    }

    /** The scheduled expiry of one overdue hold; nothing if it was answered meanwhile. */
    @Transactional
    public void expire(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null || lock(p.referralId) == null) {
            return;
        }
        em.refresh(p);
        Instant now = Instant.now();
        if (p.status != PlacementStatus.HELD || p.holdExpiresAt.isAfter(now)) {
            return;
        }
        decide(p, PlacementStatus.EXPIRED, EventType.PLACEMENT_EXPIRED, null, now);
        metrics.holdExpired();
        proposeNext(Referral.findById(p.referralId), now, false);
    }

    /** Another chance for a waiting referral; skipped if another replica is on it. */
    @Transactional
    public void rematch(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Referral> locked = em.createNativeQuery(
                "SELECT * FROM referral WHERE id = :id AND status = 'NO_MATCH' FOR UPDATE SKIP LOCKED", Referral.class)
                .setParameter("id", referralId).getResultList();
        if (!locked.isEmpty()) {
            proposeNext(locked.get(0), Instant.now(), false);
        }
    }

    /** A coordinator's choice of unit: it must be eligible, and it is held with the same guarantees. */
    @Transactional
    public Placement placeManually(UUID referralId, UUID unitId) {
        Referral referral = lock(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        if (referral.status == ReferralStatus.ACCEPTED || referral.status.closed()) {
            throw ProblemException.conflict("referral-settled", "The referral is " + referral.status + ".");
        }
        Unit unit = Unit.findById(unitId);
        if (unit == null || unit.retired) {
            throw ProblemException.invalid("unitId", "unknown unit");
        }
        Instant now = Instant.now();
        Optional<Placement> current = live(referralId);
        Set<UUID> busy = holds.busyUnits();
        current.ifPresent(p -> busy.remove(p.unitId));
        ShelterProfile shelter = directory.profile(unit.shelterId).orElseThrow(() -> ProblemException.invalid(
                "unitId", "unknown unit"));
        Evaluation verdict = engine().evaluateUnit(request(referral), new MatchContext(now, busy,
                holds.refusedShelters(referralId)), shelter, unitId);
        if (!verdict.eligible()) {
            throw ProblemException.conflict("not-eligible", "The unit is not eligible: " + verdict.exclusion() + ".");
        }
        if (current.isPresent() && current.get().unitId.equals(unitId)) {
            return current.get();
        }
        current.ifPresent(p -> decide(p, PlacementStatus.CANCELLED, EventType.PLACEMENT_CANCELLED, null, now));
        Placement placement = hold(referral, verdict.best(), now, true, false)
                .orElseThrow(() -> ProblemException.conflict("unit-taken", "The unit was just taken."));
        audit.record("placement.manual", "placement", placement.id);
        return placement;
    }

    /** Matching results for coordinators. */
    @Transactional
    public List<Evaluation> explain(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        if (referral == null) {
            throw ProblemException.notFound("Referral");
        }
        Set<UUID> busy = holds.busyUnits();
        live(referralId).ifPresent(p -> busy.remove(p.unitId));
        return engine().explain(request(referral), new MatchContext(Instant.now(), busy,
                holds.refusedShelters(referralId)), directory.index());
    }

    /**
     * Holds the best available place, or records that nothing fits (announced once per wait). The search itself
     * reads no table: the units held right now come from the snapshot, and a new referral has no refusals yet.
     */
    boolean proposeNext(Referral referral, Instant now, boolean newReferral) {
        MatchRequest request = request(referral);
        Set<UUID> refused = newReferral ? Set.of() : holds.refusedShelters(referral.id);
        Set<UUID> taken = new HashSet<>();
        for (int round = 0; round < SEARCH_ROUNDS; round++) {
            Set<UUID> busy = directory.busyUnits();
            if (!taken.isEmpty()) {
                busy = new HashSet<>(busy);
                busy.addAll(taken);
            }
            List<Candidate> candidates = engine().candidates(request, new MatchContext(now, busy, refused),
                    directory.index(), config.candidates());
            for (Candidate candidate : candidates) {
                if (hold(referral, candidate, now, false, newReferral).isPresent()) {
                    return true;
                }
                taken.add(candidate.unitId());
            }
            if (candidates.size() < config.candidates()) {
                break;
            }
        }
        if (referral.status != ReferralStatus.NO_MATCH) {
            referral.status = ReferralStatus.NO_MATCH;
            referral.updatedAt = now;
            outbox.publish(EventType.PLACEMENT_NO_MATCH, new PlacementNoMatch(referral.id, referral.pseudonym,
                    referral.urgency, directory.size(), now));
            metrics.noMatch();
        }
        return false;
    }

    /** {@code first}: the referral is known to have had no placement before (no need to count them). */
    private Optional<Placement> hold(Referral referral, Candidate candidate, Instant now, boolean manual,
            boolean first) {
        Instant deadline = now.plus(config.rules().delay(referral.urgency));
        Instant expires = now.plus(config.hold(referral.urgency));
        Optional<Placement> held = holds.tryHold(referral.id, candidate.unitId(), referral.household.size(), now,
                deadline, expires, manual);
        held.ifPresent(p -> {
            referral.status = ReferralStatus.PROPOSED;
            referral.updatedAt = now;
            outbox.publish(EventType.PLACEMENT_PROPOSED, new PlacementProposed(p.id, referral.id, p.shelterId,
                    p.unitId, referral.pseudonym, referral.household, referral.needs, referral.languages,
                    referral.urgency, candidate.availableFrom(), p.holdExpiresAt, now));
            if (first || Placement.count("referralId", referral.id) == 1) {
                metrics.firstProposal(referral.submittedAt, now);
            }
            LOG.debugf("placement %s held for referral %s", p.id, referral.id);
        });
        return held;
    }

    private void decide(Placement p, PlacementStatus status, EventType type, String reason, Instant now) {
        boolean freesUnit = p.status == PlacementStatus.HELD || p.status == PlacementStatus.ACCEPTED;
        p.status = status;
        p.decidedAt = now;
        outbox.publish(type, new PlacementDecided(p.id, p.referralId, p.shelterId, p.unitId, reason, null, now));
        if (freesUnit && status != PlacementStatus.ACCEPTED) {
            directory.freedAfterCommit(p.unitId);
            if (status != PlacementStatus.ARRIVED) {
                rematcher.requestAfterCommit();
            }
        }
    }

    private MatchRequest request(Referral r) {
        return new MatchRequest(r.id, r.household, r.needs, r.languages, r.urgency,
                dangerZones.resolve(r.dangerZones), Gazetteer.france().requireCommune(r.currentCommuneCode).centre(),
                r.minDistanceKm, r.preferredScheme);
    }

    private Optional<Placement> live(UUID referralId) {
        return Placement.<Placement>find("referralId = ?1 and status in ?2", referralId,
                List.of(PlacementStatus.HELD, PlacementStatus.ACCEPTED)).firstResultOptional();
    }

    private Referral lock(UUID referralId) {
        return em.find(Referral.class, referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** For tenant checks before acting. */
    @Transactional
    public Placement find(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null) {
            throw ProblemException.notFound("Placement");
        }
        return p;
    }

    /** The placement with its referral locked, so that a concurrent expiry or withdrawal waits for us. */
    private Placement lockedPlacement(UUID placementId) {
        Placement p = Placement.findById(placementId);
        if (p == null) {
            throw ProblemException.notFound("Placement");
        }
        lock(p.referralId);
        em.refresh(p);
        return p;
    }
}
