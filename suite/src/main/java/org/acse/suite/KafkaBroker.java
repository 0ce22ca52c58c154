package org.acse.suite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running in this JVM on free ports.
 * Not a mock: the same protocol, log and group coordinator as production. Cold start about 2 s.
 */
public final class KafkaBroker implements Broker {
    private static KafkaBroker shared;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** One broker per JVM, shared by every test class, stopped when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static KafkaBroker start() {
        return start(Ports.free());
    }

    /** Starts on the given client port (a restart on the same port keeps clients' bootstrap address valid). */
    public static KafkaBroker start(int port) {
        try {
            KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("acse-kafka"), port, Ports.free());
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() {
        Properties props = properties(port, controllerPort, logDir);
        try {
            Path config = logDir.resolve("server.properties");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                try (var out = Files.newOutputStream(config)) {
                    props.store(out, "acse test broker");
                }
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                int code = StorageTool.execute(
                        new String[] {
                            "format", "-t", "acse-test-cluster-0001", "-c", config.toString(), "--ignore-formatted"
                        },
                        new PrintStream(log, true, StandardCharsets.UTF_8));
                if (code != 0) {
                    throw new IllegalStateException("kafka storage format failed: " + log);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /** The broker configuration the launcher's child JVM uses too. */
    public static Properties properties(int port, int controllerPort, Path logDir) {
        return properties(1, port, controllerPort, "1@127.0.0.1:" + controllerPort, 1, logDir);
    }

    /**
     * One node of a KRaft quorum (broker and controller in one), {@code voters} as
     * {@code controller.quorum.voters}; with {@code replication} of 3 or more, internal topics and new topics get 3
     * replicas and {@code min.insync.replicas} 2, as production has them.
     */
    static Properties properties(
            int nodeId, int port, int controllerPort, String voters, int replication, Path logDir) {
        String rf = String.valueOf(Math.min(replication, 3));
        String minIsr = replication >= 3 ? "2" : "1";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        return p;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException("broker not ready: " + e.getMessage(), e);
            }
        }
        throw last != null ? last : new IllegalStateException("broker not ready in 60 s");
    }

    /** Creates the suite's topics and their dead-letter topics (3 partitions each). */
    public KafkaBroker withSuiteTopics() {
        createSuiteTopics();
        return this;
    }

    @Override
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Duration.ofSeconds(10).toMillis()));
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker, keeping its log: {@link #restart()} brings it back with every record. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public synchronized void restart() {
        stop();
        startServer();
    }

    /** None: it runs in this JVM. */
    @Override
    public Optional<ProcessHandle> process() {
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        stop();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }
}
