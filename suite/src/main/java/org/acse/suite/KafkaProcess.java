package org.acse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker (KRaft, single node) as a child JVM started from the Kafka jars, with a broker-only
 * classpath the build wrote (the launcher's {@code target/broker.classpath}) and the same configuration as the
 * in-process {@link KafkaBroker}.
 */
public final class KafkaProcess implements Broker {
    static final String CLUSTER_ID = "acse-local-cluster-001";

    private final int port;
    private final Path config;
    private final String classpath;
    private final Path log;
    private final Duration timeout;
    private Process process;

    private KafkaProcess(int port, Path config, String classpath, Path log, Duration timeout) {
        this.port = port;
        this.config = config;
        this.classpath = classpath;
        this.log = log;
        this.timeout = timeout;
    }

    public static KafkaProcess start(
            int port, int controllerPort, Path dataDir, Path classpathFile, Path logDir, Duration timeout) {
        try {
            Properties props = KafkaBroker.properties(port, controllerPort, dataDir.resolve("log"));
            KafkaProcess kafka = prepare(
                    props, port, dataDir, Files.readString(classpathFile).trim(), logDir.resolve("kafka.log"), timeout);
            kafka.launch();
            kafka.awaitReady();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the node's configuration and formats its log directory; {@link #launch()} starts it. */
    static KafkaProcess prepare(
            Properties props, int port, Path dataDir, String classpath, Path log, Duration timeout) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            Path config = dataDir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "acse local broker");
            }
            KafkaProcess kafka = new KafkaProcess(port, config, classpath, log, timeout);
            int format = kafka.java(
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            CLUSTER_ID,
                            "-c",
                            config.toString(),
                            "--ignore-formatted")
                    .waitFor();
            if (format != 0) {
                throw new IllegalStateException("Kafka storage format failed (exit " + format + "); see " + kafka.log);
            }
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    /** Starts the JVM and returns at once (a quorum's nodes must all be up before any answers). */
    synchronized void launch() {
        try {
            process = java("kafka.Kafka", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        }
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Waits until this node answers as part of a cluster. */
    void awaitReady() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process process = this.process;
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("Kafka is not running; see " + log);
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

    @Override
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000));
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(15));
            process = null;
        }
    }

    /** SIGKILL, as a crashed node: no controlled shutdown, leadership moves only when the controller notices. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void restart() {
        stop();
        launch();
        awaitReady();
    }

    /** Stops the broker; its data directory stays for the next run to wipe. */
    @Override
    public void close() {
        stop();
    }
}
