package org.acse.suite;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.acse.common.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The suite's Kafka broker: in this JVM ({@link KafkaBroker}) or a child JVM of its own ({@link KafkaProcess}). */
public interface Broker extends AutoCloseable {

    String bootstrapServers();

    Admin admin();

    /** Stops the broker, keeping its log: {@link #restart()} brings it back with every record, on the same port. */
    void stop();

    void restart();

    /** The broker's own process, when it runs in one (for a launcher that must be able to stop it by pid). */
    Optional<ProcessHandle> process();

    /** Stops the broker and deletes what it owns. */
    @Override
    void close();

    /** How many replicas each topic gets: 1 on a single broker, 3 on a cluster ({@link KafkaCluster}). */
    default short replicationFactor() {
        return 1;
    }

    /** Creates the suite's topics and their dead-letter topics, {@link #DEFAULT_PARTITIONS} partitions each. */
    default void createSuiteTopics() {
        createSuiteTopics(Map.of());
    }

    /**
     * Creates the suite's topics and their dead-letter topics, each with the partitions {@code partitions} gives it
     * (by topic name; {@link #DEFAULT_PARTITIONS} otherwise) and {@link #replicationFactor()} replicas; with 3,
     * {@code min.insync.replicas} 2, as production has them (k8s/base/kafka/topics.yaml).
     */
    default void createSuiteTopics(Map<String, Integer> partitions) {
        short replicas = replicationFactor();
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions.getOrDefault(t, DEFAULT_PARTITIONS), replicas)
                            .configs(replicas >= 3 ? Map.of("min.insync.replicas", "2") : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the suite's topics: " + e.getMessage(), e);
        }
    }

    /** Partitions of a suite topic unless the suite says otherwise (production: k8s/base/kafka/topics.yaml). */
    int DEFAULT_PARTITIONS = 3;
}
