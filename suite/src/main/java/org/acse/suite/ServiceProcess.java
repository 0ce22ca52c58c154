package org.acse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM process, configured with
 * system properties, its output in a log file. {@link Suite} starts them.
 */
public final class ServiceProcess implements AutoCloseable {
    /**
     * The JVM options every packaged service runs with locally: the heap settings the README gives (product §11), one
     * list for the launcher, the end-to-end tests and the benchmark. C1 only and a small code cache: start-up and
     * memory before peak throughput.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=32m",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    /** The AppCDS archive the Quarkus build writes next to {@code quarkus-run.jar} (docs/adr/0006-start-up.md). */
    public static final String CDS_ARCHIVE = "app-cds.jsa";

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code <moduleDir>/target/quarkus-app/quarkus-run.jar} on {@code port}; returns once the process is
     * launched (see {@link #awaitReady(Duration)}). Runs from the app's directory with its AppCDS archive when the
     * build made one: the archive records the class path as the build ran it ({@code -jar quarkus-run.jar} there) and
     * the jars' modification times, so a copy of the app must keep them ({@code cp -p}, hard links). A stale or
     * foreign archive only costs a warning line (-Xshare:auto) and a slower start.
     */
    public static ServiceProcess start(
            String name,
            Path moduleDir,
            int port,
            Map<String, String> properties,
            List<String> jvmOptions,
            Path logDir) {
        Path app = moduleDir.resolve("target/quarkus-app").toAbsolutePath();
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(
                    name + " is not packaged: " + app.resolve("quarkus-run.jar") + " is missing (run ./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Files.exists(app.resolve(CDS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        }
        command.add("-Dquarkus.http.port=" + port);
        // The packaged services serve health and metrics on Quarkus's management interface (port 9000 in
        // Kubernetes); on one machine each gets its own, on loopback, unless the caller names it.
        int managementPort = properties.containsKey(MANAGEMENT_PORT)
                ? Integer.parseInt(properties.get(MANAGEMENT_PORT))
                : Ports.free();
        command.add("-D" + MANAGEMENT_PORT + "=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        properties.forEach((k, v) -> {
            if (!k.equals(MANAGEMENT_PORT)) {
                command.add("-D" + k + "=" + v);
            }
        });
        command.add("-jar");
        command.add("quarkus-run.jar");
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log").toAbsolutePath();
            Process process = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(name, port, managementPort, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The property that places a service's management interface. */
    public static final String MANAGEMENT_PORT = "quarkus.management.port";

    /** Waits until {@code /q/health/ready} (on the management interface) answers 200; fails early if the process died. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log
                        + "; its last lines:\n" + logTail(40));
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(
                name + " not ready after " + timeout + "; see " + log + "; its last lines:\n" + logTail(40));
    }

    /**
     * The last lines of the log, so that a failure in CI, where the log file is gone afterwards, says why. Test
     * data only: the services never log personal data, and the tests feed them none that is real.
     */
    private String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health ({@code /q/health/*}) and metrics ({@code /q/metrics}) are served here. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, for crash tests: no shutdown hook, no graceful close. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops them all at once (SIGTERM to each, then waits as {@link #close()}), so shutdowns overlap. */
    public static void closeAll(List<ServiceProcess> services) {
        services.forEach(service -> service.process.destroy());
        services.forEach(ServiceProcess::close);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 15 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}: true if it stopped by itself. */
    public boolean stop(Duration grace) {
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }
}
