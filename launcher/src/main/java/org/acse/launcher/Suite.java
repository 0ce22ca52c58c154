package org.acse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.acse.launcher.DemoNetwork.DemoShelter;
import org.acse.testsupport.KeycloakServer;
import org.acse.testsupport.LocalSettings;
import org.acse.testsupport.PostgresServer;
import org.acse.testsupport.ProcessTree;
import org.acse.testsupport.ServiceProcess;
import org.acse.testsupport.WebhookReceiver;
import org.jboss.logging.Logger;

/** {@code ./acse up}, {@code down} and {@code status}: the whole suite on this machine, in product §10 order. */
public final class Suite {
    static final String DATABASE = "acse";
    static final List<String> SCHEMAS = List.of("intake", "placement", "notification");
    /** Each service's health and metrics, locally: its HTTP port + 1000 (9081, 9082, 9083, 9080). */
    static int managementPort(String service) {
        return SERVICE_PORTS.getOrDefault(service, 0) + 1000;
    }

    static final Map<String, Integer> SERVICE_PORTS = Map.of("intake-service", 8081, "placement-service", 8082,
            "notification-service", 8083, "web", 8080);
    static final List<String> SERVICES = List.of("intake-service", "placement-service", "notification-service");
    /** The web application for people, started with the services, on 127.0.0.1:8080. */
    static final String WEB = "web";
    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int KEYCLOAK_PORT = 8180;
    private static final Logger LOG = Logger.getLogger(Suite.class);

    private final Workspace workspace;
    private final Console console;
    /** What this launcher started, to stop in reverse order. */
    private final Deque<Runnable> stops = new ArrayDeque<>();
    private SuiteState state;

    public Suite(Workspace workspace, Console console) {
        this.workspace = workspace;
        this.console = console;
    }

    public int up(boolean empty) {
        Optional<SuiteState.Entry> running = SuiteState.read(workspace.stateFile()).entry("launcher")
                .filter(e -> e.process().isPresent());
        if (running.isPresent()) {
            console.line("The suite is already running (launcher pid %d): ./acse status, or ./acse down first.",
                    running.get().pid());
            return 1;
        }
        List<Integer> busy = Stream.of(8080, 8081, 8082, 8083, KEYCLOAK_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT)
                .filter(Suite::inUse).toList();
        if (!busy.isEmpty()) {
            console.line("These ports are already taken: %s. Stop what uses them (./acse down if it is an earlier"
                    + " run) and try again.", busy);
            return 1;
        }
        state = SuiteState.empty(workspace.stateFile());
        state.record("launcher", ProcessHandle.current());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "acse-stop"));
        long started = System.nanoTime();
        console.line("Starting the Ac.Sé suite (logs in %s)", workspace.logs());
        try {
            PostgresServer postgres = startPostgres();
            KafkaProcess kafka = startKafka();
            KeycloakServer keycloak = startKeycloak();
            startServices(postgres, kafka, keycloak);
            SuiteApi api = new SuiteApi(keycloak.url());
            if (empty) {
                console.line("");
                console.line("Started without shelters (--empty) in %.1f s: load your network with POST"
                        + " /api/v1/shelters as coordinator.", seconds(started));
            } else {
                DemoReferral.Webhooks webhooks = loadDemoNetwork(api, keycloak);
                console.line("Suite up with the demo network in %.1f s.", seconds(started));
                boolean delivered = new DemoReferral(api, console).run(Optional.of(webhooks));
                console.line("Demo %s %.1f s after ./acse up started.", delivered ? "completed" : "incomplete",
                        seconds(started));
            }
            printDirectory(empty);
        } catch (RuntimeException e) {
            console.failed(e.getMessage());
            LOG.error("./acse up failed", e);
            return 1;
        }
        watch();
        return 0;
    }

    private PostgresServer startPostgres() {
        console.step("PostgreSQL");
        PostgresServer postgres = PostgresServer.get();
        postgres.ensureDatabase(DATABASE);
        // Keycloak forgets its users on every start (in-memory database), so the suite starts clean too.
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.user(),
                postgres.password()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + String.join(", ", SCHEMAS) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset database " + DATABASE + ": " + e.getMessage(), e);
        }
        console.done((postgres.embedded() ? "embedded, port " + postgres.port() : postgres.host() + ":"
                + postgres.port()) + ", database " + DATABASE);
        return postgres;
    }

    private KafkaProcess startKafka() {
        console.step("Kafka broker (KRaft, child JVM)");
        deleteTree(workspace.kafkaData());
        KafkaProcess kafka = KafkaProcess.start(KAFKA_PORT, KAFKA_CONTROLLER_PORT, workspace.kafkaData(),
                workspace.brokerClasspath(), workspace.logs(), Duration.ofSeconds(60));
        track("kafka", kafka.handle(), kafka::close);
        kafka.createSuiteTopics();
        console.done(kafka.bootstrapServers() + ", topics and DLQs");
        return kafka;
    }

    private KeycloakServer startKeycloak() {
        console.step("Keycloak (realm acse)");
        System.setProperty(KeycloakServer.REALM_FILE_PROPERTY, workspace.realmFile().toString());
        KeycloakServer keycloak = KeycloakServer.start(KEYCLOAK_PORT, workspace.logs());
        track("keycloak", ProcessHandle.of(keycloak.pid()).orElseThrow(), keycloak::close);
        console.done(keycloak.url());
        return keycloak;
    }

    private void startServices(PostgresServer postgres, KafkaProcess kafka, KeycloakServer keycloak) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE));
        common.put("quarkus.datasource.username", postgres.user());
        common.put("quarkus.datasource.password", postgres.password());
        common.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        common.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        // Start all three at once, then await each: their start-ups overlap.
        for (String name : Stream.concat(SERVICES.stream(), Stream.of(WEB)).toList()) {
            Map<String, String> properties = new LinkedHashMap<>(common);
            // The demo channels are webhooks; no SMTP server locally, so mail is only logged.
            properties.putAll(LocalSettings.forService(name, SuiteApi.PLACEMENT, SuiteApi.NOTIFICATION, 0));
            properties.put(ServiceProcess.MANAGEMENT_PORT, String.valueOf(managementPort(name)));
            if (WEB.equals(name)) {
                properties.putAll(webSettings());
            }
            ServiceProcess process = ServiceProcess.start(name, snapshot(name), SERVICE_PORTS.get(name),
                    properties, ServiceProcess.JVM_OPTIONS, workspace.logs());
            track(name, ProcessHandle.of(process.pid()).orElseThrow(), process::close);
            processes.put(name, process);
        }
        for (var entry : processes.entrySet()) {
            console.step(entry.getKey());
            entry.getValue().awaitReady(Duration.ofSeconds(120));
            console.done(entry.getValue().url());
        }
    }

    /** The web application: the services' URLs, a fresh session secret, cookies over plain HTTP on 127.0.0.1. */
    private static Map<String, String> webSettings() {
        return Map.of("acse.intake.url", "http://127.0.0.1:" + SERVICE_PORTS.get("intake-service"),
                "acse.placement.url", SuiteApi.PLACEMENT, "acse.notification.url", SuiteApi.NOTIFICATION,
                "acse.web.client-secret", "acse-web-local-secret", "acse.web.session-secret", LocalSettings.randomKey(),
                "quarkus.oidc.authentication.cookie-force-secure", "false",
                "quarkus.rest-csrf.cookie-force-secure", "false", "quarkus.http.host", "127.0.0.1");
    }

    /**
     * Runs a service from hard links to its packaged app (a copy where links fail) under .acse/apps: a rebuild of
     * the module while the suite runs or starts then replaces target/ without pulling files from under the JVM.
     */
    private Path snapshot(String service) {
        Path source = workspace.module(service).resolve("target").resolve("quarkus-app");
        Path module = workspace.runtime().resolve("apps").resolve(service);
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

    private DemoReferral.Webhooks loadDemoNetwork(SuiteApi api, KeycloakServer keycloak) {
        List<DemoShelter> shelters = DemoNetwork.shelters();
        console.step("Demo network (" + shelters.size() + " shelters)");
        WebhookReceiver receiver = new WebhookReceiver();
        stops.push(receiver::close);
        String coordinator = api.token("coordinator");
        for (DemoNetwork.DemoScheme scheme : DemoNetwork.schemes()) {
            SuiteApi.Response created = api.post(SuiteApi.PLACEMENT + "/api/v1/schemes", coordinator,
                    scheme.request());
            if (created.status() != 201) {
                throw new IllegalStateException("placement-service refused scheme " + scheme.code() + ": "
                        + created.status() + " " + created.body());
            }
        }
        // The first demo referral's partner, in Paris.
        keycloak.createUser(DemoReferral.PARTNER_PARIS, SuiteApi.DEMO_PASSWORD, "partner",
                Map.of("org_id", DemoReferral.ORG_PARIS));
        Map<String, String> secrets = new ConcurrentHashMap<>();
        Map<String, String> paths = new ConcurrentHashMap<>();
        // A few at a time: each staff user costs Keycloak a password hash, the rest is quick.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (DemoShelter shelter : shelters) {
                loads.add(pool.submit(() -> loadShelter(api, keycloak, coordinator, receiver, shelter, secrets,
                        paths)));
            }
            for (Future<?> load : loads) {
                load.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo network", e);
        } finally {
            pool.shutdownNow();
        }
        int places = shelters.stream().mapToInt(DemoShelter::places).sum();
        int destiny = DemoNetwork.of(DemoNetwork.DESTINY).stream().mapToInt(DemoShelter::places).sum();
        console.done(places + " places (" + destiny + " in the " + DemoNetwork.DESTINY.name() + ", 06 and 83),"
                + " staff users, webhooks");
        return new DemoReferral.Webhooks(receiver, secrets, paths);
    }

    private static void loadShelter(SuiteApi api, KeycloakServer keycloak, String coordinator,
            WebhookReceiver receiver, DemoShelter shelter, Map<String, String> secrets, Map<String, String> paths) {
        SuiteApi.Response created = api.post(SuiteApi.PLACEMENT + "/api/v1/shelters", coordinator,
                shelter.request());
        if (created.status() != 201) {
            throw new IllegalStateException("placement-service refused shelter " + shelter.code() + ": "
                    + created.status() + " " + created.body());
        }
        String id = created.body().path("id").asText();
        keycloak.createUser("staff." + shelter.code(), SuiteApi.DEMO_PASSWORD, "shelter-staff",
                Map.of("shelter_id", id));
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24)); // Standard Webhooks
        String path = "/shelters/" + shelter.code();
        Map<String, Object> channel = Map.of("emails", List.of(), "webhookUrl", receiver.url(path),
                "webhookSecret", secret);
        SuiteApi.Response registered = api.put(SuiteApi.NOTIFICATION + "/api/v1/shelters/" + id + "/channels",
                coordinator, channel);
        if (!registered.ok()) {
            throw new IllegalStateException("notification-service refused the channel of " + shelter.code() + ": "
                    + registered.status() + " " + registered.body());
        }
        secrets.put(id, secret);
        paths.put(id, path);
    }

    private void printDirectory(boolean empty) {
        console.line("");
        console.line("APIs (bearer token: ./acse token <user>):");
        for (String name : SERVICES) {
            String url = "http://127.0.0.1:" + SERVICE_PORTS.get(name);
            String management = "http://127.0.0.1:" + managementPort(name);
            console.line("  %-21s %s/api/v1   OpenAPI UI %s/q/swagger-ui   health %s/q/health", name, url,
                    management, management);
        }
        console.line("Web application (partners, shelter teams, coordinators; French, English): http://127.0.0.1:%d/",
                SERVICE_PORTS.get(WEB));
        console.line("Dashboard (shelter staff, coordinators): %s/dashboard/", SuiteApi.NOTIFICATION);
        console.line("Keycloak: %s (realm acse; admin console: admin / admin, local only)", SuiteApi.KEYCLOAK);
        console.line("Kafka: 127.0.0.1:%d    PostgreSQL database: %s", KAFKA_PORT, DATABASE);
        console.line("Demo users (password demo): partner.nice (org-nice), partner.lyon (org-lyon), %scoordinator%s",
                empty ? "" : DemoReferral.PARTNER_PARIS + " (" + DemoReferral.ORG_PARIS + "), ",
                empty ? "" : ", staff.<shelter-code> for each shelter, e.g. staff." + DemoNetwork.shelters().get(0)
                        .code());
        console.line("  e.g. curl -H \"Authorization: Bearer $(./acse token coordinator)\" %s/api/v1/shelters",
                SuiteApi.PLACEMENT);
        console.line("");
        console.line("Running. Ctrl-C here (or ./acse down elsewhere) stops everything.");
    }

    /** Stays in the foreground, reporting any part that stops on its own. */
    private void watch() {
        Map<String, Boolean> reported = new HashMap<>();
        while (!Thread.currentThread().isInterrupted()) {
            for (SuiteState.Entry e : state.entries()) {
                if (!e.name().equals("launcher") && e.process().isEmpty() && reported.put(e.name(), true) == null) {
                    console.line("%s stopped unexpectedly; see %s", e.name(), workspace.logs());
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void track(String name, ProcessHandle process, Runnable stop) {
        state.record(name, process);
        stops.push(() -> {
            stop.run();
            state.forget(name);
        });
    }

    /** Shutdown hook: everything this launcher started, newest first, then any process still below us. */
    private void stopEverything() {
        console.line("");
        console.line("Stopping the suite...");
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                LOG.warn("while stopping", e);
            }
        }
        ProcessHandle.current().children().forEach(p -> ProcessTree.stop(p, Duration.ofSeconds(10)));
        if (state != null) {
            state.delete();
        }
        console.line("Stopped.");
    }

    public int down() {
        SuiteState recorded = SuiteState.read(workspace.stateFile());
        if (recorded.entries().isEmpty()) {
            console.line("Nothing to stop: no suite started by ./acse up is recorded in %s.", workspace.stateFile());
            return 0;
        }
        Optional<ProcessHandle> launcher = recorded.entry("launcher").flatMap(SuiteState.Entry::process);
        if (launcher.isPresent()) {
            console.step("launcher (pid " + launcher.get().pid() + ") and what it started");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("launcher did not stop within 60 s", e);
            }
            console.done("stopped");
        }
        // Whatever survived (the launcher killed -9, a stop that timed out): by pid, newest first.
        List<SuiteState.Entry> left = new ArrayList<>(recorded.entries());
        java.util.Collections.reverse(left);
        for (SuiteState.Entry e : left) {
            Optional<ProcessHandle> process = e.process();
            if (process.isPresent() && !e.name().equals("launcher")) {
                console.step(e.name() + " (pid " + e.pid() + ")");
                ProcessTree.stop(process.get(), Duration.ofSeconds(20));
                console.done("stopped");
            }
        }
        recorded.delete();
        console.line("Everything ./acse up started is stopped.");
        return 0;
    }

    public int status() {
        SuiteState recorded = SuiteState.read(workspace.stateFile());
        if (recorded.entries().isEmpty()) {
            console.line("Not running (start it with ./acse up).");
            return 3;
        }
        SuiteApi api = new SuiteApi(SuiteApi.KEYCLOAK);
        boolean allUp = true;
        for (SuiteState.Entry e : recorded.entries()) {
            boolean alive = e.process().isPresent();
            String health = !alive ? "not running" : switch (e.name()) {
                case "kafka" -> inUse(KAFKA_PORT) ? "up, 127.0.0.1:" + KAFKA_PORT : "starting";
                case "keycloak" -> api.answers(SuiteApi.KEYCLOAK + "/realms/acse/.well-known/openid-configuration")
                        ? "up, " + SuiteApi.KEYCLOAK : "starting";
                case "launcher" -> "running";
                default -> {
                    String url = "http://127.0.0.1:" + SERVICE_PORTS.getOrDefault(e.name(), 0);
                    String ready = "http://127.0.0.1:" + managementPort(e.name()) + "/q/health/ready";
                    yield api.answers(ready) ? "ready, " + url : "not ready, " + url;
                }
            };
            allUp &= alive;
            console.line("  %-21s pid %-8d %s", e.name(), e.pid(), health);
        }
        return allUp ? 0 : 1;
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return false;
            } catch (IOException bound) {
                return true;
            }
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
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
}
