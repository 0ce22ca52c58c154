package org.acse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The whole suite on one machine, as production runs it: the packaged services (intake, placement, notification and
 * the web application) as JVMs of their own, a real Kafka broker, a PostgreSQL database (a schema per service) and
 * an OpenID Connect issuer (a real Keycloak with the {@code acse} realm, or one the caller gives). The one assembler of
 * {@code ./acse up} (fixed ports), the end-to-end tests and the benchmark (free ports).
 *
 * <pre>{@code
 * try (Suite suite = Suite.builder(root).logs(logs).start()) {
 *     suite.url(Suite.INTAKE);
 * }
 * }</pre>
 *
 * <p>A service may run as several instances ({@link Builder#instances}): the same settings and keys, one port each,
 * one consumer group. Nothing here adds a shutdown hook: a caller whose JVM may stop early closes the suite in its own.
 */
public final class Suite implements AutoCloseable {
    public static final String INTAKE = "intake-service";
    public static final String PLACEMENT = "placement-service";
    public static final String NOTIFICATION = "notification-service";
    /** The web application for people, in front of the three services. */
    public static final String WEB = "web";
    /** The three services, in the order they start and the README lists them. */
    public static final List<String> SERVICES = List.of(INTAKE, PLACEMENT, NOTIFICATION);
    /** Everything a person uses: the three services and the web application. */
    public static final List<String> SERVICES_AND_WEB = List.of(INTAKE, PLACEMENT, NOTIFICATION, WEB);
    /** The services' schemas in the suite's database. */
    public static final List<String> SCHEMAS = List.of("intake", "placement", "notification");

    private static final Logger LOG = Logger.getLogger(Suite.class);
    /** The only redirect the realm gives the web application; on any other port the suite adds its own. */
    private static final int REALM_WEB_PORT = 8080;

    /** Told of each part as it starts and stops: the launcher's progress lines and its record of pids. */
    public interface Listener {
        /** {@code part}: {@code postgresql}, {@code kafka}, {@code keycloak} or a service's name. */
        default void starting(String part) {}

        /** The part's process exists (before it is ready), so that it can be stopped by pid should this JVM die. */
        default void launched(String part, ProcessHandle process) {}

        /** The part answers; {@code where} says where, in a few words. */
        default void ready(String part, String where) {}

        default void stopped(String part) {}
    }

    /** One instance of a service: its port and, once started, its process. */
    private static final class Instance {
        final String service;
        final String name;
        final int port;
        volatile ServiceProcess process;

        Instance(String service, String name, int port) {
            this.service = service;
            this.name = name;
            this.port = port;
        }
    }

    private final Builder options;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> properties = new HashMap<>();
    private final Map<String, Path> modules = new HashMap<>();
    /** The infrastructure this suite started, newest first, to stop in that order. */
    private final Deque<Runnable> stops = new ConcurrentLinkedDeque<>();

    private final Object lock = new Object();
    private volatile boolean closed;
    private Database database;
    private Broker broker;
    private KeycloakServer keycloak;
    private String issuer;

    private Suite(Builder options) {
        this.options = options;
        for (String service : options.services) {
            List<Instance> list = new ArrayList<>();
            int count = options.instances.getOrDefault(service, 1);
            for (int i = 1; i <= count; i++) {
                int port = options.fixedPorts && i == 1 ? FixedPorts.service(service) : Ports.free();
                list.add(new Instance(service, i == 1 ? service : service + "-" + i, port));
            }
            instances.put(service, List.copyOf(list));
        }
    }

    /** {@code apps}: the repository root, or any directory holding {@code <service>/target/quarkus-app}. */
    public static Builder builder(Path apps) {
        return new Builder(apps);
    }

    /** Starts the database, the broker, the issuer, then the services (unless {@link Builder#startServicesLater}). */
    public Suite start() {
        try {
            startDatabase();
            startBroker();
            startIdentity();
            prepareServices();
            if (options.startServices) {
                startAll();
            }
            return this;
        } catch (RuntimeException e) {
            // Child JVMs outlive this one: never leave them behind.
            close();
            throw e;
        }
    }

    private void startDatabase() {
        options.listener.starting("postgresql");
        PostgresServer postgres = PostgresServer.get();
        if (options.database != null) {
            database = postgres.ensureDatabase(options.database);
            // A kept database starts clean too: Keycloak forgets its users on every start (in-memory database).
            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + String.join(", ", SCHEMAS) + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset database " + database.name() + ": " + e.getMessage(), e);
            }
        } else {
            Database fresh = postgres.createDatabase(options.freshDatabasePrefix);
            database = fresh;
            own("postgresql", fresh::drop);
        }
        options.listener.ready(
                "postgresql",
                (postgres.embedded() ? "embedded, port " + postgres.port() : postgres.host() + ":" + postgres.port())
                        + ", database " + database.name());
    }

    private void startBroker() {
        options.listener.starting("kafka");
        int port = options.fixedPorts ? FixedPorts.KAFKA : Ports.free();
        if (options.clusterSize > 1) {
            deleteTree(options.brokerData);
            KafkaCluster cluster = KafkaCluster.start(
                    options.clusterSize,
                    options.brokerData,
                    options.clusterClasspath,
                    options.logs,
                    Duration.ofSeconds(120));
            broker = cluster;
            own("kafka", cluster::close);
            options.listener.launched("kafka", cluster.process().orElseThrow());
        } else if (options.brokerClasspath != null) {
            deleteTree(options.brokerData);
            int controller = options.fixedPorts ? FixedPorts.KAFKA_CONTROLLER : Ports.free();
            KafkaProcess kafka = KafkaProcess.start(
                    port,
                    controller,
                    options.brokerData,
                    options.brokerClasspath,
                    options.logs,
                    Duration.ofSeconds(60));
            broker = kafka;
            own("kafka", kafka::close);
            options.listener.launched("kafka", kafka.process().orElseThrow());
        } else {
            KafkaBroker kafka = KafkaBroker.start(port);
            broker = kafka;
            own("kafka", kafka::close);
        }
        broker.createSuiteTopics(options.partitions);
        options.listener.ready("kafka", broker.bootstrapServers());
    }

    private void startIdentity() {
        if (options.issuer != null) {
            issuer = options.issuer;
            return;
        }
        options.listener.starting("keycloak");
        if (options.fixedPorts) {
            KeycloakServer own = KeycloakServer.start(FixedPorts.KEYCLOAK, options.logs);
            keycloak = own;
            own("keycloak", own::close);
            options.listener.launched("keycloak", ProcessHandle.of(own.pid()).orElseThrow());
        } else {
            // One per JVM, shared with the tests' own token requests; stopped when the JVM exits.
            keycloak = KeycloakServer.shared();
        }
        issuer = keycloak.issuer();
        options.listener.ready("keycloak", keycloak.url());
    }

    /** Each service's settings, made once: every instance of it, and every restart, shares its keys. */
    private void prepareServices() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        common.put("quarkus.datasource.username", database.user());
        common.put("quarkus.datasource.password", database.password());
        // One role migrates and runs here (the server may want passwords): no separate runtime role, as in a
        // deployment that did not separate them (ADR 16).
        common.put("quarkus.flyway.username", database.user());
        common.put("quarkus.flyway.password", database.password().isEmpty() ? "trust" : database.password());
        common.put("kafka.bootstrap.servers", broker.bootstrapServers());
        for (String service : instances.keySet()) {
            Map<String, String> p = new LinkedHashMap<>();
            if (WEB.equals(service)) {
                p.put("acse.intake.url", url(INTAKE));
                p.put("acse.placement.url", url(PLACEMENT));
                p.put("acse.notification.url", url(NOTIFICATION));
                p.put("acse.web.client-secret", "acse-web-local-secret");
                p.put("acse.web.session-secret", LocalSettings.randomKey());
                p.put("quarkus.oidc.authentication.cookie-force-secure", "false");
                p.put("quarkus.rest-csrf.cookie-force-secure", "false");
                p.put("quarkus.http.host", "127.0.0.1");
            } else {
                p.putAll(common);
                p.putAll(LocalSettings.forService(service, url(WEB), options.smtpPort));
            }
            p.put("quarkus.oidc.auth-server-url", issuer);
            p.putAll(options.config.getOrDefault(service, Map.of()));
            properties.put(service, p);
            modules.put(service, options.snapshotInto != null ? snapshot(service) : options.apps.resolve(service));
        }
        if (keycloak != null) {
            for (Instance web : instances.getOrDefault(WEB, List.of())) {
                if (web.port != REALM_WEB_PORT) {
                    keycloak.addRedirectUri("acse-web", "http://127.0.0.1:" + web.port + "/callback");
                }
            }
        }
    }

    /** Launches every instance at once, then awaits each: their start-ups overlap. */
    private void startAll() {
        List<Instance> all = instances.values().stream().flatMap(List::stream).toList();
        for (Instance instance : all) {
            launch(instance, options.jvmOptions);
        }
        for (Instance instance : all) {
            awaitReady(instance);
        }
    }

    /** Starts (or starts again, on the same ports) every instance of a service and waits until each is ready. */
    public ServiceProcess start(String service) {
        return start(service, options.jvmOptions);
    }

    /** As {@link #start(String)}, with these JVM options instead of the suite's (a profiling run, say). */
    public ServiceProcess start(String service, List<String> jvmOptions) {
        List<Instance> list = instancesOf(service);
        for (Instance instance : list) {
            launch(instance, jvmOptions);
        }
        for (Instance instance : list) {
            awaitReady(instance);
        }
        return list.get(0).process;
    }

    private void launch(Instance instance, List<String> jvmOptions) {
        Map<String, String> p = new LinkedHashMap<>(properties.get(instance.service));
        if (options.fixedPorts && instance.name.equals(instance.service)) {
            p.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(FixedPorts.management(instance.service)));
        }
        List<Instance> notifications = instances.getOrDefault(NOTIFICATION, List.of());
        if (WEB.equals(instance.service) && notifications.size() > 1) {
            // web instances spread over notification's, as a Service would: a page's live stream comes from any
            int index = instances.get(WEB).indexOf(instance);
            p.put("acse.notification.url", "http://127.0.0.1:" + notifications.get(index % notifications.size()).port);
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the suite was stopped while it started");
            }
            instance.process = ServiceProcess.start(
                    instance.name, modules.get(instance.service), instance.port, p, jvmOptions, options.logs);
        }
        options.listener.launched(instance.name, instance.process.handle());
    }

    private void awaitReady(Instance instance) {
        options.listener.starting(instance.name);
        instance.process.awaitReady(options.readyTimeout);
        options.listener.ready(instance.name, instance.process.url());
    }

    /** SIGTERM to every instance and wait, as a rolling restart does; {@link #start(String)} starts it again. */
    public void stop(String service) {
        ServiceProcess.closeAll(running(instancesOf(service)));
    }

    /** SIGKILL to every instance: no shutdown hook runs, in-flight work is lost as in a crash. */
    public void kill(String service) {
        running(instancesOf(service)).forEach(ServiceProcess::kill);
    }

    /** SIGKILL to one instance ({@code index} from 0): its in-flight work is lost as in a crash. */
    public void kill(String service, int index) {
        ServiceProcess p = instancesOf(service).get(index).process;
        if (p != null && p.isAlive()) {
            p.kill();
        }
    }

    /**
     * SIGTERM to one instance and wait for it to end, as Kubernetes does to one pod of a rolling update: SIGKILL after
     * {@code grace} (its terminationGracePeriodSeconds). True if it stopped by itself.
     */
    public boolean stop(String service, int index, Duration grace) {
        ServiceProcess p = instancesOf(service).get(index).process;
        return p == null || !p.isAlive() || p.stop(grace);
    }

    /** Starts one instance (again, on its port) and waits until it is ready. */
    public ServiceProcess start(String service, int index) {
        Instance instance = instancesOf(service).get(index);
        launch(instance, options.jvmOptions);
        awaitReady(instance);
        return instance.process;
    }

    /** The base URL of every instance of the service, known before they start (ports stay across restarts). */
    public List<String> urls(String service) {
        return instancesOf(service).stream()
                .map(i -> "http://127.0.0.1:" + i.port)
                .toList();
    }

    /** The service's (first) instance as last started; {@code null} before it was. */
    public ServiceProcess service(String service) {
        return instancesOf(service).get(0).process;
    }

    /** Every instance of the service as last started (none before it was). */
    public List<ServiceProcess> instances(String service) {
        return instancesOf(service).stream()
                .map(i -> i.process)
                .filter(p -> p != null)
                .toList();
    }

    /** The base URL of the service's (first) instance, known before it starts. */
    public String url(String service) {
        List<Instance> list = instances.get(service);
        return list == null ? "http://127.0.0.1:0" : "http://127.0.0.1:" + list.get(0).port;
    }

    /** Where the service's (first) running instance answers health and metrics. */
    public String managementUrl(String service) {
        return service(service).managementUrl();
    }

    public List<String> services() {
        return List.copyOf(instances.keySet());
    }

    public Database database() {
        return database;
    }

    public Broker broker() {
        return broker;
    }

    /** The services' {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return issuer;
    }

    /** The Keycloak the suite signs people in on; empty when the caller gave its own issuer. */
    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    public List<String> jvmOptions() {
        return options.jvmOptions;
    }

    public Path logs() {
        return options.logs;
    }

    private List<Instance> instancesOf(String service) {
        List<Instance> list = instances.get(service);
        if (list == null) {
            throw new IllegalArgumentException("no " + service + " in this suite: " + instances.keySet());
        }
        return list;
    }

    private static List<ServiceProcess> running(List<Instance> list) {
        return list.stream()
                .map(i -> i.process)
                .filter(p -> p != null && p.isAlive())
                .toList();
    }

    /** Records what to stop at close; stops it at once if the suite was closed meanwhile (Ctrl-C during start-up). */
    private void own(String part, Runnable stop) {
        Runnable stopAndTell = () -> {
            stop.run();
            options.listener.stopped(part);
        };
        synchronized (lock) {
            if (!closed) {
                stops.push(stopAndTell);
                return;
            }
        }
        stopAndTell.run();
        throw new IllegalStateException("the suite was stopped while it started");
    }

    /** Stops every instance at once, newest service first, then the issuer, the broker and the database it made. */
    @Override
    public void close() {
        List<Instance> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(
                    instances.values().stream().flatMap(List::stream).toList());
        }
        Collections.reverse(all);
        List<Instance> started = all.stream().filter(i -> i.process != null).toList();
        ServiceProcess.closeAll(started.stream().map(i -> i.process).toList());
        started.forEach(i -> options.listener.stopped(i.name));
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("while stopping the suite", e);
            }
        }
    }

    /**
     * Runs a service from hard links to its packaged app (a copy where links fail): a rebuild of the module while the
     * suite runs or starts then replaces target/ without pulling files from under the JVM.
     */
    private Path snapshot(String service) {
        Path source = options.apps.resolve(service).resolve("target").resolve("quarkus-app");
        Path module = options.snapshotInto.resolve(service);
        Path target = module.resolve("target").resolve("quarkus-app");
        deleteTree(module);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    try {
                        Files.createLink(copy, file);
                    } catch (IOException | UnsupportedOperationException e) {
                        // Keeps the modification time: the AppCDS archive checks it on the class path's jars.
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + service + " from " + source, e);
        }
        return module;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the suite is made of; every setting has a default fit for a test on free ports. */
    public static final class Builder {
        private final Path apps;
        private Path logs;
        private List<String> services = SERVICES_AND_WEB;
        private final Map<String, Integer> instances = new HashMap<>();
        private boolean fixedPorts;
        private String freshDatabasePrefix = "acse_suite";
        private String database;
        private Path brokerClasspath;
        private Path brokerData;
        private int clusterSize = 1;
        private String clusterClasspath;
        private final Map<String, Integer> partitions = new HashMap<>();
        private String issuer;
        private final Map<String, Map<String, String>> config = new HashMap<>();
        private List<String> jvmOptions = ServiceProcess.JVM_OPTIONS;
        private int smtpPort;
        private Path snapshotInto;
        private boolean startServices = true;
        private Duration readyTimeout = Duration.ofSeconds(120);
        private Listener listener = new Listener() {};

        private Builder(Path apps) {
            this.apps = apps.toAbsolutePath().normalize();
            this.logs = this.apps.resolve("target").resolve("suite-logs");
        }

        /** Where each process writes its log ({@code <name>.log}, appended to across restarts). */
        public Builder logs(Path logs) {
            this.logs = logs;
            return this;
        }

        /** Which of {@link #SERVICES_AND_WEB} run (default: all four), started in this order. */
        public Builder services(List<String> services) {
            this.services = List.copyOf(services);
            return this;
        }

        /** How many instances of a service run (default 1): same settings and consumer group, a port each. */
        public Builder instances(String service, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one instance of " + service);
            }
            instances.put(service, count);
            return this;
        }

        /**
         * The README's ports ({@link FixedPorts}) for the first instance of each service, the broker and a Keycloak
         * of the suite's own (admin {@code admin}/{@code admin}, stopped with the suite); otherwise free ports and
         * the JVM's shared Keycloak.
         */
        public Builder fixedPorts() {
            this.fixedPorts = true;
            return this;
        }

        /** A fresh database {@code <prefix>_<random>}, dropped at close (the default, prefix {@code acse_suite}). */
        public Builder freshDatabase(String prefix) {
            this.freshDatabasePrefix = prefix;
            this.database = null;
            return this;
        }

        /** A database kept across runs, created if missing; the services' schemas are dropped at each start. */
        public Builder database(String name) {
            this.database = name;
            return this;
        }

        /**
         * The broker as a child JVM from the jars listed in {@code classpathFile}, its data in {@code dataDir}
         * (wiped at start); otherwise a broker in this JVM, which {@link Broker#stop()} and restart instantly.
         */
        public Builder brokerInChildJvm(Path classpathFile, Path dataDir) {
            this.brokerClasspath = classpathFile;
            this.brokerData = dataDir;
            return this;
        }

        /**
         * A cluster of {@code size} Kafka nodes ({@link KafkaCluster}), each a child JVM from {@code classpath} (a
         * class path as the JVM takes it), their logs in {@code dataDir} (wiped at start); topics get 3 replicas and
         * {@code min.insync.replicas} 2.
         */
        public Builder brokerCluster(int size, String classpath, Path dataDir) {
            if (size < 3) {
                throw new IllegalArgumentException("a cluster has at least 3 nodes (a quorum that survives one loss)");
            }
            this.clusterSize = size;
            this.clusterClasspath = classpath;
            this.brokerData = dataDir;
            return this;
        }

        /** The partitions of one of the suite's topics (default {@link Broker#DEFAULT_PARTITIONS}). */
        public Builder partitions(String topic, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one partition for " + topic);
            }
            partitions.put(topic, count);
            return this;
        }

        /** The services trust this OpenID Connect issuer (a test issuer, say) instead of a Keycloak. */
        public Builder issuer(String issuerUrl) {
            this.issuer = issuerUrl;
            return this;
        }

        /** Settings of one service on top of (and over) what the suite gives it. */
        public Builder config(String service, Map<String, String> properties) {
            config.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(properties);
            return this;
        }

        /** The services' JVM options (default {@link ServiceProcess#JVM_OPTIONS}). */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        /** An SMTP server for notification-service's e-mail alerts (default none: mail is only logged). */
        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** Runs each service from hard links to its packaged app in {@code dir}, so a rebuild cannot disturb it. */
        public Builder snapshotAppsInto(Path dir) {
            this.snapshotInto = dir;
            return this;
        }

        /** {@link Suite#start()} starts the infrastructure only; the caller starts each service with start(name). */
        public Builder startServicesLater() {
            this.startServices = false;
            return this;
        }

        /** How long a service may take to answer ready (default 120 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** The suite, nothing started yet: a caller that must be able to stop it midway keeps it first. */
        public Suite build() {
            return new Suite(this);
        }

        /** Builds and starts it; on failure, stops what had started and throws. */
        public Suite start() {
            return build().start();
        }
    }
}
