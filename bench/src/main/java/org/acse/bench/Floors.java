package org.acse.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.acse.suite.Broker;
import org.acse.suite.Database;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floors our figures are compared with, measured on the same broker and database in the same run: what the
 * infrastructure alone costs, without any of our code.
 */
public final class Floors {
    /** Produce → consume on the suite's broker: acks=all, linger 0, one partition, at {@code rate} per second. */
    public static Histogram kafkaProduceConsume(Broker broker, int count, double rate) {
        String topic = "bench.floor." + UUID.randomUUID().toString().substring(0, 8);
        try (var admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create floor topic", e);
        }
        ConcurrentHistogram histogram = new ConcurrentHistogram(OpenLoad.HIGHEST_NANOS, 3);
        AtomicLong received = new AtomicLong();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG, "bench-floor",
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                        new StringDeserializer(),
                        new LongDeserializer());
                KafkaProducer<String, Long> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                "0"),
                        new StringSerializer(),
                        new LongSerializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofMillis(100));
            // Producer and consumer run in this JVM: the payload is the send's nanoTime.
            Thread sender = new Thread(
                    () -> {
                        long period = (long) (1e9 / rate);
                        long start = System.nanoTime();
                        for (int i = 0; i < count; i++) {
                            long intended = start + i * period;
                            long wait;
                            while ((wait = intended - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            producer.send(new ProducerRecord<>(topic, "k", System.nanoTime()));
                        }
                        producer.flush();
                    },
                    "floor-producer");
            sender.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + (long) (count / rate));
            while (received.get() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                    long now = System.nanoTime();
                    received.incrementAndGet();
                    // The first few are warm-up (connections, metadata); the histogram keeps the rest.
                    if (received.get() > count / 10) {
                        histogram.recordValue(Math.min(OpenLoad.HIGHEST_NANOS, now - r.value()));
                    }
                });
            }
            sender.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return histogram;
    }

    /** One client, single-row INSERT then COMMIT, on the suite's database. */
    public static Histogram postgresInsertCommit(Database database, int count) {
        Histogram histogram = new Histogram(OpenLoad.HIGHEST_NANOS, 3);
        try (Connection c = database.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
                s.execute("CREATE TABLE IF NOT EXISTS bench.floor (id UUID PRIMARY KEY, at TIMESTAMPTZ NOT NULL,"
                        + " payload TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO bench.floor (id, at, payload) VALUES (?, now(), ?)")) {
                for (int i = 0; i < count; i++) {
                    long begin = System.nanoTime();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "{\"floor\":" + i + "}");
                    insert.executeUpdate();
                    c.commit();
                    if (i >= count / 10) {
                        histogram.recordValue(Math.min(OpenLoad.HIGHEST_NANOS, System.nanoTime() - begin));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL floor failed: " + e.getMessage(), e);
        }
        return histogram;
    }

    private Floors() {}
}
