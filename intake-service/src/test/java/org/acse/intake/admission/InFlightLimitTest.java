package org.acse.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
    @Test
    void admitsUpToTheLimitThenRefusesUntilAPlaceIsGivenBack() {
        InFlightLimit limit = new InFlightLimit(2);
        assertThat(limit.tryEnter()).isTrue();
        assertThat(limit.tryEnter()).isTrue();
        assertThat(limit.tryEnter()).isFalse();
        assertThat(limit.tryEnter()).isFalse();
        assertThat(limit.inFlight()).isEqualTo(2);

        limit.leave();
        assertThat(limit.tryEnter()).isTrue();
        assertThat(limit.tryEnter()).isFalse();
    }

    @Test
    void aRefusalTakesNoPlace() {
        InFlightLimit limit = new InFlightLimit(1);
        limit.tryEnter();
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryEnter()).isFalse();
        }
        limit.leave();
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.tryEnter()).isTrue();
    }

    @Test
    void leavingWithoutHavingEnteredIsAFaultAndChangesNothing() {
        InFlightLimit limit = new InFlightLimit(1);
        assertThatThrownBy(limit::leave).isInstanceOf(IllegalStateException.class);
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.tryEnter()).isTrue();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new InFlightLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRequestsNeverExceedTheLimitAndAllPlacesComeBack() throws Exception {
        InFlightLimit limit = new InFlightLimit(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20_000; i++) {
                        if (limit.tryEnter()) {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            admitted.incrementAndGet();
                            inside.decrementAndGet();
                            limit.leave();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(mostInside.get()).isBetween(1, 3);
        assertThat(admitted.get()).isPositive();
        assertThat(limit.inFlight()).isZero();
    }
}
