package org.acse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** Collects the figures of a run and writes {@code REPORT.md} and {@code latency.png}. */
final class Report {
    private final Bench.Options options;
    private final StringBuilder md = new StringBuilder();
    private final StringBuilder summary = new StringBuilder();
    private final Summary figures = new Summary();
    private final String loadAtStart = Machine.loadAverage();
    private final List<Chart.Series> percentileSeries = new ArrayList<>();
    private List<Histogram> createdPerSecond = List.of();
    private List<Histogram> endToEndPerSecond = List.of();
    private Histogram pgFloor;
    private Histogram kafkaFloor;
    private Histogram created;
    private Histogram endToEnd;
    private double bestRamp = -1;
    private final StringBuilder cpuSteps = new StringBuilder();

    Report(Bench.Options options) {
        this.options = options;
    }

    void startups(List<SuiteUnderTest.Startup> startups, Map<String, Long> rssMb, List<String> jvmOptions) {
        md.append("\n## Start-up and memory at rest\n\nJVM options of every service: `")
                .append(String.join(" ", jvmOptions))
                .append("`\n\n")
                .append(
                        "| service | ready after (launch → /q/health/ready 200) | Quarkus \"started in\" | RSS at rest |\n")
                .append("|---|---|---|---|\n");
        for (SuiteUnderTest.Startup s : startups) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f ms | %s | %d MB |%n",
                    s.name(),
                    s.readyMillis(),
                    s.quarkusSeconds() == null ? "n/a" : s.quarkusSeconds() + " s",
                    rssMb.get(s.name())));
            summary.append(String.format(
                    Locale.ROOT,
                    "| start-up %s (target ≤ 2 s) | %.2f s (Quarkus: %s s) | |%n",
                    s.name(),
                    s.readyMillis() / 1000,
                    s.quarkusSeconds()));
            figures.atMost("startup." + s.name() + ".readySeconds", s.readyMillis() / 1000, "s", 2);
            figures.atMost("rss." + s.name() + ".atRestMb", rssMb.get(s.name()), "MB", 300);
        }
    }

    /** The {@code startup} scenario: medians (and range) over the rounds, first start and restart. */
    void startupRounds(
            Map<String, List<SuiteUnderTest.Startup>> first,
            Map<String, List<SuiteUnderTest.Startup>> again,
            Map<String, List<Long>> rssMb,
            List<String> jvmOptions) {
        md.append("\n## Start-up, median of ")
                .append(first.values().iterator().next().size())
                .append(" rounds (min–max)\n\nJVM options of every service: `")
                .append(String.join(" ", jvmOptions))
                .append(
                        "`\n\nFirst start: fresh database (Flyway creates the schema) and fresh broker; restart: the same"
                                + " service stopped and started again on the migrated database. Ready = launch →"
                                + " /q/health/ready 200.\n\n")
                .append(
                        "| service | first start: ready | Quarkus \"started in\" | CPU until ready | restart: ready"
                                + " | Quarkus \"started in\" | CPU until ready | RSS at rest |\n|---|---|---|---|---|---|---|---|\n");
        first.forEach((name, starts) -> {
            List<SuiteUnderTest.Startup> restarts = again.get(name);
            figures.atMost(
                    "startup." + name + ".firstStart.readySeconds",
                    median(starts.stream()
                                    .map(SuiteUnderTest.Startup::readyMillis)
                                    .toList())
                            / 1000,
                    "s",
                    2);
            figures.atMost(
                    "startup." + name + ".restart.readySeconds",
                    median(restarts.stream()
                                    .map(SuiteUnderTest.Startup::readyMillis)
                                    .toList())
                            / 1000,
                    "s",
                    2);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    name,
                    readyMs(starts),
                    quarkusS(starts),
                    cpuMs(starts),
                    readyMs(restarts),
                    quarkusS(restarts),
                    cpuMs(restarts),
                    range(rssMb.get(name), " MB")));
            summary.append(String.format(
                    Locale.ROOT,
                    "| start-up %s, first start / restart (target ≤ 2 s) | %.2f s / %.2f s | |%n",
                    name,
                    median(starts.stream()
                                    .map(SuiteUnderTest.Startup::readyMillis)
                                    .toList())
                            / 1000,
                    median(restarts.stream()
                                    .map(SuiteUnderTest.Startup::readyMillis)
                                    .toList())
                            / 1000));
        });
    }

    private static String readyMs(List<SuiteUnderTest.Startup> s) {
        return range(s.stream().map(x -> (double) Math.round(x.readyMillis())).toList(), " ms");
    }

    private static String cpuMs(List<SuiteUnderTest.Startup> s) {
        return range(s.stream().map(x -> (double) x.cpuMillis()).toList(), " ms");
    }

    private static String quarkusS(List<SuiteUnderTest.Startup> s) {
        List<Double> q = s.stream()
                .map(SuiteUnderTest.Startup::quarkusSeconds)
                .filter(Objects::nonNull)
                .toList();
        return q.isEmpty() ? "n/a" : range(q, " s");
    }

    private static String range(List<? extends Number> values, String unit) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        return String.format(
                Locale.ROOT,
                "%s%s (%s–%s)",
                num(median(sorted)),
                unit,
                num(sorted.get(0)),
                num(sorted.get(sorted.size() - 1)));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    void partial(List<String> services) {
        md.append("\n**Only ")
                .append(String.join(", ", services))
                .append(" ran** (`--services`): the scenarios that" + " need the whole flow were skipped.\n");
    }

    void brokeOff(String what, RuntimeException e) {
        md.append("\n**The ")
                .append(what)
                .append(" broke off**: ")
                .append(e.getClass().getSimpleName())
                .append(": ")
                .append(String.valueOf(e.getMessage()).replaceAll("\\s+", " "))
                .append("\n");
        summary.append("| ")
                .append(what)
                .append(" | broke off: ")
                .append(e.getClass().getSimpleName())
                .append(" | |\n");
    }

    void floors(Histogram pg, Histogram kafka) {
        pgFloor = pg;
        kafkaFloor = kafka;
        figures.floor("postgresInsertCommit", pg);
        figures.floor("kafkaProduceConsume", kafka);
        percentileSeries.add(new Chart.Series("floor: PostgreSQL insert+commit", pg));
        percentileSeries.add(new Chart.Series("floor: Kafka produce→consume", kafka));
        md.append("\n## Floors (same machine, same broker, same database, same run)\n\n")
                .append(header())
                .append(row("PostgreSQL single-row insert + commit, 1 client", pg))
                .append(row("Kafka produce → consume (acks=all, linger 0, 500/s)", kafka));
    }

    /** CPU of each part over a time without referrals, in cores; the target is the three services together. */
    void rest(Map<String, Long> cpuNanos, Duration over) {
        double seconds = over.toNanos() / 1e9;
        md.append("\n## At rest (")
                .append(over.toSeconds())
                .append(
                        " s without a referral, after the warm-up and 30 s to settle)\n\n| part | CPU (cores) |\n|---|---|\n");
        cpuNanos.forEach(
                (part, ns) -> md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", part, ns / 1e9 / seconds)));
        double services = SuiteUnderTest.SERVICES.stream()
                        .mapToLong(s -> cpuNanos.getOrDefault(s, 0L))
                        .sum()
                / 1e9
                / seconds;
        SuiteUnderTest.SERVICES.forEach(
                s -> figures.figure("rest." + s + ".cores", cpuNanos.getOrDefault(s, 0L) / 1e9 / seconds, "cores"));
        figures.atMost("rest.services.cores", services, "cores", 0.05);
        summary.append(String.format(
                Locale.ROOT,
                "| CPU of the three services at rest | %s: %.3f core | ≤ 0.05 core |%n",
                SuiteUnderTest.SERVICES.stream()
                        .map(s ->
                                String.format(Locale.ROOT, "%s %.3f", s, cpuNanos.getOrDefault(s, 0L) / 1e9 / seconds))
                        .collect(Collectors.joining(", ")),
                services));
    }

    void latency(
            OpenLoad.Result r,
            Histogram e2e,
            List<Histogram> e2ePerSecond,
            List<Histogram> stages,
            long missing,
            Map<String, Long> rss,
            long alertedTwice,
            Map<String, Long> cpuNanos) {
        created = r.latency();
        endToEnd = e2e;
        createdPerSecond = r.perSecond();
        endToEndPerSecond = e2ePerSecond;
        percentileSeries.add(0, new Chart.Series("referral accepted → alert received (end to end)", e2e));
        percentileSeries.add(0, new Chart.Series("POST /referrals → 201", r.latency()));
        md.append(String.format(
                Locale.ROOT,
                "%n## Latency: %.0f referrals/s for %d s (open model)%n%n",
                r.targetRate(),
                options.seconds()));
        md.append(String.format(
                Locale.ROOT,
                "Planned %d, sent %d, 201: %d, failed %d, refused by the client %d;"
                        + " statuses %s; achieved %.1f/s. Alerts received for %d referrals, missing %d"
                        + " (after waiting up to 60 s); referrals alerted more than once: %d.%n%n",
                r.planned(),
                r.sent(),
                r.created(),
                r.failed(),
                r.refusedByClient(),
                r.statusCounts(),
                r.achievedRate(),
                e2e.getTotalCount(),
                missing,
                alertedTwice));
        md.append(header())
                .append(row("POST /referrals → 201 (from the intended send time)", r.latency()))
                .append(row("201 → alert received by the shelter's webhook (end to end)", e2e))
                .append(row("… of which 201 → referral.submitted on the broker (intake's relay)", stages.get(0)))
                .append(row(
                        "… then → placement.proposed on the broker (placement: consume, match, hold, relay)",
                        stages.get(1)))
                .append(row("… then → webhook received (notification: consume, record, deliver)", stages.get(2)));
        md.append(
                "\nThe stages are split at the records' broker timestamps (milliseconds); their percentiles do not add"
                        + " up to the end to end's.\n");
        md.append(
                        "\nRatios to the floors (p50 / p50, p99 / p99):\n\n| figure | ratio p50 | ratio p99 |\n|---|---|---|\n")
                .append(ratio("201 latency / PostgreSQL insert+commit", r.latency(), pgFloor))
                .append(ratio("end to end / Kafka produce→consume", e2e, kafkaFloor))
                .append(chainRatio(e2e));
        md.append("\nPeak RSS during this scenario: ").append(mb(rss)).append("\n");
        long n = Math.max(1, r.created());
        cpuNanos.forEach((part, ns) -> figures.figure("flow.cpuPerReferral." + part + ".ms", ns / 1e6 / n, "ms"));
        figures.atMost(
                "flow.cpuPerReferral.ms",
                cpuNanos.values().stream().mapToLong(Long::longValue).sum() / 1e6 / n,
                "ms",
                10);
        figures.figure("flow.created.p50Ms", Summary.millis(r.latency(), 50), "ms");
        figures.figure("flow.created.p99Ms", Summary.millis(r.latency(), 99), "ms");
        figures.atMost("flow.endToEnd.p50Ms", Summary.millis(e2e, 50), "ms", 30);
        figures.atMost("flow.endToEnd.p99Ms", Summary.millis(e2e, 99), "ms", 150);
        figures.atMost("flow.missingAlerts", missing, "referrals", 0);
        rss.forEach((service, mb) -> figures.atMost("rss." + service + ".underLoadMb", mb, "MB", 300));
        md.append("\nCPU per referral (user + system, from the first request until every alert arrived): ")
                .append(String.join(
                        ", ",
                        cpuNanos.entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue() / 1e6 / n))
                                .toList()))
                .append(String.format(
                        Locale.ROOT,
                        "; in all %.2f ms.%n",
                        cpuNanos.values().stream().mapToLong(Long::longValue).sum() / 1e6 / n));
        summary.append(String.format(
                Locale.ROOT,
                "| 201 latency at %.0f/s | p50 %s, p99 %s, max %s | |%n",
                r.targetRate(),
                ms(r.latency(), 50),
                ms(r.latency(), 99),
                ms(r.latency().getMaxValue())));
        summary.append(String.format(
                Locale.ROOT,
                "| 201 → alert at %.0f/s (target p50 ≤ 30 ms, p99 ≤ 150 ms) | p50 %s, p95 %s, p99 %s, max %s | %s |%n",
                r.targetRate(),
                ms(e2e, 50),
                ms(e2e, 95),
                ms(e2e, 99),
                ms(e2e.getMaxValue()),
                e2e.getTotalCount() == 0
                        ? "no alert"
                        : (e2e.getValueAtPercentile(50) <= 30_000_000 && e2e.getValueAtPercentile(99) <= 150_000_000
                                ? "met"
                                : "missed")));
        summary.append("| peak RSS at 50/s (target < 300 MB) | ")
                .append(mb(rss))
                .append(" | ")
                .append(rss.values().stream().allMatch(v -> v > 0 && v < 300) ? "met" : "missed")
                .append(" |\n");
    }

    void burst(
            OpenLoad.Result r,
            long allAcceptedNanos,
            long finalOnBrokerNanos,
            long finalInIntakeNanos,
            Map<String, Long> statuses,
            Map<String, Long> rss) {
        md.append(String.format(Locale.ROOT, "%n## Burst: %d referrals at once (256 connections)%n%n", r.planned()));
        md.append(String.format(
                Locale.ROOT, "201: %d, failed %d, statuses %s.%n%n", r.created(), r.failed(), r.statusCounts()));
        md.append("| milestone | time from the burst's start |\n|---|---|\n");
        md.append("| every referral accepted (201) | ")
                .append(seconds(allAcceptedNanos - r.startNanos()))
                .append(" |\n");
        md.append("| every referral proposed or no-match on the broker | ")
                .append(finalOnBrokerNanos < 0 ? "not within 5 min" : seconds(finalOnBrokerNanos - r.startNanos()))
                .append(" |\n");
        md.append("| every referral PROPOSED/NO_MATCH in intake (polled every 100 ms) | ")
                .append(finalInIntakeNanos < 0 ? "not within 60 s more" : seconds(finalInIntakeNanos - r.startNanos()))
                .append(" |\n");
        md.append("\nIntake's final statuses of the burst: ")
                .append(statuses)
                .append(". Peak RSS: ")
                .append(mb(rss))
                .append("\n\n")
                .append(header())
                .append(row("time until 201 (all due at the burst's start)", r.latency()));
        summary.append(String.format(
                Locale.ROOT,
                "| burst of %d: all 201 / all final on the broker / all final in intake | %s / %s / %s | |%n",
                r.planned(),
                seconds(allAcceptedNanos - r.startNanos()),
                finalOnBrokerNanos < 0 ? "n/a" : seconds(finalOnBrokerNanos - r.startNanos()),
                finalInIntakeNanos < 0 ? "n/a" : seconds(finalInIntakeNanos - r.startNanos())));
    }

    void rampStep(OpenLoad.Result r, long onBroker, boolean sustained) {
        if (bestRamp < 0 && md.indexOf("## Ramp") < 0) {
            md.append(String.format(
                    Locale.ROOT,
                    "%n## Ramp: intake's sustained maximum (steps of %d s)%n%n"
                            + "A step is sustained when every request got its 201, the client never had more requests in flight"
                            + " than its window, the achieved rate is ≥ 95 %% of the target, the 201 p99 is under 1 s, and every"
                            + " 201'd referral has its `referral.submitted` on the broker within 60 s.%n%n"
                            + "| target | achieved | 201 | failed | refused by client | on broker | 201 p50 | 201 p99 | 201 max | sustained |%n"
                            + "|---|---|---|---|---|---|---|---|---|---|%n",
                    options.rampStepSeconds()));
        }
        md.append(String.format(
                Locale.ROOT,
                "| %.0f/s | %.0f/s | %d | %d | %d | %d | %s | %s | %s | %s |%n",
                r.targetRate(),
                r.achievedRate(),
                r.created(),
                r.failed(),
                r.refusedByClient(),
                onBroker,
                ms(r.latency(), 50),
                ms(r.latency(), 99),
                ms(r.latency().getMaxValue()),
                sustained ? "yes" : "no"));
        if (sustained) {
            bestRamp = Math.max(bestRamp, r.targetRate());
        } else {
            bestRamp = Math.max(bestRamp, 0);
        }
    }

    /** CPU per referral of each part during one ramp step (from its start until its events were on the broker). */
    void rampCpu(OpenLoad.Result r, Map<String, Long> cpuNanos) {
        if (cpuSteps.length() == 0) {
            cpuSteps.append(
                            "\n### CPU per referral during each step (user + system, from the step's start until every event"
                                    + " was on the broker)\n\n| target | created | ")
                    .append(String.join(" | ", cpuNanos.keySet()))
                    .append(" | total |\n|---|---|")
                    .append("---|".repeat(cpuNanos.size() + 1))
                    .append("\n");
        }
        long n = Math.max(1, r.created());
        long total = cpuNanos.values().stream().mapToLong(Long::longValue).sum();
        cpuSteps.append(String.format(Locale.ROOT, "| %.0f/s | %d | ", r.targetRate(), r.created()));
        cpuNanos.values().forEach(v -> cpuSteps.append(String.format(Locale.ROOT, "%.0f µs | ", v / 1e3 / n)));
        cpuSteps.append(String.format(Locale.ROOT, "%.0f µs |%n", total / 1e3 / n));
    }

    void rampRss(Map<String, Long> rss) {
        figures.atLeast("intake.sustainedPerSecond", Math.max(0, bestRamp), "referrals/s", 2500);
        md.append(cpuSteps);
        md.append("\nPeak RSS during the ramp: ").append(mb(rss)).append("\n");
        summary.append(String.format(
                Locale.ROOT,
                "| intake sustained, nothing lost (target ≥ 2,500/s) | %s | %s |%n",
                bestRamp <= 0 ? "below the first step" : String.format(Locale.ROOT, "%.0f/s", bestRamp),
                bestRamp >= 2500 ? "met" : "missed"));
        summary.append("| peak RSS during the ramp | ")
                .append(mb(rss))
                .append(" | ")
                .append(rss.values().stream().allMatch(v -> v > 0 && v < 300) ? "met" : "missed")
                .append(" |\n");
    }

    /** The overload scenario's targets (product: overload at twice the sustainable rate). */
    static final long OVERLOAD_REFUSAL_TARGET_NANOS = 50_000_000L;

    static final long OVERLOAD_ACCEPTED_P99_TARGET_NANOS = 200_000_000L;
    static final long OVERLOAD_RECOVERY_TARGET_SECONDS = 5;

    /**
     * The overload scenario: {@code overloadSeconds} at the overload rate, then the gentle rate. Every answer counted
     * by status; the 503s' latency (the refusal must be quick), the 201s' latency during the overload, and, in 1-s
     * windows of due time after the overload's end, the first window from which on every window is normal (201 p99
     * under 200 ms, nothing but 201).
     */
    void overload(OpenLoad.Result r, double overloadRate, int overloadSeconds, Map<String, Long> rssPeak) {
        long end = TimeUnit.SECONDS.toNanos(overloadSeconds);
        Histogram refusedLatency = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
        Histogram acceptedDuring = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
        Map<Integer, Long> during = new TreeMap<>();
        Map<Integer, Long> after = new TreeMap<>();
        int seconds = (int) (r.outcomes().stream()
                                .mapToLong(OpenLoad.Outcome::dueNanos)
                                .max()
                                .orElse(0)
                        / 1e9)
                + 1;
        List<Histogram> accepted = new ArrayList<>();
        List<Map<Integer, Long>> statuses = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            accepted.add(new Histogram(OpenLoad.HIGHEST_NANOS, 2));
            statuses.add(new TreeMap<>());
        }
        for (OpenLoad.Outcome o : r.outcomes()) {
            int second = (int) Math.min(seconds - 1, o.dueNanos() / 1_000_000_000L);
            statuses.get(second).merge(o.status(), 1L, Long::sum);
            (o.dueNanos() < end ? during : after).merge(o.status(), 1L, Long::sum);
            if (o.status() == 503) {
                refusedLatency.recordValue(o.latencyNanos());
            } else if (o.status() == 201) {
                accepted.get(second).recordValue(o.latencyNanos());
                if (o.dueNanos() < end) {
                    acceptedDuring.recordValue(o.latencyNanos());
                }
            }
        }
        long sentDuring = during.values().stream().mapToLong(Long::longValue).sum();
        long refusedDuring = during.getOrDefault(503, 0L);
        long others = r.outcomes().stream()
                .filter(o -> o.status() != 201 && o.status() != 503)
                .count();
        long withoutRetryAfter = r.statusCounts().getOrDefault(OpenLoad.STATUS_503_WITHOUT_RETRY_AFTER, 0L);
        // The first window after the overload from which on every window is normal; -1: never within the run.
        int firstNormal = -1;
        for (int i = seconds - 1; i >= overloadSeconds; i--) {
            if (!normal(accepted.get(i), statuses.get(i))) {
                break;
            }
            firstNormal = i;
        }
        long recovery = firstNormal < 0 ? -1 : firstNormal - overloadSeconds;
        double share = sentDuring == 0 ? 0 : 100.0 * refusedDuring / sentDuring;
        md.append(String.format(
                        Locale.ROOT,
                        "%n## Overload: %.0f/s for %d s, then %.0f/s for %d s%n%n"
                                + "Twice the sustainable rate (250/s, intake alone): the excess must be answered `503` with"
                                + " `Retry-After` within 50 ms, the accepted `201` p99 stay ≤ 200 ms, nothing else but"
                                + " `201` and `503` (no timeouts), and intake be normal again within 5 s of the"
                                + " overload's end (every later 1-s window, by due time: `201` p99 < 200 ms and nothing"
                                + " but `201`). One run, the load changing without a pause; latency from each request's"
                                + " due time; the client's window is %d requests.%n%n",
                        overloadRate,
                        overloadSeconds,
                        Bench.OVERLOAD_AFTER.rate(),
                        Bench.OVERLOAD_AFTER.seconds(),
                        Bench.OVERLOAD_WINDOW))
                .append("| figure | measured | target |\n|---|---|---|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| answered `503` during the overload | %.1f %% (%d of %d) | about half |%n",
                        share,
                        refusedDuring,
                        sentDuring))
                .append(String.format(
                        Locale.ROOT,
                        "| `503` latency p50 / p99 / max | %s / %s / %s | ≤ 50 ms — %s |%n",
                        ms(refusedLatency, 50),
                        ms(refusedLatency, 99),
                        refusedLatency.getTotalCount() == 0 ? "n/a" : ms(refusedLatency.getMaxValue()),
                        met(refusedLatency.getTotalCount() > 0
                                && refusedLatency.getValueAtPercentile(99) <= OVERLOAD_REFUSAL_TARGET_NANOS)))
                .append(String.format(
                        Locale.ROOT,
                        "| `201` during the overload: count, p50 / p99 / max | %d, %s / %s / %s | p99 ≤ 200 ms — %s |%n",
                        acceptedDuring.getTotalCount(),
                        ms(acceptedDuring, 50),
                        ms(acceptedDuring, 99),
                        acceptedDuring.getTotalCount() == 0 ? "n/a" : ms(acceptedDuring.getMaxValue()),
                        met(acceptedDuring.getTotalCount() > 0
                                && acceptedDuring.getValueAtPercentile(99) <= OVERLOAD_ACCEPTED_P99_TARGET_NANOS)))
                .append(String.format(
                        Locale.ROOT,
                        "| other answers (5xx but 503, no answer or timeout: -1), 503 without Retry-After, refused by"
                                + " the client's window | %s; %d; %d | none — %s |%n",
                        others == 0 ? "none" : otherStatuses(r.outcomes()),
                        withoutRetryAfter,
                        r.refusedByClient(),
                        met(others == 0 && withoutRetryAfter == 0 && r.refusedByClient() == 0)))
                .append(String.format(
                        Locale.ROOT,
                        "| normal again after the overload's end | %s | ≤ 5 s — %s |%n",
                        recovery < 0 ? "not within the run" : recovery + " s",
                        met(recovery >= 0 && recovery <= OVERLOAD_RECOVERY_TARGET_SECONDS)))
                .append(String.format(
                        Locale.ROOT, "| intake RSS, peak during the scenario | %s | |%n%n", mb(running(rssPeak))))
                .append("Answers by status during the overload: ")
                .append(during)
                .append("; after it: ")
                .append(after)
                .append(".\n\nPer second of due time:\n\n")
                .append("| second | sent | 201 | 503 | other | 201 p50 | 201 p99 |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < seconds; i++) {
            Map<Integer, Long> st = statuses.get(i);
            long sent = st.values().stream().mapToLong(Long::longValue).sum();
            md.append(String.format(
                    Locale.ROOT,
                    "| %d%s | %d | %d | %d | %d | %s | %s |%n",
                    i,
                    i == overloadSeconds ? " (overload ends)" : "",
                    sent,
                    st.getOrDefault(201, 0L),
                    st.getOrDefault(503, 0L),
                    sent - st.getOrDefault(201, 0L) - st.getOrDefault(503, 0L),
                    ms(accepted.get(i), 50),
                    ms(accepted.get(i), 99)));
        }
        figures.figure("overload.refusedShare.percent", share, "%");
        if (refusedLatency.getTotalCount() > 0) {
            figures.atMost("overload.refused.p99Ms", Summary.millis(refusedLatency, 99), "ms", 50);
        }
        if (acceptedDuring.getTotalCount() > 0) {
            figures.atMost("overload.accepted.p99Ms", Summary.millis(acceptedDuring, 99), "ms", 200);
        }
        figures.atMost("overload.otherAnswers", others + withoutRetryAfter + r.refusedByClient(), "requests", 0);
        if (recovery < 0) {
            figures.notReached("overload.backToNormalSeconds", "s", OVERLOAD_RECOVERY_TARGET_SECONDS);
        } else {
            figures.atMost("overload.backToNormalSeconds", recovery, "s", OVERLOAD_RECOVERY_TARGET_SECONDS);
        }
        summary.append(String.format(
                Locale.ROOT,
                "| overload at %.0f/s: 503 share, 503 p99, 201 p99, back to normal | %.1f %%, %s, %s, %s | 503 ≤ 50 ms,"
                        + " 201 p99 ≤ 200 ms, ≤ 5 s |%n",
                overloadRate,
                share,
                ms(refusedLatency, 99),
                ms(acceptedDuring, 99),
                recovery < 0 ? "not within the run" : recovery + " s"));
    }

    private static boolean normal(Histogram accepted, Map<Integer, Long> statuses) {
        return accepted.getTotalCount() > 0
                && accepted.getValueAtPercentile(99) < OVERLOAD_ACCEPTED_P99_TARGET_NANOS
                && statuses.keySet().stream().allMatch(s -> s == 201);
    }

    private static String otherStatuses(List<OpenLoad.Outcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.status() != 201 && o.status() != 503)
                .collect(Collectors.groupingBy(OpenLoad.Outcome::status, TreeMap::new, Collectors.counting()))
                .toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    void endOfFlow(Map<String, Long> rss, long deliveries, long records) {
        md.append("\nAt the end of the flow run: RSS ")
                .append(mb(rss))
                .append("; webhook deliveries received ")
                .append(deliveries)
                .append("; records read from the broker ")
                .append(records)
                .append(".\n");
    }

    void matching(int shelters, double createSeconds, Histogram toProposal, Histogram explain, int explainStatus) {
        if (md.indexOf("## Matching") < 0) {
            md.append("\n## Matching against the registry size (fresh suite)\n\n"
                    + "Each shelter has 10 units of capacity 4 (10,000 shelters = 100,000 places). 100 referrals at 5/s per"
                    + " level; *201 → proposed* is the time from the 201 to the `placement.proposed` on the broker (it"
                    + " includes two Kafka hops and the hold's transaction); *explanation* is"
                    + " `GET /api/v1/referrals/{id}/matching` (all shelters ranked and explained, over HTTP).\n\n"
                    + "| shelters | registry created in | 201 → proposed p50 | p99 | max | explanation p50 | p99 |\n"
                    + "|---|---|---|---|---|---|---|\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "| %d | %.1f s | %s | %s | %s | %s | %s |%n",
                shelters,
                createSeconds,
                ms(toProposal, 50),
                ms(toProposal, 99),
                ms(toProposal.getMaxValue()),
                explainStatus == 200 ? ms(explain, 50) : "HTTP " + explainStatus,
                explainStatus == 200 ? ms(explain, 99) : "-"));
        figures.figure("matching." + shelters + ".toProposal.p99Ms", Summary.millis(toProposal, 99), "ms");
        summary.append(String.format(
                Locale.ROOT,
                "| matching, %d shelters: 201 → proposed p99 / explanation p99 | %s / %s | |%n",
                shelters,
                ms(toProposal, 99),
                explainStatus == 200 ? ms(explain, 99) : "HTTP " + explainStatus));
    }

    void write() {
        StringBuilder out = new StringBuilder();
        out.append("# Ac.Sé benchmark report\n\n")
                .append("Generated by `bench/run.sh` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(".\n\n")
                .append("Machine: ")
                .append(Machine.describe())
                .append("  \nLoad average at start: ")
                .append(loadAtStart)
                .append("; at the end: ")
                .append(Machine.loadAverage())
                .append(".  \nCommit: ")
                .append(Machine.commit(options.root()))
                .append("; arguments: scenarios=")
                .append(String.join(",", options.scenarios()))
                .append(", rate=")
                .append(options.rate())
                .append(", seconds=")
                .append(options.seconds())
                .append(", shelters=")
                .append(options.shelters())
                .append("×")
                .append(options.unitsEach())
                .append(" units.\n\n")
                .append("Load generator: open model, requests scheduled by intended start time, latency from that time"
                        + " (coordinated omission corrected), HdrHistogram. Everything (broker in the benchmark's JVM,"
                        + " PostgreSQL, the three services, the load generator) on this one machine.\n\n")
                .append("## Summary\n\n| figure | measured | target (product §11) |\n|---|---|---|\n")
                .append(summary)
                .append(md)
                .append("\n![latency](latency.png)\n");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("generatedAt", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        run.put("commit", Machine.commit(options.root()));
        run.put("scenarios", options.scenarios());
        run.put("machine", Machine.describe());
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageAtStart", loadAtStart);
        run.put("loadAverageAtEnd", Machine.loadAverage());
        figures.write(options.out().resolve("summary.json"), run);
        figures.write(options.root().resolve("bench/results/latest/summary.json"), run);
        try {
            Files.writeString(options.out().resolve("REPORT.md"), out.toString());
            Chart.write(options.out().resolve("latency.png"), percentileSeries, createdPerSecond, endToEndPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String chainRatio(Histogram e2e) {
        if (kafkaFloor == null || pgFloor == null || e2e.getTotalCount() == 0) {
            return "";
        }
        // Three hops (submitted, proposed, then the webhook) each cost at least one event and one commit.
        double p50 = 3 * (kafkaFloor.getValueAtPercentile(50) + pgFloor.getValueAtPercentile(50));
        double p99 = 3 * (kafkaFloor.getValueAtPercentile(99) + pgFloor.getValueAtPercentile(99));
        return String.format(
                Locale.ROOT,
                "| end to end / chain floor (3 × (Kafka + commit) = %.1f ms p50, %.1f ms p99) | %.1f | %.1f |%n",
                p50 / 1e6,
                p99 / 1e6,
                e2e.getValueAtPercentile(50) / p50,
                e2e.getValueAtPercentile(99) / p99);
    }

    private static String ratio(String name, Histogram ours, Histogram floor) {
        if (floor == null || ours.getTotalCount() == 0 || floor.getTotalCount() == 0) {
            return "| " + name + " | n/a | n/a |\n";
        }
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f |%n",
                name,
                (double) ours.getValueAtPercentile(50) / floor.getValueAtPercentile(50),
                (double) ours.getValueAtPercentile(99) / floor.getValueAtPercentile(99));
    }

    private static String header() {
        return "| measure | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n";
    }

    private static String row(String name, Histogram h) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s |%n",
                name,
                h.getTotalCount(),
                ms(h, 50),
                ms(h, 95),
                ms(h, 99),
                ms(h.getMaxValue()));
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "n/a" : ms(h.getValueAtPercentile(percentile));
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** The services that ran (the sampler reports -1 for the others). */
    private static Map<String, Long> running(Map<String, Long> rss) {
        Map<String, Long> ran = new LinkedHashMap<>();
        rss.forEach((service, mb) -> {
            if (mb > 0) {
                ran.put(service, mb);
            }
        });
        return ran;
    }

    private static String mb(Map<String, Long> rss) {
        StringBuilder b = new StringBuilder();
        rss.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(v)
                .append(" MB"));
        return b.toString();
    }
}
