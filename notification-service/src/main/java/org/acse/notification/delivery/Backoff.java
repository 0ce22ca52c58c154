package org.acse.notification.delivery;

import java.time.Duration;

/** Exponential backoff: {@code initial × 2^(attempt-1)}, never more than {@code max}. */
public record Backoff(Duration initial, Duration max) {
    public Duration after(int attempts) {
        if (attempts <= 1) {
            return initial.compareTo(max) > 0 ? max : initial;
        }
        long millis = initial.toMillis();
        for (int i = 1; i < attempts && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
