package org.acse.intake.admission;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many submissions are being served at once, and the most that may be. A request that would go past the limit
 * is refused at once instead of waiting: waiting requests only pile up in the heap and lengthen every other
 * request's wait, while the service's throughput does not grow with them.
 */
public final class InFlightLimit {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, was " + max);
        }
        this.max = max;
    }

    /** Takes a place if one is free; {@code false}: the request must be refused, and must not call {@link #leave}. */
    public boolean tryEnter() {
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back the place an admitted request took, once its answer is sent (or its connection lost). */
    public void leave() {
        if (inFlight.getAndDecrement() <= 0) {
            inFlight.incrementAndGet();
            throw new IllegalStateException("left more often than entered");
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }
}
