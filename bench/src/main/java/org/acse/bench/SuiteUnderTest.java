package org.acse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.testsupport.KafkaBroker;
import org.acse.testsupport.LocalSettings;
import org.acse.testsupport.PostgresServer;
import org.acse.testsupport.Ports;
import org.acse.testsupport.ServiceProcess;
import org.acse.testsupport.TestDatabase;
import org.acse.testsupport.TestIssuer;
import org.jboss.logging.Logger;

/**
 * The whole suite as the end-to-end tests start it: the three packaged services as their own JVMs (with the heap
 * settings under test), a real in-process Kafka broker, a fresh PostgreSQL database and the test token issuer.
 * Services are started one after the other so that each start-up time is measured without the others competing.
 */
public final class SuiteUnderTest implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SuiteUnderTest.class);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    /** The JVM options each service runs with: the heap settings the README gives (product §11). */
    public static final List<String> SERVICE_JVM_OPTIONS = ServiceProcess.JVM_OPTIONS;

    public static final List<String> SERVICES = List.of("intake-service", "placement-service", "notification-service");

    /** One service's launch, kept so that it can be started again on the same port after a kill. */
    public record Launch(String name, int port, Map<String, String> properties) {
    }

    /**
     * How long a service took to answer ready: measured from the outside, as Quarkus logs it, and the CPU time its
     * JVM had used by then (all threads; far less sensitive than the wall time to other work on the machine).
     */
    public record Startup(String name, double readyMillis, Double quarkusSeconds, long cpuMillis) {
    }

    private final Path root;
    private final Path logs;
    private final List<String> jvmOptions;
    public final TestDatabase database;
    public final KafkaBroker broker;
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new HashMap<>();
    private final List<Startup> startups = new ArrayList<>();
    private boolean closed;

    private SuiteUnderTest(Path root, Path logs, List<String> jvmOptions) {
        this.root = root;
        this.logs = logs;
        this.jvmOptions = withExtra(jvmOptions);
        database = PostgresServer.get().createDatabase("acse_bench");
        broker = KafkaBroker.start().withSuiteTopics();
        int intakePort = Ports.free();
        int placementPort = Ports.free();
        int notificationPort = Ports.free();
        String placementUrl = "http://127.0.0.1:" + placementPort;
        String notificationUrl = "http://127.0.0.1:" + notificationPort;
        Map<String, String> intake = common();
        intake.putAll(LocalSettings.forService("intake-service", placementUrl, notificationUrl, 0));
        launches.put("intake-service", new Launch("intake-service", intakePort, intake));
        Map<String, String> placement = common();
        placement.putAll(LocalSettings.forService("placement-service", placementUrl, notificationUrl, 0));
        launches.put("placement-service", new Launch("placement-service", placementPort, placement));
        Map<String, String> notification = common();
        notification.putAll(LocalSettings.forService("notification-service", placementUrl, notificationUrl, 0));
        launches.put("notification-service", new Launch("notification-service", notificationPort, notification));
    }

    /**
     * The options plus those of {@code ACSE_BENCH_JVM_EXTRA} (space-separated), for profiling a run, e.g.
     * {@code -XX:StartFlightRecording=dumponexit=true,filename=/tmp/jfr} (a directory: one file per process) or
     * {@code -Xlog:class+load:file=/tmp/%p.log}.
     */
    private static List<String> withExtra(List<String> jvmOptions) {
        String extra = System.getenv("ACSE_BENCH_JVM_EXTRA");
        if (extra == null || extra.isBlank()) {
            return jvmOptions;
        }
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(extra.trim().split("\\s+")));
        return List.copyOf(all);
    }

    /** Starts everything; {@code root} is the repository root, service logs go to {@code logs}. */
    public static SuiteUnderTest start(Path root, Path logs, List<String> jvmOptions) {
        return start(root, logs, jvmOptions, SERVICES);
    }

    /** Starts only some of the services (e.g. intake alone, to measure its own maximum). */
    public static SuiteUnderTest start(Path root, Path logs, List<String> jvmOptions, List<String> services) {
        SuiteUnderTest suite = new SuiteUnderTest(root, logs, jvmOptions);
        // Ctrl-C or a kill of the benchmark must not leave the services running.
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
        try {
            for (String name : services) {
                suite.startService(name);
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private Map<String, String> common() {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        p.put("quarkus.datasource.username", database.user());
        p.put("quarkus.datasource.password", database.password());
        p.put("kafka.bootstrap.servers", broker.bootstrapServers());
        p.put("quarkus.oidc.auth-server-url", TestIssuer.shared().issuer());
        return p;
    }

    /** Starts (or starts again, on the same port) one service and waits until it is ready. */
    public synchronized ServiceProcess startService(String name) {
        Launch launch = launches.get(name);
        long begin = System.nanoTime();
        // In ACSE_BENCH_JVM_EXTRA, {service} and {n} (the how-manieth start of that service) name per-start files,
        // e.g. -XX:DumpLoadedClassList=/tmp/cds/{service}-{n}.lst (docs/adr/0006-start-up.md).
        int n = (int) startups.stream().filter(s -> s.name().equals(name)).count() + 1;
        List<String> options = jvmOptions.stream()
                .map(o -> o.replace("{service}", name).replace("{n}", Integer.toString(n))).toList();
        ServiceProcess process = ServiceProcess.start(name, root.resolve(name), launch.port(), launch.properties(),
                options, logs);
        processes.put(name, process);
        process.awaitReady(Duration.ofSeconds(120));
        double millis = (System.nanoTime() - begin) / 1e6;
        long cpu = Rss.cpuMillisOfPid(process.pid());
        Startup startup = new Startup(name, millis, quarkusStartSeconds(process.log()), cpu);
        startups.add(startup);
        LOG.infof("%s ready in %.0f ms (Quarkus says %s s), %d ms of CPU", name, millis, startup.quarkusSeconds(), cpu);
        return process;
    }

    /** SIGTERM and wait, as a rolling restart does; {@link #startService} starts it again on the same port. */
    public synchronized void stop(String name) {
        ServiceProcess p = processes.remove(name);
        if (p != null) {
            p.close();
        }
    }

    /** SIGKILL: no shutdown hook runs, in-flight work is lost as in a crash. */
    public synchronized void kill(String name) {
        processes.get(name).kill();
    }

    public ServiceProcess service(String name) {
        return processes.get(name);
    }

    public String url(String name) {
        return "http://127.0.0.1:" + launches.get(name).port();
    }

    /** Where the running instance of the service answers health and metrics. */
    public String managementUrl(String name) {
        return processes.get(name).managementUrl();
    }

    public String intake() {
        return url("intake-service");
    }

    public String placement() {
        return url("placement-service");
    }

    public String notification() {
        return url("notification-service");
    }

    public List<Startup> startups() {
        return List.copyOf(startups);
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Resident memory of a service's JVM, from {@code /proc/<pid>/status} (VmRSS), in kB; -1 if unknown. */
    public long rssKb(String name) {
        ServiceProcess p = processes.get(name);
        return p == null || !p.isAlive() ? -1 : Rss.ofPid(p.pid());
    }

    /** The last "started in N s" a service logged (the log file is appended to across restarts). */
    static Double quarkusStartSeconds(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log));
            Double last = null;
            while (m.find()) {
                last = Double.valueOf(m.group(1));
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> reverse = new ArrayList<>(SERVICES);
        java.util.Collections.reverse(reverse);
        for (String name : reverse) {
            ServiceProcess p = processes.get(name);
            if (p != null) {
                p.close();
            }
        }
        broker.close();
        database.drop();
    }
}
