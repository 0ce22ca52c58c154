package org.acse.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Cancellation;
import org.acse.common.events.DangerZone;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementNoMatch;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.PlacementSearching;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;

/** Events as intake-service and placement-service publish them. */
final class SampleEvents {
    static PlacementProposed proposed(UUID shelterId, Urgency urgency) {
        return proposed(
                UUID.randomUUID(), "Mésange-" + UUID.randomUUID().toString().substring(0, 4), shelterId, urgency);
    }

    /** Another proposal for the same referral (parallel offers, or the next candidate after a back-out). */
    static PlacementProposed proposed(ReferralSubmitted referral, UUID shelterId) {
        return proposed(referral.referralId(), referral.pseudonym(), shelterId, referral.urgency());
    }

    static PlacementProposed proposed(UUID referralId, String pseudonym, UUID shelterId, Urgency urgency) {
        Instant now = Instant.now();
        return new PlacementProposed(
                UUID.randomUUID(),
                referralId,
                shelterId,
                UUID.randomUUID(),
                pseudonym,
                new Household(Gender.FEMALE, 27, List.of(4, 9)),
                new Needs(false, true, false, true),
                List.of("fr", "ro"),
                urgency,
                now,
                now.plus(Duration.ofHours(1)),
                now);
    }

    static PlacementDecided decided(PlacementProposed p, String reason) {
        return new PlacementDecided(
                p.placementId(), p.referralId(), p.shelterId(), p.unitId(), reason, null, Instant.now());
    }

    static PlacementDecided cancelled(PlacementProposed p, Cancellation cause, DeclineReason reason) {
        return new PlacementDecided(
                p.placementId(),
                p.referralId(),
                p.shelterId(),
                p.unitId(),
                reason == null ? null : reason.name(),
                cause,
                Instant.now());
    }

    static ReferralSubmitted submitted(String organisationId, Urgency urgency, UUID possibleDuplicateOf) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                "Pinson-" + UUID.randomUUID().toString().substring(0, 4),
                organisationId,
                new Household(Gender.FEMALE, 31, List.of()),
                Needs.NONE,
                List.of("fr"),
                urgency,
                List.of(DangerZone.commune("13055")),
                "06088",
                100,
                Instant.now(),
                possibleDuplicateOf,
                null);
    }

    static PlacementNoMatch noMatch(UUID referralId, String pseudonym, Urgency urgency) {
        return new PlacementNoMatch(referralId, pseudonym, urgency, 42, Instant.now());
    }

    static PlacementSearching searching(UUID referralId) {
        return new PlacementSearching(referralId, Instant.now());
    }

    private SampleEvents() {}
}
