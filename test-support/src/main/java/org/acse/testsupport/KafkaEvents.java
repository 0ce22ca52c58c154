package org.acse.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.acse.common.events.AcseEvent;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventJson;
import org.acse.common.events.EventType;
import org.acse.suite.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Reads and writes records on the real broker, as another service would: to feed a service the events it consumes,
 * to send it poison, and to check what it published.
 */
public final class KafkaEvents {
    private final String bootstrapServers;

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaEvents onSharedBroker() {
        return new KafkaEvents(KafkaBroker.shared().bootstrapServers());
    }

    /** Publishes an event as CloudEvent in binary mode, like the outbox relay. Returns the event id. */
    public UUID publish(EventType type, AcseEvent event) {
        UUID id = UUID.randomUUID();
        publish(type, event, id);
        return id;
    }

    /** Publishes with a chosen event id: publish twice with one id to test idempotence. */
    public void publish(EventType type, AcseEvent event, UUID eventId) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(type.topic(), event.referralId().toString(), EventJson.write(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, eventId.toString());
        header(record, CloudEventHeaders.TYPE, type.type());
        header(record, CloudEventHeaders.SOURCE, "/acse/tests");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        send(record);
    }

    /** Publishes an arbitrary record, e.g. a poison message. */
    public void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> header(record, k, v));
        send(record);
    }

    private void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }

    /** Every record now on the topic, from the beginning. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "acse-test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records on the topic of this CloudEvent type about this referral. */
    public List<ConsumerRecord<String, String>> records(EventType type, UUID referralId) {
        return records(type.topic()).stream()
                .filter(r -> referralId.toString().equals(r.key()))
                .filter(r ->
                        type.type().equals(header(r, CloudEventHeaders.TYPE).orElse(null)))
                .toList();
    }

    /** Waits until a record of this type about this referral is on the broker, and returns its event. */
    public <T extends AcseEvent> T await(EventType type, UUID referralId, Class<T> dataClass) {
        return await(type, referralId, dataClass, e -> true);
    }

    public <T extends AcseEvent> T await(EventType type, UUID referralId, Class<T> dataClass, Predicate<T> matching) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> records(type, referralId).stream()
                                .map(r -> EventJson.read(r.value(), dataClass))
                                .filter(matching)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until at least {@code count} records of this type about this referral are on the broker. */
    public <T extends AcseEvent> List<T> awaitCount(EventType type, UUID referralId, Class<T> dataClass, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> records(type, referralId).stream()
                                .map(r -> EventJson.read(r.value(), dataClass))
                                .toList(),
                        events -> events.size() >= count);
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
