package org.acse.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.acse.launcher.DemoNetwork.DemoShelter;
import org.acse.suite.FixedPorts;
import org.acse.suite.KeycloakServer;
import org.acse.suite.ProcessTree;
import org.acse.suite.Suite;
import org.acse.suite.WebhookReceiver;
import org.jboss.logging.Logger;

/**
 * {@code ./acse up}, {@code down} and {@code status}: the whole suite on this machine, in product §10 order, on the
 * README's ports, with the demo network, the progress lines and the record of what runs ({@code .acse/state}).
 */
public final class Launcher {
    static final String DATABASE = "acse";
    private static final Logger LOG = Logger.getLogger(Launcher.class);
    /** How each part is named while it starts. */
    private static final Map<String, String> LABELS = Map.of(
            "postgresql",
            "PostgreSQL",
            "kafka",
            "Kafka broker (KRaft, child JVM)",
            "keycloak",
            "Keycloak (realm acse)");

    private final Workspace workspace;
    private final Console console;
    /** What this launcher started (the suite, the demo's webhook receiver), to stop in reverse order. */
    private final Deque<Runnable> stops = new ArrayDeque<>();

    private SuiteState state;

    public Launcher(Workspace workspace, Console console) {
        this.workspace = workspace;
        this.console = console;
    }

    /** {@code partitions}: the partitions of the suite's topics the user set (topic → count); the others keep the default. */
    public int up(Arguments.Scope scope, Map<String, Integer> partitions) {
        Optional<SuiteState.Entry> running = SuiteState.read(workspace.stateFile())
                .entry("launcher")
                .filter(e -> e.process().isPresent());
        if (running.isPresent()) {
            console.line(
                    "The suite is already running (launcher pid %d): ./acse status, or ./acse down first.",
                    running.get().pid());
            return 1;
        }
        List<Integer> busy = FixedPorts.all().stream().filter(Launcher::inUse).toList();
        if (!busy.isEmpty()) {
            console.line(
                    "These ports are already taken: %s. Stop what uses them (./acse down if it is an earlier"
                            + " run) and try again.",
                    busy);
            return 1;
        }
        state = SuiteState.empty(workspace.stateFile());
        state.record("launcher", ProcessHandle.current());
        // Keycloak reads the realm from the repository, not from the copy packaged in the suite module.
        System.setProperty(
                KeycloakServer.REALM_FILE_PROPERTY, workspace.realmFile().toString());
        Suite.Builder builder = Suite.builder(workspace.root())
                .services(scope == Arguments.Scope.INFRA ? List.of() : Suite.SERVICES_AND_WEB)
                .fixedPorts()
                .database(DATABASE)
                .brokerInChildJvm(workspace.brokerClasspath(), workspace.kafkaData())
                .snapshotAppsInto(workspace.runtime().resolve("apps"))
                .logs(workspace.logs())
                .listener(new Progress());
        partitions.forEach(builder::partitions);
        Suite suite = builder.build();
        stops.push(suite::close);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "acse-stop"));
        long begin = System.nanoTime();
        console.line("Starting the Ac.Sé suite (logs in %s)", workspace.logs());
        if (!partitions.isEmpty()) {
            console.line(
                    "Kafka partitions: %s; every other topic %d",
                    partitions.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")),
                    org.acse.suite.Broker.DEFAULT_PARTITIONS);
        }
        try {
            suite.start();
            KeycloakServer keycloak = suite.keycloak().orElseThrow();
            SuiteApi api = new SuiteApi(keycloak.url());
            if (scope == Arguments.Scope.INFRA) {
                console.line("");
                console.line(
                        "Infrastructure up in %.1f s. Run a service with live reload, e.g."
                                + " ./mvnw quarkus:dev -pl intake-service (after ./mvnw install -DskipTests once).",
                        seconds(begin));
            } else if (scope == Arguments.Scope.EMPTY) {
                console.line("");
                console.line(
                        "Started without shelters (--empty) in %.1f s: load your network with POST"
                                + " /api/v1/shelters as coordinator.",
                        seconds(begin));
            } else {
                DemoReferral.Webhooks webhooks = loadDemoNetwork(api, keycloak);
                console.line("Suite up with the demo network in %.1f s.", seconds(begin));
                boolean delivered = new DemoReferral(api, console).run(Optional.of(webhooks));
                console.line(
                        "Demo %s %.1f s after ./acse up started.",
                        delivered ? "completed" : "incomplete", seconds(begin));
            }
            printDirectory(scope);
        } catch (RuntimeException e) {
            console.failed(e.getMessage());
            LOG.error("./acse up failed", e);
            return 1;
        }
        watch();
        return 0;
    }

    /** The suite's parts as progress lines, and each process in the state file as soon as it exists. */
    private final class Progress implements Suite.Listener {
        @Override
        public void starting(String part) {
            console.step(LABELS.getOrDefault(part, part));
        }

        @Override
        public void launched(String part, ProcessHandle process) {
            state.record(part, process);
        }

        @Override
        public void ready(String part, String where) {
            console.done("kafka".equals(part) ? where + ", topics and DLQs" : where);
        }

        @Override
        public void stopped(String part) {
            state.forget(part);
        }
    }

    private DemoReferral.Webhooks loadDemoNetwork(SuiteApi api, KeycloakServer keycloak) {
        List<DemoShelter> shelters = DemoNetwork.shelters();
        console.step("Demo network (" + shelters.size() + " shelters)");
        WebhookReceiver receiver = new WebhookReceiver();
        stops.push(receiver::close);
        String coordinator = api.token("coordinator");
        for (DemoNetwork.DemoScheme scheme : DemoNetwork.schemes()) {
            SuiteApi.Response created = api.post(SuiteApi.PLACEMENT + "/api/v1/schemes", coordinator, scheme.request());
            if (created.status() != 201) {
                throw new IllegalStateException("placement-service refused scheme " + scheme.code() + ": "
                        + created.status() + " " + created.body());
            }
        }
        // The first demo referral's partner, in Paris.
        keycloak.createUser(
                DemoReferral.PARTNER_PARIS,
                SuiteApi.DEMO_PASSWORD,
                "partner",
                Map.of("org_id", DemoReferral.ORG_PARIS));
        Map<String, String> secrets = new ConcurrentHashMap<>();
        Map<String, String> paths = new ConcurrentHashMap<>();
        // A few at a time: each staff user costs Keycloak a password hash, the rest is quick.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (DemoShelter shelter : shelters) {
                loads.add(
                        pool.submit(() -> loadShelter(api, keycloak, coordinator, receiver, shelter, secrets, paths)));
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
        int destiny = DemoNetwork.of(DemoNetwork.DESTINY).stream()
                .mapToInt(DemoShelter::places)
                .sum();
        console.done(places + " places (" + destiny + " in the " + DemoNetwork.DESTINY.name() + ", 06 and 83),"
                + " staff users, webhooks");
        return new DemoReferral.Webhooks(receiver, secrets, paths);
    }

    private static void loadShelter(
            SuiteApi api,
            KeycloakServer keycloak,
            String coordinator,
            WebhookReceiver receiver,
            DemoShelter shelter,
            Map<String, String> secrets,
            Map<String, String> paths) {
        SuiteApi.Response created = api.post(SuiteApi.PLACEMENT + "/api/v1/shelters", coordinator, shelter.request());
        if (created.status() != 201) {
            throw new IllegalStateException("placement-service refused shelter " + shelter.code() + ": "
                    + created.status() + " " + created.body());
        }
        String id = created.body().path("id").asText();
        keycloak.createUser(
                "staff." + shelter.code(), SuiteApi.DEMO_PASSWORD, "shelter-staff", Map.of("shelter_id", id));
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24)); // Standard Webhooks
        String path = "/shelters/" + shelter.code();
        Map<String, Object> channel =
                Map.of("emails", List.of(), "webhookUrl", receiver.url(path), "webhookSecret", secret);
        SuiteApi.Response registered =
                api.put(SuiteApi.NOTIFICATION + "/api/v1/shelters/" + id + "/channels", coordinator, channel);
        if (!registered.ok()) {
            throw new IllegalStateException("notification-service refused the channel of " + shelter.code() + ": "
                    + registered.status() + " " + registered.body());
        }
        secrets.put(id, secret);
        paths.put(id, path);
    }

    private void printDirectory(Arguments.Scope scope) {
        boolean empty = scope != Arguments.Scope.DEMO;
        console.line("");
        console.line("APIs (bearer token: ./acse token <user>):");
        for (String name : Suite.SERVICES) {
            String url = "http://127.0.0.1:" + FixedPorts.service(name);
            String management = "http://127.0.0.1:" + FixedPorts.management(name);
            console.line(
                    "  %-21s %s/api/v1   OpenAPI UI %s/q/swagger-ui   health %s/q/health",
                    name, url, management, management);
        }
        console.line(
                "Web application (partners, shelter teams, coordinators; French, English): http://127.0.0.1:%d/",
                FixedPorts.service(Suite.WEB));
        console.line("Keycloak: %s (realm acse; admin console: admin / admin, local only)", SuiteApi.KEYCLOAK);
        console.line("Kafka: 127.0.0.1:%d    PostgreSQL database: %s", FixedPorts.KAFKA, DATABASE);
        console.line(
                "Demo users (password demo): partner.nice (org-nice), partner.lyon (org-lyon), %scoordinator%s",
                empty ? "" : DemoReferral.PARTNER_PARIS + " (" + DemoReferral.ORG_PARIS + "), ",
                empty
                        ? ""
                        : ", staff.<shelter-code> for each shelter, e.g. staff."
                                + DemoNetwork.shelters().get(0).code());
        console.line("  more people: ./acse onboard staff <username> <shelter-id> (./acse help)");
        console.line(
                "  e.g. curl -H \"Authorization: Bearer $(./acse token coordinator)\" %s/api/v1/shelters",
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
                launcher.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("launcher did not stop within 60 s", e);
            }
            console.done("stopped");
        }
        // Whatever survived (the launcher killed -9, a stop that timed out): by pid, newest first.
        List<SuiteState.Entry> left = new ArrayList<>(recorded.entries());
        Collections.reverse(left);
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
            String health = !alive
                    ? "not running"
                    : switch (e.name()) {
                        case "kafka" -> inUse(FixedPorts.KAFKA) ? "up, 127.0.0.1:" + FixedPorts.KAFKA : "starting";
                        case "keycloak" ->
                            api.answers(SuiteApi.KEYCLOAK + "/realms/acse/.well-known/openid-configuration")
                                    ? "up, " + SuiteApi.KEYCLOAK
                                    : "starting";
                        case "launcher" -> "running";
                        default -> {
                            String url = "http://127.0.0.1:" + FixedPorts.service(e.name());
                            String ready = "http://127.0.0.1:" + FixedPorts.management(e.name()) + "/q/health/ready";
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
}
