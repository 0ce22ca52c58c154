package org.acse.intake.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.acse.common.events.DangerZone;
import org.acse.common.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class CoarseZonesTest {
    @Test
    void aPointLeavesOnTheGridWithAWiderRadius() {
        DangerZone coarse = CoarseZones.of(new ReferralRequest.DangerZone(null, null, 43.7034, 7.2663, 30.0));
        assertThat(coarse.lat()).isEqualTo(43.7);
        assertThat(coarse.lon()).isEqualTo(7.3);
        assertThat(coarse.radiusKm()).isEqualTo(38.0);
    }

    @Test
    void communesAndDepartmentsAreKeptAsGiven() {
        assertThat(CoarseZones.of(new ReferralRequest.DangerZone("06088", null, null, null, null)))
                .isEqualTo(DangerZone.commune("06088"));
        assertThat(CoarseZones.of(new ReferralRequest.DangerZone(null, "2A", null, null, null)))
                .isEqualTo(DangerZone.department("2A"));
    }

    @Test
    void theCoarseDiscAlwaysContainsTheDiscGiven() {
        // Metropolitan France and the overseas departments, from the equator (Guyane) to Dunkerque.
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double lat = -21.5 + random.nextDouble() * 73;
            double lon = -61.9 + random.nextDouble() * 118;
            double radius = 0.1 + random.nextDouble() * 100;
            DangerZone coarse = CoarseZones.of(new ReferralRequest.DangerZone(null, null, lat, lon, radius));
            GeoPoint given = new GeoPoint(lat, lon);
            GeoPoint centre = new GeoPoint(coarse.lat(), coarse.lon());
            // The farthest point of the given disc from the new centre is its distance plus the given radius.
            assertThat(given.distanceKm(centre) + radius)
                    .as("zone %s, %s, %s km", lat, lon, radius)
                    .isLessThanOrEqualTo(coarse.radiusKm());
        }
    }
}
