package org.acse.common.events;

import java.util.List;

/** Kafka topic names (product §6). Every topic has a dead-letter twin named {@code <topic>.dlq}. */
public final class Topics {
    public static final String REFERRALS = "acse.referrals";
    public static final String PLACEMENTS = "acse.placements";
    public static final String ALERTS = "acse.alerts";

    public static final List<String> ALL = List.of(REFERRALS, PLACEMENTS, ALERTS);

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
