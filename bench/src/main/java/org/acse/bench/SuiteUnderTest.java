package org.acse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.suite.Broker;
import org.acse.suite.Database;
import org.acse.suite.ServiceProcess;
import org.acse.suite.Suite;
import org.acse.testsupport.TestIssuer;
import org.jboss.logging.Logger;

/**
 * The suite under measurement ({@link Suite}: the packaged services as their own JVMs with the heap settings under
 * test, a real in-process Kafka broker, a fresh PostgreSQL database) with the test token issuer instead of Keycloak.
 * Services are started one after the other so that each start-up time is measured without the others competing.
 */
public final class SuiteUnderTest implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SuiteUnderTest.class);
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    /** The JVM options each service runs with: the heap settings the README gives (product §11). */
    public static final List<String> SERVICE_JVM_OPTIONS = ServiceProcess.JVM_OPTIONS;

    public static final List<String> SERVICES = Suite.SERVICES;

    /**
     * How long a service took to answer ready: measured from the outside, as Quarkus logs it, and the CPU time its
     * JVM had used by then (all threads; far less sensitive than the wall time to other work on the machine).
     */
    public record Startup(String name, double readyMillis, Double quarkusSeconds, long cpuMillis) {}

    private final Suite suite;
    private final List<String> jvmOptions;
    public final Database database;
    public final Broker broker;
    private final List<Startup> startups = new ArrayList<>();

    private SuiteUnderTest(Suite suite, List<String> jvmOptions) {
        this.suite = suite;
        this.jvmOptions = jvmOptions;
        database = suite.database();
        broker = suite.broker();
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
        return start(root, logs, jvmOptions, services, UnaryOperator.identity());
    }

    /** As above, the suite shaped further by {@code more} (instances, a broker cluster, partitions). */
    public static SuiteUnderTest start(
            Path root, Path logs, List<String> jvmOptions, List<String> services, UnaryOperator<Suite.Builder> more) {
        return start(root, logs, jvmOptions, services, more, false);
    }

    /**
     * The three services and the web application against the real Keycloak (realm {@code acse}): people sign in
     * through its login form, as the pages scenario measures.
     */
    public static SuiteUnderTest startWithWeb(Path root, Path logs, List<String> jvmOptions) {
        return start(root, logs, jvmOptions, Suite.SERVICES_AND_WEB, UnaryOperator.identity(), true);
    }

    private static SuiteUnderTest start(
            Path root,
            Path logs,
            List<String> jvmOptions,
            List<String> services,
            UnaryOperator<Suite.Builder> more,
            boolean keycloak) {
        List<String> options = withExtra(jvmOptions);
        Suite.Builder builder = Suite.builder(root)
                .services(services)
                .freshDatabase("acse_bench")
                .logs(logs)
                .jvmOptions(options)
                .startServicesLater();
        if (!keycloak) {
            builder.issuer(TestIssuer.shared().issuer());
        }
        Suite suite = more.apply(builder).start();
        SuiteUnderTest measured = new SuiteUnderTest(suite, options);
        // Ctrl-C or a kill of the benchmark must not leave the services running.
        Runtime.getRuntime().addShutdownHook(new Thread(measured::close));
        try {
            for (String name : services) {
                measured.startService(name);
            }
        } catch (RuntimeException e) {
            measured.close();
            throw e;
        }
        return measured;
    }

    /** Starts (or starts again, on the same port) one service and waits until it is ready. */
    public synchronized ServiceProcess startService(String name) {
        long begin = System.nanoTime();
        // In ACSE_BENCH_JVM_EXTRA, {service} and {n} (the how-manieth start of that service) name per-start files,
        // e.g. -XX:DumpLoadedClassList=/tmp/cds/{service}-{n}.lst (docs/adr/0006-start-up.md).
        int n = (int) startups.stream().filter(s -> s.name().equals(name)).count() + 1;
        List<String> options = jvmOptions.stream()
                .map(o -> o.replace("{service}", name).replace("{n}", Integer.toString(n)))
                .toList();
        ServiceProcess process = suite.start(name, options);
        double millis = (System.nanoTime() - begin) / 1e6;
        long cpu = Rss.cpuMillisOfPid(process.pid());
        Startup startup = new Startup(name, millis, quarkusStartSeconds(process.log()), cpu);
        startups.add(startup);
        LOG.infof("%s ready in %.0f ms (Quarkus says %s s), %d ms of CPU", name, millis, startup.quarkusSeconds(), cpu);
        return process;
    }

    /** SIGTERM and wait, as a rolling restart does; {@link #startService} starts it again on the same port. */
    public synchronized void stop(String name) {
        suite.stop(name);
    }

    /** SIGKILL: no shutdown hook runs, in-flight work is lost as in a crash. */
    public synchronized void kill(String name) {
        suite.kill(name);
    }

    /** The service's process as last started; {@code null} for a service this run does not have. */
    public ServiceProcess service(String name) {
        return suite.services().contains(name) ? suite.service(name) : null;
    }

    /** The suite itself, for what only a test of several instances needs (one instance killed, say). */
    public Suite suite() {
        return suite;
    }

    public String url(String name) {
        return suite.url(name);
    }

    /** Where the running instance of the service answers health and metrics. */
    public String managementUrl(String name) {
        return suite.managementUrl(name);
    }

    public String intake() {
        return url(Suite.INTAKE);
    }

    public String placement() {
        return url(Suite.PLACEMENT);
    }

    public String notification() {
        return url(Suite.NOTIFICATION);
    }

    public List<Startup> startups() {
        return List.copyOf(startups);
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Resident memory of a service's JVM, from {@code /proc/<pid>/status} (VmRSS), in kB; -1 if unknown. */
    public long rssKb(String name) {
        ServiceProcess p = service(name);
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
    public void close() {
        suite.close();
    }
}
