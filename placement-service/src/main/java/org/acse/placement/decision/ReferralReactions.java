package org.acse.placement.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.EventType;
import org.acse.common.events.MalformedEventException;
import org.acse.common.events.Needs;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.ReferralWithdrawn;
import org.acse.common.geo.Gazetteer;
import org.acse.common.geo.UnknownPlaceException;
import org.acse.placement.figures.Outcomes;
import org.acse.placement.matching.DangerZones;
import org.acse.placement.matching.MatchRequest;
import org.acse.placement.matching.MatchingConfig;
import org.acse.placement.referral.Referral;
import org.acse.placement.referral.ReferralStatus;
import org.acse.platform.outbox.Outbox;

/**
 * What placement does when a referral arrives, is withdrawn, or gets another chance: takes it in hand (or keeps it
 * for a coordinator when it may be a duplicate), releases its places, re-matches it when a place may be free.
 */
@ApplicationScoped
public class ReferralReactions {
    @Inject
    EntityManager em;

    @Inject
    Proposals proposals;

    @Inject
    DecisionEvents events;

    @Inject
    Outbox outbox;

    @Inject
    MatchingConfig matching;

    @Inject
    DecisionConfig config;

    @Inject
    Outcomes outcomes;

    private final DangerZones dangerZones = new DangerZones(Gazetteer.france());

    @Transactional
    public void onSubmitted(ReferralSubmitted event) {
        if (Referral.findById(event.referralId()) != null) {
            return;
        }
        if (event.household() == null
                || event.household().gender() == null
                || event.urgency() == null
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
        referral.organisationId = event.organisationId();
        referral.urgency = event.urgency();
        referral.household = event.household();
        referral.needs = event.needs() == null ? Needs.NONE : event.needs();
        referral.languages =
                event.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        referral.dangerZones = event.dangerZones();
        referral.currentCommuneCode = event.currentCommuneCode();
        referral.minDistanceKm = event.minDistanceKm() > 0 ? event.minDistanceKm() : matching.defaultMinDistanceKm();
        referral.preferredScheme = MatchRequest.schemeCode(event.preferredScheme());
        referral.submittedAt = event.submittedAt() == null ? now : event.submittedAt();
        referral.possibleDuplicateOf = event.possibleDuplicateOf();
        outcomes.submitted(
                referral.id,
                referral.submittedAt,
                referral.urgency,
                referral.currentCommuneCode,
                referral.preferredScheme);
        if (referral.possibleDuplicateOf != null && config.duplicatesAwaitDecision()) {
            // No second bed for the same person: a coordinator proceeds (rematch) or withdraws it.
            referral.moveTo(ReferralStatus.AWAITING_DECISION, now);
            referral.persist();
            return;
        }
        referral.moveTo(ReferralStatus.SEARCHING, now);
        referral.persist();
        outbox.publish(EventType.PLACEMENT_SEARCHING, new PlacementSearching(referral.id, now));
        proposals.proposeNext(referral, now, true);
    }

    /** Every live place of the referral is released. */
    @Transactional
    public void onWithdrawn(ReferralWithdrawn event) {
        Referral referral = Referral.lock(event.referralId());
        if (referral == null || referral.status.closed()) {
            return;
        }
        Instant now = Instant.now();
        for (Placement p : Placement.liveOf(referral.id)) {
            p.cancel(Cancellation.REFERRAL_WITHDRAWN, null, now);
            events.moved(p, now);
        }
        referral.moveTo(ReferralStatus.WITHDRAWN, now);
    }

    /** Another chance for a waiting referral; skipped if another replica is on it. */
    @Transactional
    public void rematchWaiting(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<Referral> locked = em.createNativeQuery(
                        "SELECT * FROM referral WHERE id = :id AND status = 'NO_MATCH' FOR UPDATE SKIP LOCKED",
                        Referral.class)
                .setParameter("id", referralId)
                .getResultList();
        if (!locked.isEmpty()) {
            proposals.proposeNext(locked.get(0), Instant.now(), false);
        }
    }
}
