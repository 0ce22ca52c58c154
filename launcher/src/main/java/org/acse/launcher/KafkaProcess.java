package org.acse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.acse.common.events.Topics;
import org.acse.testsupport.KafkaBroker;
import org.acse.testsupport.ProcessTree;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Apache Kafka broker (KRaft, single node) as a child JVM started from the Kafka jars, with the broker-only
 * classpath the build wrote ({@code launcher/target/broker.classpath}) and the same configuration as the tests' broker.
 */
public final class KafkaProcess implements AutoCloseable {
    static final String CLUSTER_ID = "acse-local-cluster-001";

    private final int port;
    private final Path log;
    private Process process;

    private KafkaProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static KafkaProcess start(int port, int controllerPort, Path dataDir, Path classpathFile, Path logDir,
            Duration timeout) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
            KafkaProcess kafka = new KafkaProcess(port, logDir.resolve("kafka.log"));
            Properties props = KafkaBroker.properties(port, controllerPort, dataDir.resolve("log"));
            Path config = dataDir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "acse local broker (./acse up)");
            }
            String classpath = Files.readString(classpathFile).trim();
            int format = kafka.java(classpath, "kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c",
                    config.toString(), "--ignore-formatted").waitFor();
            if (format != 0) {
                throw new IllegalStateException("Kafka storage format failed (exit " + format + "); see " + kafka.log);
            }
            kafka.process = kafka.java(classpath, "kafka.Kafka", config.toString());
            kafka.awaitReady(timeout);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private Process java(String classpath, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
            }
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                // not ready yet
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Kafka", e);
            }
        }
        close();
        throw new IllegalStateException("Kafka not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The suite's topics and their dead-letter twins, 3 partitions each (product §6). */
    public void createSuiteTopics() {
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                    .filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the suite's topics: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        if (process != null) {
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(15));
            process = null;
        }
    }
}
