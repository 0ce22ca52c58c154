package org.acse.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.PlacementDecided;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;

/** Events as placement-service publishes them. */
final class SampleEvents {
    static PlacementProposed proposed(UUID shelterId, Urgency urgency) {
        Instant now = Instant.now();
        return new PlacementProposed(UUID.randomUUID(), UUID.randomUUID(), shelterId, UUID.randomUUID(),
                "Mésange-" + UUID.randomUUID().toString().substring(0, 4), new Household(Gender.FEMALE, 27, List.of(4, 9)),
                new Needs(false, true, false, true), List.of("fr", "ro"), urgency, now,
                now.plus(Duration.ofHours(1)), now);
    }

    static PlacementDecided decided(PlacementProposed p, String reason) {
        return new PlacementDecided(p.placementId(), p.referralId(), p.shelterId(), p.unitId(), reason, null, Instant.now());
    }

    private SampleEvents() {
    }
}
