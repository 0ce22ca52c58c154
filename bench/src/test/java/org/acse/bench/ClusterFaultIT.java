package org.acse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.acse.common.events.Topics;
import org.acse.suite.KafkaCluster;
import org.acse.suite.Suite;
import org.acse.testsupport.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Product §9 at production's shape (docs/adr/0013-scale-out-proven.md): three Kafka nodes (each its own JVM, topics
 * replicated three times, {@code min.insync.replicas} 2), two instances of each service taken in turn by readiness
 * ({@link RoundRobin}), shelters' teams accepting, declining and recording arrivals ({@link ShelterTeams}), and one
 * fault after the other under load: a random instance of each service SIGKILLed and started again, the broker that
 * leads the busiest partition SIGKILLed and started again, every instance restarted in turn (SIGTERM, waiting for
 * readiness), the database's connections cut for 10 s, while dashboards follow the live alert stream on each
 * notification instance ({@link LiveSubscriber}). Then, from the broker and the databases, nothing lost and nothing
 * applied twice, and every alert on every stream that should have it; the figures go to
 * {@code bench/results/faults/REPORT.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {
    private static final Logger LOG = Logger.getLogger(ClusterFaultIT.class);
    private static final String ORG = "cluster-faults";
    /** Partitions of the two busy topics: more than one per consumer instance, as production's 12 for 2–6 replicas. */
    private static final int PARTITIONS = 6;
    /**
     * Six instances share one PostgreSQL (100 connections by default): pools of at most 8 (Agroal's default is 20),
     * so that they, the listeners and the test's own connections fit, as production sizes pools against its database.
     */
    private static final Map<String, String> POOL = Map.of("quarkus.datasource.jdbc.max-size", "8");

    private static Path root;
    private static SuiteUnderTest suite;
    private static KafkaCluster kafka;
    private static Network network;
    private static EventWatcher events;
    private static OpenLoad load;
    private static RoundRobin intake;
    private static RoundRobin placement;
    private static ShelterTeams teams;
    /** Live alert streams held open on each notification instance for the whole run (ADR 13). */
    private static final List<LiveSubscriber> subscribers = new ArrayList<>();
    /**
     * An alert created while a stream was open must come on that stream, unless created within this long of its end
     * (an instance stopping ends its streams once it stops listening; the list read on opening again has it).
     */
    private static final Duration STREAM_END_MARGIN = Duration.ofSeconds(30);
    /** placement-service's {@code acse.matching.snapshot-refresh} (10 s), with room for a slow reload. */
    private static final Duration SNAPSHOT_REFRESH = Duration.ofSeconds(15);

    private static final List<FaultReport.Phase> phases = new ArrayList<>();
    /** The pods' terminationGracePeriodSeconds (k8s/): a stop that takes longer is a SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    /** Instance → how long its SIGTERM took to end it, in ms; -1 when it had to be killed. */
    private static final Map<String, Long> stops = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        root = Path.of(System.getProperty("acse.root", "..")).toAbsolutePath().normalize();
        Path target = root.resolve("bench/target");
        suite = SuiteUnderTest.start(
                root,
                target.resolve("cluster-logs"),
                SuiteUnderTest.SERVICE_JVM_OPTIONS,
                SuiteUnderTest.SERVICES,
                b -> b.instances(Suite.INTAKE, 2)
                        .instances(Suite.PLACEMENT, 2)
                        .instances(Suite.NOTIFICATION, 2)
                        // The broker's classes are on this JVM's class path (bench depends on suite).
                        .brokerCluster(3, System.getProperty("java.class.path"), target.resolve("cluster-kafka"))
                        .partitions(Topics.REFERRALS, PARTITIONS)
                        .partitions(Topics.PLACEMENTS, PARTITIONS)
                        .config(Suite.INTAKE, POOL)
                        .config(Suite.PLACEMENT, POOL)
                        .config(Suite.NOTIFICATION, POOL));
        kafka = (KafkaCluster) suite.broker;
        network = new Network();
        // 10 shelters × 100 units: every referral can be placed, declines included.
        network.addShelters(suite, 10, 100, "CLUSTER");
        events = new EventWatcher(kafka.bootstrapServers());
        intake = new RoundRobin(suite.suite(), Suite.INTAKE);
        placement = new RoundRobin(suite.suite(), Suite.PLACEMENT);
        teams = new ShelterTeams(placement::next, events);
        load = new OpenLoad();
        openLiveStreams();
        // Every placement instance's snapshot holds the shelters before the first referral: one matched against a
        // snapshot without them is a no-match, matched again later by the rematcher, and so closed twice.
        long created = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> System.nanoTime() - created >= SNAPSHOT_REFRESH.toNanos());
    }

    /** On each notification instance: a coordinator, and the staff of two shelters. */
    private static void openLiveStreams() {
        List<String> urls = suite.suite().urls(Suite.NOTIFICATION);
        for (int i = 0; i < urls.size(); i++) {
            subscribers.add(LiveSubscriber.coordinator(urls.get(i), i + 1).start());
            for (Network.Shelter shelter : network.shelters().subList(0, 2)) {
                subscribers.add(LiveSubscriber.staff(urls.get(i), i + 1, shelter.id(), shelter.code())
                        .start());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> subscribers.stream().allMatch(LiveSubscriber::open));
    }

    @AfterAll
    static void stop() {
        List<AutoCloseable> closing = new ArrayList<>(subscribers);
        closing.addAll(java.util.Arrays.asList(
                load == null ? null : load::close, teams, intake, placement, events, network, suite));
        for (AutoCloseable c : closing) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                LOG.warn("while stopping", e);
            }
        }
    }

    @Test
    @Order(1)
    void aRandomInstanceOfEachServiceKilledAndStartedAgain() {
        for (String service : SuiteUnderTest.SERVICES) {
            int victim = ThreadLocalRandom.current().nextInt(2);
            String name = service + " instance " + (victim + 1) + " killed (SIGKILL), started again";
            phase(name, 3, 60, () -> {
                suite.suite().kill(service, victim);
                LOG.infof("%s: instance %d killed", service, victim + 1);
                // A while down, as a crashed pod waits for its restart.
                long down = System.nanoTime();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> System.nanoTime() - down >= TimeUnit.SECONDS.toNanos(8));
                suite.suite().start(service, victim);
                LOG.infof("%s: instance %d ready again", service, victim + 1);
            });
        }
    }

    @Test
    @Order(2)
    void theBrokerLeadingTheBusiestPartitionKilledAndStartedAgain() {
        phase("Kafka node leading the busiest partition killed (SIGKILL), started again", 3, 60, () -> {
            int leader = leaderOfBusiestPartition();
            kafka.kill(leader);
            LOG.infof("Kafka node %d killed", leader);
            long down = System.nanoTime();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> System.nanoTime() - down >= TimeUnit.SECONDS.toNanos(10)
                            && !leaders().contains(leader));
            kafka.start(leader);
            // Whole again once every partition has its three replicas in sync.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(ClusterFaultIT::everyReplicaInSync);
            LOG.infof("Kafka node %d back, every replica in sync", leader);
        });
    }

    @Test
    @Order(3)
    void everyInstanceRestartedInTurn() {
        phase("rolling restart of every instance (SIGTERM, then ready)", 2, 180, () -> {
            for (String service : SuiteUnderTest.SERVICES) {
                for (int i = 0; i < 2; i++) {
                    long begin = System.nanoTime();
                    boolean graceful = suite.suite().stop(service, i, GRACE);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
                    LOG.infof("%s instance %d stopped in %d ms (by itself: %b)", service, i + 1, millis, graceful);
                    stops.put(service + " " + (i + 1), graceful ? millis : -1);
                    suite.suite().start(service, i);
                }
            }
        });
    }

    @Test
    @Order(4)
    void theDatabasesConnectionsCutForTenSeconds() {
        phase("database connections cut for 10 s", 3, 60, () -> {
            try {
                DatabaseOutage.run(suite, Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> intake.readyCount() == 2 && placement.readyCount() == 2);
        });
    }

    /** The invariants, over every referral of every phase, once the flow has settled. Each is a method of its own. */
    @Test
    @Order(5)
    void nothingLostNothingAppliedTwice() {
        Set<String> ids = new HashSet<>();
        phases.forEach(p -> ids.addAll(p.load().accepted().keySet()));
        assertThat(ids).as("referrals accepted across the phases").isNotEmpty();
        boolean settled = settle(ids);
        Map<String, Object> invariants = new LinkedHashMap<>();
        List<FaultReport.LiveRow> live = new ArrayList<>();
        // every check runs and reports its figures, whichever fails first
        List<Throwable> failed = new ArrayList<>();
        List<Runnable> checks = List.of(
                () -> assertThat(settled)
                        .as("every referral settled in a final state")
                        .isTrue(),
                () -> everyReferralFinalExactlyOnce(ids, invariants),
                () -> nothingAppliedTwice(ids, invariants),
                () -> noUnitHeldTwiceNoReferralAcceptedTwice(invariants),
                () -> everyAlertDeliveredOncePerChannel(invariants),
                () -> everyOpenLiveStreamReceivedEveryAlertItShould(invariants, live),
                () -> noServerErrorAndEvery503SaysWhenToRetry(invariants),
                () -> everyInstanceStoppedWithinItsGracePeriod(invariants));
        try {
            for (Runnable check : checks) {
                try {
                    check.run();
                } catch (AssertionError | RuntimeException e) {
                    failed.add(e);
                }
            }
        } finally {
            FaultReport.write(root, phases, network, invariants, teams, live);
        }
        if (!failed.isEmpty()) {
            AssertionError all = new AssertionError(
                    failed.size() + " of " + checks.size() + " checks failed; the first: "
                            + failed.get(0).getMessage(),
                    failed.get(0));
            failed.subList(1, failed.size()).forEach(all::addSuppressed);
            throw all;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A load of {@code count} referrals at {@code rate}/s; the fault starts once 10 are on the broker. */
    private static void phase(String name, double rate, int count, Runnable fault) {
        long before = events.submittedTotal();
        CompletableFuture<OpenLoad.Result> running = CompletableFuture.supplyAsync(() -> load.run(
                name,
                () -> intake.next() + "/api/v1/referrals",
                () -> Tokens.partner(ORG),
                Network::referralBody,
                rate,
                count,
                1000,
                true));
        await().atMost(Duration.ofSeconds(90)).until(() -> events.submittedTotal() - before >= 10);
        long faultAt = System.nanoTime();
        LOG.infof("fault: %s", name);
        fault.run();
        long wholeAt = System.nanoTime();
        OpenLoad.Result result = running.join();
        LOG.infof(
                "%s: answers %s, whole again after %d ms",
                name, result.statusCounts(), (wholeAt - faultAt) / 1_000_000);
        phases.add(new FaultReport.Phase(name, faultAt, wholeAt, result));
    }

    private static boolean settle(Set<String> ids) {
        try {
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> notFinalInIntake(ids).isEmpty() && pendingDeliveries() == 0);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "not settled: %d referrals not final in intake",
                    notFinalInIntake(ids).size());
            return false;
        }
    }

    private static void everyReferralFinalExactlyOnce(Set<String> ids, Map<String, Object> out) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(ids.stream()
                                .filter(id -> {
                                    EventWatcher.Seen s = events.seen(id);
                                    return s == null || s.arrived.get() + s.noMatch.get() == 0;
                                })
                                .count())
                        .as("referrals without placement.arrived or placement.no-match on the broker")
                        .isZero());
        List<String> twice = new ArrayList<>();
        for (String id : ids) {
            EventWatcher.Seen s = events.seen(id);
            if (s.submitted.get() != 1 || s.arrived.get() + s.noMatch.get() != 1 || s.accepted.get() > 1) {
                twice.add(id + " submitted×" + s.submitted.get() + " accepted×" + s.accepted.get() + " arrived×"
                        + s.arrived.get() + " no-match×" + s.noMatch.get());
            }
        }
        out.put("referrals accepted (201)", ids.size());
        out.put("referrals whose final event is not on the broker exactly once", twice.size());
        out.put(
                "declined once, then placed elsewhere",
                ids.stream().filter(id -> events.seen(id).declined.get() > 0).count());
        assertThat(twice)
                .as("referrals submitted, accepted or closed other than once")
                .isEmpty();
        assertThat(notFinalInIntake(ids))
                .as("referrals not ARRIVED/NO_MATCH in intake")
                .isEmpty();
    }

    /** Every resent request carried its Idempotency-Key: one referral per 201, none the load did not get. */
    private static void nothingAppliedTwice(Set<String> ids, Map<String, Object> out) {
        long stored = Long.parseLong(query("SELECT count(*) FROM intake.referral WHERE organisation_id = '" + ORG + "'")
                .get(0));
        out.put("referrals stored by intake", stored);
        assertThat(stored)
                .as("referrals stored for %d accepted (201) requests", ids.size())
                .isEqualTo(ids.size());
    }

    private static void noUnitHeldTwiceNoReferralAcceptedTwice(Map<String, Object> out) {
        List<String> unitsTwice = query("SELECT unit_id FROM placement.placement WHERE status IN ('HELD', 'ACCEPTED')"
                + " GROUP BY unit_id HAVING count(*) > 1");
        List<String> acceptedTwice = query("SELECT referral_id FROM placement.placement"
                + " WHERE status IN ('ACCEPTED', 'ARRIVED') GROUP BY referral_id HAVING count(*) > 1");
        out.put("units held twice", unitsTwice.size());
        out.put("referrals with two ACCEPTED/ARRIVED placements", acceptedTwice.size());
        assertThat(unitsTwice).as("units held twice").isEmpty();
        assertThat(acceptedTwice).as("referrals with two accepted placements").isEmpty();
    }

    /**
     * One delivery per alert, event (the proposal, then its acceptance, arrival or decline) and channel, each
     * DELIVERED, each received by its shelter's webhook.
     */
    private static void everyAlertDeliveredOncePerChannel(Map<String, Object> out) {
        List<String> alertsTwice = query("SELECT placement_id FROM notification.alert WHERE placement_id IS NOT NULL"
                + " GROUP BY placement_id, kind HAVING count(*) > 1");
        List<String> deliveriesTwice = query("SELECT alert_id FROM notification.delivery WHERE alert_id IS NOT NULL"
                + " GROUP BY alert_id, event_type, channel, recipient_id HAVING count(*) > 1");
        List<String> undelivered = query("SELECT id::text FROM notification.delivery WHERE status <> 'DELIVERED'");
        Set<String> webhooks = new HashSet<>(query(
                "SELECT id::text FROM notification.delivery" + " WHERE channel = 'WEBHOOK' AND status = 'DELIVERED'"));
        Map<String, Integer> received = network.receiptsPerWebhookId();
        Set<String> missing = new HashSet<>(webhooks);
        missing.removeAll(received.keySet());
        long resent = received.values().stream().filter(n -> n > 1).count();
        out.put(
                "alerts",
                Long.parseLong(query("SELECT count(*) FROM notification.alert").get(0)));
        out.put("webhook deliveries DELIVERED", webhooks.size());
        out.put("alerts made twice for one proposal", alertsTwice.size());
        out.put("deliveries made twice for one alert and channel", deliveriesTwice.size());
        out.put("deliveries not DELIVERED", undelivered.size());
        out.put("webhook deliveries not received", missing.size());
        out.put("webhook deliveries received again (same webhook-id: the receiver drops it)", resent);
        assertThat(alertsTwice).as("alerts made twice for one proposal").isEmpty();
        assertThat(deliveriesTwice)
                .as("deliveries twice for one alert and channel")
                .isEmpty();
        assertThat(undelivered).as("deliveries not delivered").isEmpty();
        assertThat(missing).as("webhook deliveries recorded but never received").isEmpty();
    }

    /**
     * Per live stream subscriber, every alert that concerns it (coordinators: all; staff: their shelter's proposals)
     * received, on the stream or, for what was created while it was not open, from the list read on opening it again;
     * none another shelter's; and every alert created while its stream was open (but the margin before the stream
     * ended) pushed on the stream itself, whichever instance made it and whatever the fault.
     */
    private static void everyOpenLiveStreamReceivedEveryAlertItShould(
            Map<String, Object> out, List<FaultReport.LiveRow> rows) {
        List<String[]> alerts = queryRows(
                "SELECT id::text, kind, shelter_id::text, (extract(epoch FROM created_at) * 1000)::bigint"
                        + " FROM notification.alert",
                4);
        // the last alerts of the settling flow reach the streams a moment after the database has them
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> subscribers.stream()
                        .allMatch(sub -> alerts.stream()
                                .filter(a -> sub.concerns(a[1], a[2]))
                                .allMatch(a -> sub.live().containsKey(a[0])
                                        || sub.listed().containsKey(a[0]))));
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Map<String, List<String>> foreign = new LinkedHashMap<>();
        Map<String, List<String>> notPushed = new LinkedHashMap<>();
        long checked = 0;
        long worstLive = -1;
        long worst = -1;
        for (LiveSubscriber sub : subscribers) {
            List<LiveSubscriber.Opening> openings = sub.openings();
            List<String> missed = new ArrayList<>();
            List<String> missedOpen = new ArrayList<>();
            int concerned = 0;
            long live = 0;
            long listedOnly = 0;
            long subWorstLive = -1;
            long subWorst = -1;
            for (String[] a : alerts) {
                if (!sub.concerns(a[1], a[2])) {
                    continue;
                }
                concerned++;
                long created = Long.parseLong(a[3]);
                Long pushed = sub.live().get(a[0]);
                Long listed = sub.listed().get(a[0]);
                if (pushed == null && listed == null) {
                    missed.add(a[0]);
                    continue;
                }
                if (pushed != null) {
                    live++;
                    if (listed == null || pushed <= listed) {
                        subWorstLive = Math.max(subWorstLive, pushed - created);
                    }
                } else {
                    listedOnly++;
                }
                if (!pushedOnTheStreamOpenAt(openings, created, pushed)) {
                    missedOpen.add(a[0]);
                }
                long first =
                        Math.min(pushed == null ? Long.MAX_VALUE : pushed, listed == null ? Long.MAX_VALUE : listed);
                subWorst = Math.max(subWorst, first - created);
            }
            checked += concerned;
            worstLive = Math.max(worstLive, subWorstLive);
            worst = Math.max(worst, subWorst);
            if (!missed.isEmpty()) {
                missing.put(sub.name(), missed);
            }
            if (!missedOpen.isEmpty()) {
                notPushed.put(sub.name(), missedOpen);
            }
            if (!sub.foreign().isEmpty()) {
                foreign.put(sub.name(), List.copyOf(sub.foreign()));
            }
            rows.add(new FaultReport.LiveRow(
                    sub.name(),
                    openings.size(),
                    sub.catchUps(),
                    concerned,
                    live,
                    listedOnly,
                    missed.size(),
                    sub.foreign().size(),
                    missedOpen.size(),
                    subWorstLive,
                    subWorst));
        }
        out.put("live alert streams followed (2 instances × coordinator and 2 shelters' staff)", subscribers.size());
        out.put("alerts checked across the live streams (each alert once per stream that should see it)", checked);
        out.put("alerts a live stream never received (neither pushed nor listed on opening again)", count(missing));
        out.put("alerts of another shelter or for coordinators on a staff stream", count(foreign));
        out.put("alerts created while a stream was open and not pushed on it", count(notPushed));
        out.put("worst delay alert created → pushed on a live stream, when pushed before listed (ms)", worstLive);
        out.put("worst delay alert created → on the dashboard, list on reopening included (ms)", worst);
        // a stream whose token just expired is opening again
        await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.stream().allMatch(LiveSubscriber::open));
        assertThat(checked).as("alerts checked on the live streams").isPositive();
        assertThat(missing).as("alerts a live stream never received").isEmpty();
        assertThat(foreign).as("alerts a staff stream should not have received").isEmpty();
        assertThat(notPushed)
                .as("alerts created while the stream was open, not pushed on it")
                .isEmpty();
    }

    /**
     * False if a stream was open when the alert was created (and not about to end) but the alert was not pushed
     * before that stream ended: a push on a later stream, or the list, does not count for it.
     */
    private static boolean pushedOnTheStreamOpenAt(List<LiveSubscriber.Opening> openings, long created, Long pushed) {
        return openings.stream()
                .filter(o -> o.openedAt() <= created
                        && (o.endedAt() < 0 || created <= o.endedAt() - STREAM_END_MARGIN.toMillis()))
                .allMatch(o -> pushed != null && (o.endedAt() < 0 || pushed <= o.endedAt()));
    }

    private static long count(Map<String, List<String>> perSubscriber) {
        return perSubscriber.values().stream().mapToLong(List::size).sum();
    }

    private static void noServerErrorAndEvery503SaysWhenToRetry(Map<String, Object> out) {
        Map<Integer, Long> all = new HashMap<>();
        phases.forEach(p -> p.load().statusCounts().forEach((s, n) -> all.merge(s, n, Long::sum)));
        teams.statusCounts().forEach((s, n) -> all.merge(s, n, Long::sum));
        long fiveHundreds = all.entrySet().stream()
                .filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToLong(Map.Entry::getValue)
                .sum();
        long withoutRetryAfter = all.getOrDefault(OpenLoad.STATUS_503_WITHOUT_RETRY_AFTER, 0L);
        out.put("HTTP 5xx other than 503 (intake and placement answers)", fiveHundreds);
        out.put("503 without Retry-After", withoutRetryAfter);
        out.put("answers abandoned after two minutes of resending", teams.abandoned());
        assertThat(fiveHundreds).as("5xx other than 503: %s", all).isZero();
        assertThat(withoutRetryAfter).as("503 without Retry-After").isZero();
        assertThat(teams.abandoned()).as("shelter answers never answered").isZero();
    }

    private static void everyInstanceStoppedWithinItsGracePeriod(Map<String, Object> out) {
        out.put("instances stopped by SIGTERM (rolling restart)", stops.size());
        out.put(
                "of which killed after the 30 s grace period",
                stops.values().stream().filter(ms -> ms < 0).count());
        out.put(
                "slowest graceful stop (ms)",
                stops.values().stream().mapToLong(Long::longValue).max().orElse(-1));
        assertThat(stops).as("instances stopped by SIGTERM").isNotEmpty();
        assertThat(stops.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey))
                .as("instances that did not stop within the grace period")
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Set<String> notFinalInIntake(Set<String> ids) {
        Set<String> finals = new HashSet<>(query("SELECT id::text FROM intake.referral WHERE organisation_id = '" + ORG
                + "' AND status IN ('ARRIVED', 'NO_MATCH')"));
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(finals);
        return missing;
    }

    private static long pendingDeliveries() {
        return Long.parseLong(query("SELECT count(*) FROM notification.delivery WHERE status = 'PENDING'")
                .get(0));
    }

    private static int leaderOfBusiestPartition() {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.REFERRALS, Topics.PLACEMENTS))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            topics.values()
                    .forEach(t -> t.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            var offsets = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            TopicPartition busiest = offsets.entrySet().stream()
                    .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.offset(), b.offset())))
                    .orElseThrow()
                    .getKey();
            int leader = topics.get(busiest.topic())
                    .partitions()
                    .get(busiest.partition())
                    .leader()
                    .id();
            LOG.infof(
                    "busiest partition %s (%d records), led by node %d",
                    busiest, offsets.get(busiest).offset(), leader);
            return leader;
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the busiest partition's leader", e);
        }
    }

    private static Set<Integer> leaders() {
        Set<Integer> leaders = new HashSet<>();
        forEachPartition(p -> {
            if (p.leader() != null) {
                leaders.add(p.leader().id());
            }
        });
        return leaders;
    }

    private static boolean everyReplicaInSync() {
        boolean[] inSync = {true};
        forEachPartition(p -> inSync[0] &= p.isr().size() == p.replicas().size());
        return inSync[0];
    }

    private static void forEachPartition(Consumer<TopicPartitionInfo> action) {
        try (Admin admin = kafka.admin()) {
            List<String> names = new ArrayList<>();
            Topics.ALL.forEach(t -> {
                names.add(t);
                names.add(Topics.deadLetter(t));
            });
            admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(t -> t.partitions().stream())
                    .forEach(action);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the topics: " + e.getMessage(), e);
        }
    }

    private static List<String[]> queryRows(String sql, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = suite.database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> query(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = suite.database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
