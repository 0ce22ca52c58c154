package org.acse.notification.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import org.acse.common.events.Urgency;

@ConfigMapping(prefix = "acse.alert")
public interface AlertConfig {
    /** The web application's base URL, for the links alerts carry. */
    String webUrl();

    AckDelay ackDelay();

    /** How long after the place is available the person may arrive, by urgency. */
    ArrivalWindow arrivalWindow();

    /**
     * How long a no-match alert may stay unacknowledged before it is escalated to the coordination channels again.
     */
    @WithDefault("30m")
    Duration noMatchEscalation();

    /** How often unacknowledged alerts are checked. */
    @WithDefault("10s")
    Duration escalationCheck();

    /** The live stream's listener on the alerts channel (ADR 14). */
    Live live();

    interface Live {
        /** How long one wait for notifications lasts before the connection is checked. */
        @WithDefault("5s")
        Duration checkEvery();

        /** How long to wait before listening again after the database connection was lost. */
        @WithDefault("2s")
        Duration reconnectAfter();
    }

    interface AckDelay {
        @WithDefault("15m")
        Duration immediate();

        @WithName("within-72h")
        @WithDefault("1h")
        Duration within72h();

        @WithName("within-7-days")
        @WithDefault("4h")
        Duration within7Days();
    }

    interface ArrivalWindow {
        @WithDefault("24h")
        Duration immediate();

        @WithName("within-72h")
        @WithDefault("72h")
        Duration within72h();

        @WithName("within-7-days")
        @WithDefault("7d")
        Duration within7Days();
    }

    default Duration ackDelay(Urgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> ackDelay().immediate();
            case WITHIN_72H -> ackDelay().within72h();
            case WITHIN_7_DAYS -> ackDelay().within7Days();
        };
    }

    default Duration arrivalWindow(Urgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> arrivalWindow().immediate();
            case WITHIN_72H -> arrivalWindow().within72h();
            case WITHIN_7_DAYS -> arrivalWindow().within7Days();
        };
    }
}
