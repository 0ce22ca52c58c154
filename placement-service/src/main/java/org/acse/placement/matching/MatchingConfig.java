package org.acse.placement.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import org.acse.common.events.Urgency;

/** {@code acse.matching.*}: ranking weights, urgency delays and hold durations (product §3, §5), and the job cadence. */
@ConfigMapping(prefix = "acse.matching")
public interface MatchingConfig {
    Weights weights();

    /** How soon a place must be available, per urgency. */
    Delays delay();

    /** How long the receiving shelter has to answer, per urgency. */
    Holds hold();

    @WithDefault("200")
    int defaultMinDistanceKm();

    /** Travel beyond this distance scores zero. */
    @WithDefault("1200")
    double travelScaleKm();

    /** Availability not confirmed for this long is stale and ranks after fresh availability. */
    @WithDefault("24h")
    Duration staleAfter();

    /** How many ranked places one search keeps (holds are tried in that order). */
    @WithDefault("32")
    int candidates();

    /** How often overdue holds are expired. */
    @WithDefault("5s")
    Duration expiryInterval();

    /** How often the safety net checks whether a re-match pass is due (requests are served at once). */
    @WithDefault("5s")
    Duration rematchInterval();

    /** Waiting referrals are re-matched at least this often, whatever the requests (other replicas' changes). */
    @WithDefault("60s")
    Duration rematchSafetyInterval();

    /** The in-memory shelter snapshot is fully reloaded this often (changes made through another replica). */
    @WithDefault("10s")
    Duration snapshotRefresh();

    interface Weights {
        @WithDefault("4")
        double availability();

        @WithDefault("2")
        double languages();

        @WithDefault("1")
        double needs();

        @WithDefault("2")
        double travel();

        @WithDefault("1")
        double occupancy();

        /** A shelter of the scheme the referral asks for (soft: never a way around a hard constraint). */
        @WithDefault("3")
        double scheme();
    }

    interface Delays {
        @WithDefault("24h")
        Duration immediate();

        @WithName("within-72h")
        @WithDefault("72h")
        Duration within72h();

        @WithName("within-7-days")
        @WithDefault("168h")
        Duration within7Days();
    }

    interface Holds {
        @WithDefault("1h")
        Duration immediate();

        @WithName("within-72h")
        @WithDefault("6h")
        Duration within72h();

        @WithName("within-7-days")
        @WithDefault("24h")
        Duration within7Days();
    }

    default Duration hold(Urgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> hold().immediate();
            case WITHIN_72H -> hold().within72h();
            case WITHIN_7_DAYS -> hold().within7Days();
        };
    }

    default MatchingRules rules() {
        Weights w = weights();
        return new MatchingRules(
                new MatchingRules.Weights(
                        w.availability(), w.languages(), w.needs(), w.travel(), w.occupancy(), w.scheme()),
                Map.of(
                        Urgency.IMMEDIATE,
                        delay().immediate(),
                        Urgency.WITHIN_72H,
                        delay().within72h(),
                        Urgency.WITHIN_7_DAYS,
                        delay().within7Days()),
                defaultMinDistanceKm(),
                travelScaleKm(),
                staleAfter());
    }
}
