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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventType;
import org.acse.common.events.Topics;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Product §9 under faults, on the packaged suite: the broker stopped for 30 s, placement-service SIGKILLed, the
 * database going away, poison on every topic. After each: every accepted referral reaches a final state
 * (PROPOSED or NO_MATCH in intake), its {@code referral.submitted} is on the broker exactly once, it has at most
 * one live proposal, and no unit is held twice. Run with {@code ./mvnw verify -Pfaults}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {
    private static final Logger LOG = Logger.getLogger(FaultInjectionIT.class);
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private static SuiteUnderTest suite;
    private static Network network;
    private static EventWatcher events;
    private static OpenLoad load;

    @BeforeAll
    static void start() {
        Path root =
                Path.of(System.getProperty("acse.root", "..")).toAbsolutePath().normalize();
        suite = SuiteUnderTest.start(root, root.resolve("bench/target/fault-logs"), SuiteUnderTest.SERVICE_JVM_OPTIONS);
        network = new Network();
        // 10 shelters × 200 units: every referral of the three loads can be placed.
        network.addShelters(suite, 10, 200, "FAULT");
        events = new EventWatcher(suite.broker.bootstrapServers());
        load = new OpenLoad();
    }

    @AfterAll
    static void stop() {
        if (load != null) {
            load.close();
        }
        if (events != null) {
            events.close();
        }
        if (network != null) {
            network.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void brokerStoppedForThirtySecondsDuringALoadOfFiveHundred() {
        long submittedBefore = events.submittedTotal();
        CompletableFuture<OpenLoad.Result> running = startLoad("faults-broker", 25, 500);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.submittedTotal() - submittedBefore >= 100);
        long stoppedAt = System.nanoTime();
        suite.broker.stop();
        LOG.info("broker stopped");
        // Intake keeps accepting (outbox): the load's remaining 400 requests are sent while the broker is down.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> running.isDone() && System.nanoTime() - stoppedAt >= TimeUnit.SECONDS.toNanos(30));
        suite.broker.restart();
        LOG.info("broker restarted");
        OpenLoad.Result result = running.join();
        assertThat(result.created())
                .as("201s while the broker was down: %s", result.statusCounts())
                .isEqualTo(500);
        assertFlowCompleteAndUnique(result.accepted().keySet());
    }

    @Test
    @Order(2)
    void placementKilledMidLoadAndRestarted() {
        long finalBefore = events.finalTotal();
        CompletableFuture<OpenLoad.Result> running = startLoad("faults-placement", 25, 500);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.finalTotal() - finalBefore >= 100);
        suite.kill("placement-service");
        LOG.info("placement-service killed (SIGKILL)");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !suite.service("placement-service").isAlive());
        suite.startService("placement-service");
        LOG.info("placement-service started again");
        OpenLoad.Result result = running.join();
        assertThat(result.created()).as("statuses %s", result.statusCounts()).isEqualTo(500);
        assertFlowCompleteAndUnique(result.accepted().keySet());
    }

    @Test
    @Order(3)
    void databaseGoneMidLoad() throws Exception {
        long submittedBefore = events.submittedTotal();
        CompletableFuture<OpenLoad.Result> running = startLoad("faults-database", 25, 500);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.submittedTotal() - submittedBefore >= 100);
        DatabaseOutage.run(suite, Duration.ofSeconds(10));
        OpenLoad.Result result = running.join();
        // Requests that arrived while the database was away may be refused (503): refused is not lost.
        LOG.infof("answers during the database outage: %s", result.statusCounts());
        assertThat(result.statusCounts().keySet())
                .as("no answer other than 201 and 503")
                .allMatch(s -> s == 201 || s == 503);
        // At 25/s a 10 s outage refuses about 250; the 100 before it and those after it are accepted.
        assertThat(result.created()).as("requests accepted around the outage").isGreaterThanOrEqualTo(100);
        assertFlowCompleteAndUnique(result.accepted().keySet());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String service : SuiteUnderTest.SERVICES) {
                assertThat(Json.send(
                                        "GET",
                                        suite.managementUrl(service) + "/q/health/ready",
                                        Tokens.coordinator(),
                                        null)
                                .status())
                        .as(service + " ready again")
                        .isEqualTo(200);
            }
        });
    }

    @Test
    @Order(4)
    void poisonOnEveryTopicLandsInItsDeadLetterTopicAndTheConsumersGoOn() {
        KafkaEvents kafka = new KafkaEvents(suite.broker.bootstrapServers());
        Set<String> consumed = consumedTopics();
        Map<String, String> poisonType = Map.of(
                Topics.REFERRALS,
                EventType.REFERRAL_SUBMITTED.type(),
                Topics.PLACEMENTS,
                EventType.PLACEMENT_PROPOSED.type(),
                Topics.ALERTS,
                EventType.ALERT_ESCALATED.type());
        Map<String, String> keys = new HashMap<>();
        for (String topic : Topics.ALL) {
            String key = UUID.randomUUID().toString();
            keys.put(topic, key);
            kafka.publishRaw(
                    topic,
                    key,
                    "{\"this is\": not JSON at all",
                    Map.of(
                            CloudEventHeaders.SPEC_VERSION,
                            CloudEventHeaders.SPEC_VERSION_VALUE,
                            CloudEventHeaders.ID,
                            UUID.randomUUID().toString(),
                            CloudEventHeaders.TYPE,
                            poisonType.get(topic),
                            CloudEventHeaders.SOURCE,
                            "/acse/fault-tests",
                            CloudEventHeaders.CONTENT_TYPE,
                            CloudEventHeaders.JSON));
        }
        for (String topic : Topics.ALL) {
            if (!consumed.contains(topic)) {
                LOG.warnf("no consumer group reads %s: its poison cannot reach %s", topic, Topics.deadLetter(topic));
                continue;
            }
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(kafka.records(Topics.deadLetter(topic)))
                            .as("poison of " + topic + " in its DLQ")
                            .anyMatch(r -> keys.get(topic).equals(r.key())));
        }
        // The consumers went on: a fresh referral still goes all the way to a shelter's alert.
        OpenLoad.Result after = load.run(
                "after-poison",
                suite.intake() + "/api/v1/referrals",
                () -> Tokens.partner("faults-poison"),
                Network::referralBody,
                5,
                10,
                10);
        assertThat(after.created()).isEqualTo(10);
        assertFlowCompleteAndUnique(after.accepted().keySet());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> network.firstAlert()
                        .keySet()
                        .containsAll(after.accepted().keySet()));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static CompletableFuture<OpenLoad.Result> startLoad(String organisation, double rate, int count) {
        return CompletableFuture.supplyAsync(() -> load.run(
                organisation,
                suite.intake() + "/api/v1/referrals",
                () -> Tokens.partner(organisation),
                Network::referralBody,
                rate,
                count,
                1000));
    }

    /** The invariants of product §5 and §9 for these referrals, once the flow has settled. */
    private static void assertFlowCompleteAndUnique(Set<String> ids) {
        // First placement's side (proposed or no-match on the broker), then what intake shows the partner.
        await().atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(events.finalAmong(ids))
                        .as("referrals proposed or no-match on the broker")
                        .isEqualTo(ids.size()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(events.submittedAmong(ids))
                        .as("referral.submitted on the broker")
                        .isEqualTo(ids.size()));
        List<String> duplicates = new ArrayList<>();
        List<String> twoLive = new ArrayList<>();
        for (String id : ids) {
            EventWatcher.Seen seen = events.seen(id);
            if (seen.redelivered.get() > 0) {
                LOG.infof(
                        "referral %s: %d record(s) published again with the same event id", id, seen.redelivered.get());
            }
            if (seen.submitted.get() != 1) {
                duplicates.add(id + " ×" + seen.submitted.get());
            }
            if (seen.maxLiveProposals.get() > 1) {
                twoLive.add(id);
            }
        }
        assertThat(duplicates)
                .as("referral.submitted more than once (distinct event ids)")
                .isEmpty();
        assertThat(twoLive)
                .as("referrals with two live proposals on the broker")
                .isEmpty();
        assertThat(query("SELECT referral_id FROM placement.placement WHERE status IN ('HELD', 'ACCEPTED', 'ARRIVED')"
                        + " GROUP BY referral_id HAVING count(*) > 1"))
                .as("referrals with two live placements")
                .isEmpty();
        assertThat(query("SELECT unit_id FROM placement.placement WHERE status IN ('HELD', 'ACCEPTED')"
                        + " GROUP BY unit_id HAVING count(*) > 1"))
                .as("units held twice")
                .isEmpty();
        // Last, what the partner sees: intake's own status of each referral.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(notFinalInIntake(ids))
                        .as("referrals not PROPOSED/NO_MATCH in intake")
                        .isEmpty());
    }

    private static Set<String> notFinalInIntake(Set<String> ids) {
        Set<String> finals = new HashSet<>(
                query("SELECT id::text FROM intake.referral" + " WHERE status IN ('PROPOSED', 'NO_MATCH')"));
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(finals);
        return missing;
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

    /** Topics some consumer group has committed offsets on. */
    private static Set<String> consumedTopics() {
        Set<String> topics = new HashSet<>();
        try (var admin = suite.broker.admin()) {
            for (var group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("acse-test") || group.groupId().startsWith("acse-bench")) {
                    continue;
                }
                admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS)
                        .keySet()
                        .forEach(tp -> topics.add(tp.topic()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return topics;
    }
}
