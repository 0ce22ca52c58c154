package org.acse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.acse.suite.Database;
import org.acse.suite.KafkaBroker;
import org.acse.suite.PostgresServer;
import org.acse.testsupport.Tokens;
import org.jboss.logging.Logger;

/**
 * The benchmark: starts the packaged suite, measures the floors, runs the scenarios and writes
 * {@code bench/results/REPORT.md} and {@code bench/results/latency.png}. Run by {@code bench/run.sh}.
 */
public final class Bench {
    private static final Logger LOG = Logger.getLogger(Bench.class);

    /** Options, {@code --name=value}. */
    record Options(
            Path root,
            Path out,
            Set<String> scenarios,
            double rate,
            int seconds,
            int burst,
            List<Integer> rampSteps,
            int rampStepSeconds,
            List<Integer> matchingLevels,
            int shelters,
            int unitsEach,
            List<String> services,
            Path apps,
            int warmup,
            double warmupRate,
            int repeat,
            double overloadRate) {

        static Map<String, String> named(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.startsWith("--") && part.contains("=")) {
                        a.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                    } else if (!part.isBlank()) {
                        throw new IllegalArgumentException("unknown argument " + part + " (expected --name=value)");
                    }
                }
            }
            return a;
        }

        static Options parse(String[] args) {
            Map<String, String> a = named(args);
            Path root = Path.of(a.getOrDefault("root", ".")).toAbsolutePath().normalize();
            return new Options(
                    root,
                    root.resolve(a.getOrDefault("out", "bench/results")),
                    new LinkedHashSet<>(Arrays.asList(a.getOrDefault("scenarios", "rest,latency,burst,ramp,matching")
                            .split(","))),
                    Double.parseDouble(a.getOrDefault("rate", "50")),
                    Integer.parseInt(a.getOrDefault("seconds", "60")),
                    Integer.parseInt(a.getOrDefault("burst", "5000")),
                    ints(a.getOrDefault("ramp", "250,500,1000,1500,2000,2500,3000,4000")),
                    Integer.parseInt(a.getOrDefault("ramp-step-seconds", "10")),
                    ints(a.getOrDefault("matching", "100,1000,10000")),
                    Integer.parseInt(a.getOrDefault("shelters", "10")),
                    Integer.parseInt(a.getOrDefault("units", "400")),
                    List.of(a.getOrDefault("services", String.join(",", SuiteUnderTest.SERVICES))
                            .split(",")),
                    root.resolve(a.getOrDefault("apps", ".")).normalize(),
                    Integer.parseInt(a.getOrDefault("warmup", "500")),
                    Double.parseDouble(a.getOrDefault("warmup-rate", "50")),
                    Integer.parseInt(a.getOrDefault("repeat", "3")),
                    Double.parseDouble(a.getOrDefault("overload-rate", "500")));
        }

        private static List<Integer> ints(String csv) {
            return Arrays.stream(csv.split(","))
                    .filter(s -> !s.isBlank())
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Files.createDirectories(o.out());
        Report report = new Report(o);
        Path logs = o.root().resolve("bench/target/bench-logs");
        if (o.scenarios().contains("pages")) {
            // Its own suite (with the web application and Keycloak) and its own report, bench/results/pages.
            Map<String, String> a = Options.named(args);
            Pages.run(
                    o,
                    new Pages.Settings(
                            Integer.parseInt(a.getOrDefault("page-shelters", "10000")),
                            Integer.parseInt(a.getOrDefault("page-referrals", "10000")),
                            Integer.parseInt(a.getOrDefault("concurrency", "3")),
                            Integer.parseInt(a.getOrDefault("seconds", "120")),
                            Integer.parseInt(a.getOrDefault("threads", "8"))),
                    logs);
            System.exit(0);
        }
        boolean flow = o.scenarios().stream()
                .anyMatch(s ->
                        Set.of("rest", "latency", "burst", "ramp", "overload").contains(s));
        // A scenario that breaks (a service dying, say) is reported, and the figures gathered so far are kept.
        try {
            if (flow) {
                runFlow(o, report, logs);
            } else if (o.scenarios().contains("startup")) {
                runStartup(o, report, logs);
            } else if (o.scenarios().contains("floors")) {
                runFloorsOnly(report);
            }
        } catch (RuntimeException e) {
            LOG.error("flow scenarios broke off", e);
            report.brokeOff("flow scenarios", e);
        }
        if (o.scenarios().contains("matching")) {
            try {
                runMatching(o, report, logs);
            } catch (RuntimeException e) {
                LOG.error("matching scenario broke off", e);
                report.brokeOff("matching scenario", e);
            }
        }
        report.write();
        LOG.infof("report written to %s", o.out().resolve("REPORT.md"));
        System.exit(0);
    }

    /** After the overload: the latency scenario's gentle rate, long enough to see intake back to normal. */
    static final OpenLoad.Phase OVERLOAD_AFTER = new OpenLoad.Phase(50, 10);

    /** Requests the overload's client keeps unanswered at most: wide, so that it is intake that refuses. */
    static final int OVERLOAD_WINDOW = 4096;

    private static final Duration REST_SETTLE = Duration.ofSeconds(30);
    private static final Duration REST = Duration.ofSeconds(60);

    /** The measurement is the waiting itself: nothing to await but the clock. */
    private static void idle(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at rest", e);
        }
    }

    private static void runFlow(Options o, Report report, Path logs) {
        boolean whole = o.services().containsAll(SuiteUnderTest.SERVICES);
        try (SuiteUnderTest suite =
                        SuiteUnderTest.start(o.apps(), logs, SuiteUnderTest.SERVICE_JVM_OPTIONS, o.services());
                RssSampler rss = new RssSampler(suite);
                Network network = new Network();
                EventWatcher events = new EventWatcher(suite.broker.bootstrapServers())) {
            report.startups(suite.startups(), rss.lastMb(), suite.jvmOptions());

            LOG.info("floors: PostgreSQL insert+commit, Kafka produce→consume");
            report.floors(
                    Floors.postgresInsertCommit(suite.database, 5000),
                    Floors.kafkaProduceConsume(suite.broker, 3000, 500));

            OpenLoad load = new OpenLoad();
            String url = suite.intake() + "/api/v1/referrals";
            if (whole) {
                network.addShelters(suite, o.shelters(), o.unitsEach(), "BENCH");
                // Warm-up: JIT, connection pools, consumer groups. Not reported.
                OpenLoad.Result warm = load.run(
                        "warm-up", url, () -> Tokens.partner("bench-warmup"), Network::referralBody, 20, 200, 200);
                awaitFinal(events, warm.accepted().keySet(), Duration.ofSeconds(120));
            } else {
                // C2 compiles only after thousands of calls: a ramp with C2 needs a longer warm-up (--warmup=).
                load.run(
                        "warm-up",
                        url,
                        () -> Tokens.partner("bench-warmup"),
                        Network::referralBody,
                        o.warmupRate(),
                        o.warmup(),
                        256);
                report.partial(o.services());
            }

            if (whole && o.scenarios().contains("rest")) {
                // At rest = what the services burn with nobody using them: polls, heartbeats, housekeeping.
                LOG.infof(
                        "rest: %d s to settle, then %d s without a referral",
                        REST_SETTLE.toSeconds(), REST.toSeconds());
                idle(REST_SETTLE);
                CpuAccount cpu = new CpuAccount(suite);
                Map<String, Long> cpuBefore = cpu.snapshot();
                idle(REST);
                report.rest(CpuAccount.since(cpuBefore, cpu.snapshot()), REST);
            }
            if (whole && o.scenarios().contains("latency")) {
                LOG.infof("latency: %.0f/s for %d s", o.rate(), o.seconds());
                rss.reset();
                CpuAccount cpu = new CpuAccount(suite);
                Map<String, Long> cpuBefore = cpu.snapshot();
                OpenLoad.Result r = load.run(
                        "latency",
                        url,
                        () -> Tokens.partner("bench-latency"),
                        Network::referralBody,
                        o.rate(),
                        (long) (o.rate() * o.seconds()),
                        2000);
                until(
                        () -> network.firstAlert()
                                .keySet()
                                .containsAll(r.accepted().keySet()),
                        Duration.ofSeconds(60));
                report.latency(
                        r,
                        endToEnd(r, network),
                        endToEndPerSecond(r, network, o.seconds()),
                        stages(r, network, events),
                        missingAlerts(r, network),
                        rss.peakMb(),
                        network.referralsAlertedTwice(),
                        CpuAccount.since(cpuBefore, cpu.snapshot()));
            }
            if (whole && o.scenarios().contains("burst")) {
                LOG.infof("burst: %d referrals at once", o.burst());
                rss.reset();
                OpenLoad.Result r = load.run(
                        "burst", url, () -> Tokens.partner("bench-burst"), Network::referralBody, 0, o.burst(), 256);
                long allAccepted = r.lastAnswerNanos();
                boolean onBroker = awaitFinal(events, r.accepted().keySet(), Duration.ofMinutes(5));
                long finalOnBroker = r.accepted().keySet().stream()
                        .mapToLong(id -> events.seen(id).finalAtNanos)
                        .max()
                        .orElse(0);
                long finalInIntake = awaitIntakeFinal(suite, "bench-burst", r.created(), Duration.ofSeconds(60));
                report.burst(
                        r,
                        allAccepted,
                        onBroker ? finalOnBroker : -1,
                        finalInIntake,
                        statusCounts(suite, "bench-burst"),
                        rss.peakMb());
            }
            if (o.scenarios().contains("ramp")) {
                rss.reset();
                CpuAccount cpu = new CpuAccount(suite);
                for (int rate : o.rampSteps()) {
                    LOG.infof("ramp: %d/s for %d s", rate, o.rampStepSeconds());
                    Map<String, Long> cpuBefore = cpu.snapshot();
                    OpenLoad.Result r = load.run(
                            "ramp " + rate + "/s",
                            url,
                            () -> Tokens.partner("bench-ramp"),
                            Network::referralBody,
                            rate,
                            (long) rate * o.rampStepSeconds(),
                            Math.max(500, rate));
                    boolean allOnBroker = until(
                            () -> events.submittedAmong(r.accepted().keySet()) == r.created(), Duration.ofSeconds(60));
                    long onBroker = events.submittedAmong(r.accepted().keySet());
                    // Until every event is on the broker: the relay's work for this step is included.
                    report.rampCpu(r, CpuAccount.since(cpuBefore, cpu.snapshot()));
                    boolean sustained = r.created() == r.planned()
                            && r.refusedByClient() == 0
                            && r.failed() == 0
                            && r.achievedRate() >= 0.95 * rate
                            && allOnBroker
                            && r.latency().getValueAtPercentile(99) < TimeUnit.SECONDS.toNanos(1);
                    report.rampStep(r, onBroker, sustained);
                    if (!sustained) {
                        break;
                    }
                }
                report.rampRss(rss.peakMb());
            }
            if (o.scenarios().contains("overload")) {
                LOG.infof(
                        "overload: %.0f/s for %d s, then %.0f/s for %d s",
                        o.overloadRate(), o.seconds(), OVERLOAD_AFTER.rate(), OVERLOAD_AFTER.seconds());
                rss.reset();
                OpenLoad.Result r = load.run(
                        "overload",
                        url,
                        () -> Tokens.partner("bench-overload"),
                        Network::referralBody,
                        List.of(new OpenLoad.Phase(o.overloadRate(), o.seconds()), OVERLOAD_AFTER),
                        OVERLOAD_WINDOW);
                report.overload(r, o.overloadRate(), o.seconds(), rss.peakMb());
            }
            report.endOfFlow(rss.lastMb(), network.deliveries(), events.records());
            load.close();
        }
    }

    /**
     * Start-up alone, {@code --repeat} rounds: each round a fresh database and broker, the services started one after
     * the other (first start: Flyway creates the schema), then each stopped and started again (restart: the schema is
     * already there). The report gives the median of the rounds.
     */
    private static void runStartup(Options o, Report report, Path logs) {
        Map<String, List<SuiteUnderTest.Startup>> first = new LinkedHashMap<>();
        Map<String, List<SuiteUnderTest.Startup>> again = new LinkedHashMap<>();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        List<String> jvmOptions = SuiteUnderTest.SERVICE_JVM_OPTIONS;
        for (int round = 1; round <= o.repeat(); round++) {
            LOG.infof("start-up round %d of %d", round, o.repeat());
            try (SuiteUnderTest suite =
                    SuiteUnderTest.start(o.apps(), logs, SuiteUnderTest.SERVICE_JVM_OPTIONS, o.services())) {
                jvmOptions = suite.jvmOptions();
                for (String name : o.services()) {
                    suite.stop(name);
                    suite.startService(name);
                }
                List<SuiteUnderTest.Startup> all = suite.startups();
                int n = o.services().size();
                for (int i = 0; i < n; i++) {
                    first.computeIfAbsent(all.get(i).name(), k -> new ArrayList<>())
                            .add(all.get(i));
                    again.computeIfAbsent(all.get(n + i).name(), k -> new ArrayList<>())
                            .add(all.get(n + i));
                }
                // At rest, a few seconds after the last start: what a service holds with nothing to do.
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
                for (String name : o.services()) {
                    rss.computeIfAbsent(name, k -> new ArrayList<>()).add(suite.rssKb(name) / 1024);
                }
            }
        }
        report.startupRounds(first, again, rss, jvmOptions);
    }

    /** The floors alone, without the services: a quick check of the machine. */
    private static void runFloorsOnly(Report report) {
        Database database = PostgresServer.get().createDatabase("acse_bench_floors");
        try (KafkaBroker broker = KafkaBroker.start()) {
            report.floors(Floors.postgresInsertCommit(database, 5000), Floors.kafkaProduceConsume(broker, 3000, 500));
        } finally {
            database.drop();
        }
    }

    private static void runMatching(Options o, Report report, Path logs) {
        try (SuiteUnderTest suite = SuiteUnderTest.start(o.apps(), logs, SuiteUnderTest.SERVICE_JVM_OPTIONS);
                EventWatcher events = new EventWatcher(suite.broker.bootstrapServers())) {
            OpenLoad load = new OpenLoad();
            String url = suite.intake() + "/api/v1/referrals";
            int existing = 0;
            for (int level : o.matchingLevels()) {
                if (!suite.service("placement-service").isAlive()) {
                    throw new IllegalStateException("placement-service is no longer running; see the end of "
                            + suite.service("placement-service").log());
                }
                LOG.infof("matching: growing the registry to %d shelters", level);
                long begin = System.nanoTime();
                Network.createMany(suite.placement(), level - existing, "M" + level + "X", 8);
                double createSeconds = (System.nanoTime() - begin) / 1e9;
                existing = level;
                // In the flow: 201 → placement.proposed on the broker, at a gentle 5/s.
                OpenLoad.Result r = load.run(
                        "matching " + level,
                        url,
                        () -> Tokens.partner("bench-matching"),
                        Network::referralBody,
                        5,
                        100,
                        100);
                awaitFinal(events, r.accepted().keySet(), Duration.ofMinutes(3));
                Histogram toProposal = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
                r.accepted().forEach((id, at) -> {
                    EventWatcher.Seen seen = events.seen(id);
                    if (seen != null && seen.finalAtNanos > 0) {
                        toProposal.recordValue(Math.max(0, Math.min(OpenLoad.HIGHEST_NANOS, seen.finalAtNanos - at)));
                    }
                });
                // The coordinator's explanation runs the whole matching for one referral and returns every shelter.
                Histogram explain = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
                String coordinator = Tokens.coordinator();
                int explainStatus = 0;
                for (String id : r.accepted().keySet().stream().limit(50).toList()) {
                    long t = System.nanoTime();
                    Json.Answer a = Json.send(
                            "GET", suite.placement() + "/api/v1/referrals/" + id + "/matching", coordinator, null);
                    explainStatus = a.status();
                    if (a.status() != 200) {
                        break;
                    }
                    explain.recordValue(Math.min(OpenLoad.HIGHEST_NANOS, System.nanoTime() - t));
                }
                report.matching(level, createSeconds, toProposal, explain, explainStatus);
            }
            load.close();
        }
    }

    static Histogram endToEnd(OpenLoad.Result r, Network network) {
        Histogram h = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
        r.accepted().forEach((id, acceptedAt) -> {
            Long alertAt = network.firstAlert().get(id);
            if (alertAt != null) {
                // An alert can beat the 201 to the client by a hair: both are in this JVM, so count that as 0.
                h.recordValue(Math.max(0, Math.min(OpenLoad.HIGHEST_NANOS, alertAt - acceptedAt)));
            }
        });
        return h;
    }

    /**
     * The end to end split at the two events on the broker (their records' create time): 201 → referral.submitted
     * published (intake's outbox relay), → placement.proposed published (placement: consume, match, hold, relay),
     * → webhook received (notification: consume, record, deliver). Millisecond resolution: broker timestamps are ms.
     */
    static List<Histogram> stages(OpenLoad.Result r, Network network, EventWatcher events) {
        long epochMillisAtNanoZero = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        List<Histogram> stages = List.of(
                new Histogram(OpenLoad.HIGHEST_NANOS, 3),
                new Histogram(OpenLoad.HIGHEST_NANOS, 3),
                new Histogram(OpenLoad.HIGHEST_NANOS, 3));
        r.accepted().forEach((id, acceptedAt) -> {
            EventWatcher.Seen seen = events.seen(id);
            Long alertAt = network.firstAlert().get(id);
            if (seen == null || seen.submittedAtMillis == 0 || seen.proposedAtMillis == 0 || alertAt == null) {
                return;
            }
            long[] millis = {
                epochMillisAtNanoZero + acceptedAt / 1_000_000,
                seen.submittedAtMillis,
                seen.proposedAtMillis,
                epochMillisAtNanoZero + alertAt / 1_000_000
            };
            for (int i = 0; i < 3; i++) {
                stages.get(i)
                        .recordValue(Math.max(
                                0, Math.min(OpenLoad.HIGHEST_NANOS, (millis[i + 1] - millis[i]) * 1_000_000)));
            }
        });
        return stages;
    }

    static List<Histogram> endToEndPerSecond(OpenLoad.Result r, Network network, int seconds) {
        List<Histogram> perSecond = new ArrayList<>();
        for (int i = 0; i <= seconds + 1; i++) {
            perSecond.add(new Histogram(OpenLoad.HIGHEST_NANOS, 2));
        }
        r.accepted().forEach((id, acceptedAt) -> {
            Long alertAt = network.firstAlert().get(id);
            if (alertAt != null) {
                int s = (int)
                        Math.max(0, Math.min(perSecond.size() - 1, (acceptedAt - r.startNanos()) / 1_000_000_000L));
                perSecond.get(s).recordValue(Math.max(0, Math.min(OpenLoad.HIGHEST_NANOS, alertAt - acceptedAt)));
            }
        });
        return perSecond;
    }

    static long missingAlerts(OpenLoad.Result r, Network network) {
        return r.accepted().keySet().stream()
                .filter(id -> !network.firstAlert().containsKey(id))
                .count();
    }

    static boolean awaitFinal(EventWatcher events, Set<String> ids, Duration timeout) {
        return until(() -> events.finalAmong(ids) == ids.size(), timeout);
    }

    /** Waits until intake shows every referral of the organisation in a final state; returns that nanoTime or -1. */
    static long awaitIntakeFinal(SuiteUnderTest suite, String organisation, long expected, Duration timeout) {
        boolean ok = until(
                () -> statusCounts(suite, organisation).entrySet().stream()
                                .filter(e -> Set.of("PROPOSED", "NO_MATCH").contains(e.getKey()))
                                .mapToLong(Map.Entry::getValue)
                                .sum()
                        >= expected,
                timeout);
        return ok ? System.nanoTime() : -1;
    }

    /** The referral statuses intake holds for one organisation (read straight from its schema, not via the API). */
    static Map<String, Long> statusCounts(SuiteUnderTest suite, String organisation) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = suite.database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM intake.referral WHERE organisation_id = '"
                        + organisation.replace("'", "") + "' GROUP BY status ORDER BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (Exception e) {
            LOG.debugf("cannot read intake statuses: %s", e.getMessage());
        }
        return counts;
    }

    /** Polls a condition every 100 ms until it holds or the timeout passes. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return condition.getAsBoolean();
    }

    private Bench() {}
}
