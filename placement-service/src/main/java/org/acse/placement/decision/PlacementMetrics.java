package org.acse.placement.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.acse.common.events.DeclineReason;
import org.acse.platform.tx.AfterCommit;

/**
 * The decision loop's domain metrics. Each is recorded only once the transition's transaction committed, so that a
 * rolled-back or retried transition is not counted twice. Tags are bounded enums, never ids.
 */
@ApplicationScoped
public class PlacementMetrics {
    @Inject
    MeterRegistry meters;

    @Inject
    AfterCommit afterCommit;

    private Timer timeToProposal;
    private Timer timeToAcceptance;
    private Counter noMatch;
    private Counter holdExpiries;
    private final Map<DeclineReason, Counter> declines = new EnumMap<>(DeclineReason.class);
    private final Map<DeclineReason, Counter> backOuts = new EnumMap<>(DeclineReason.class);

    @PostConstruct
    void register() {
        timeToProposal = Timer.builder("acse.referral.time.to.proposal")
                .description("From a referral's submission to its first proposal (hold)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(meters);
        timeToAcceptance = Timer.builder("acse.referral.time.to.acceptance")
                .description("From a referral's submission to a shelter's acceptance")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(meters);
        noMatch = Counter.builder("acse.placement.no.match")
                .description("Referrals that entered a wait because no eligible place was free")
                .register(meters);
        holdExpiries = Counter.builder("acse.placement.hold.expiries")
                .description("Holds that expired without an answer")
                .register(meters);
        for (DeclineReason reason : DeclineReason.values()) {
            declines.put(
                    reason,
                    Counter.builder("acse.placement.declines")
                            .description("Declines by reason")
                            .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                            .register(meters));
            // Apart from declines: a shelter going back on its word may leave a person already on the way.
            backOuts.put(
                    reason,
                    Counter.builder("acse.placement.back.outs")
                            .description(
                                    "Accepted placements the shelter backed out of (or a coordinator cancelled), by reason")
                            .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    void firstProposal(Instant submittedAt, Instant now) {
        afterCommit(() -> timeToProposal.record(elapsed(submittedAt, now)));
    }

    void accepted(Instant submittedAt, Instant now) {
        afterCommit(() -> timeToAcceptance.record(elapsed(submittedAt, now)));
    }

    void noMatch() {
        afterCommit(noMatch::increment);
    }

    void declined(DeclineReason reason) {
        afterCommit(declines.get(reason)::increment);
    }

    void backedOut(DeclineReason reason) {
        afterCommit(backOuts.get(reason)::increment);
    }

    void holdExpired() {
        afterCommit(holdExpiries::increment);
    }

    private static Duration elapsed(Instant from, Instant to) {
        Duration elapsed = Duration.between(from, to);
        return elapsed.isNegative() ? Duration.ZERO : elapsed; // clocks of two services
    }

    private void afterCommit(Runnable record) {
        afterCommit.run(record);
    }
}
