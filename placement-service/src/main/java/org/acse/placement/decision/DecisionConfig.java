package org.acse.placement.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import org.acse.common.events.Urgency;

/** How the decision loop waits and offers (see docs/adr/0009-decision-loop.md). */
@ConfigMapping(prefix = "acse.decision")
public interface DecisionConfig {
    /** Places held at once in different shelters for an IMMEDIATE referral; the first acceptance wins. */
    @WithDefault("1")
    int parallelOffers();

    /** A referral that names a possible duplicate waits for a coordinator's decision before any bed is held. */
    @WithDefault("true")
    boolean duplicatesAwaitDecision();

    /** How often accepted placements whose arrival window passed are looked for. */
    @WithDefault("60s")
    Duration arrivalCheckInterval();

    /** How long meeting points and comments stay after the referral closed, and how often that is checked. */
    Retention retention();

    interface Retention {
        @WithDefault("P30D")
        Duration afterClosed();

        @WithDefault("1h")
        Duration every();
    }

    /** The arrival window when the shelter gives none, from the acceptance. */
    ArrivalWindow arrivalWindow();

    interface ArrivalWindow {
        @WithDefault("24h")
        Duration immediate();

        @WithName("within-72h")
        @WithDefault("72h")
        Duration within72h();

        @WithName("within-7-days")
        @WithDefault("168h")
        Duration within7Days();
    }

    default int offers(Urgency urgency) {
        return urgency == Urgency.IMMEDIATE ? Math.max(1, parallelOffers()) : 1;
    }

    default Duration arrivalWindow(Urgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> arrivalWindow().immediate();
            case WITHIN_72H -> arrivalWindow().within72h();
            case WITHIN_7_DAYS -> arrivalWindow().within7Days();
        };
    }
}
