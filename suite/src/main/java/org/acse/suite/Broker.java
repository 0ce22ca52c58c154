package org.acse.suite;

import java.util.List;
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

    /** Creates the suite's topics and their dead-letter topics (3 partitions each), as production has them. */
    default void createSuiteTopics() {
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the suite's topics: " + e.getMessage(), e);
        }
    }
}
