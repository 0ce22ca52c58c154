package org.acse.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A real Keycloak server ({@code bin/kc.sh start-dev}, in-memory database) with the {@code acse} realm imported from
 * {@code keycloak/acse-realm.json}, running as a child process on 127.0.0.1. The realm is re-imported on every start.
 * Used by end-to-end tests, browser tests and the launcher; service tests use test-support's lighter TestIssuer.
 * First start on a machine ≈ 45 s (Keycloak's one-time build step), later starts ≈ 15 s.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "acse";
    /** Public client for people: password grant ({@code ./acse token}, end-to-end tests). */
    public static final String CLI_CLIENT = "acse-cli";
    /** The realm file to import instead of the copy packaged in this module (the launcher passes the repo's). */
    public static final String REALM_FILE_PROPERTY = "acse.keycloak.realm-file";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_USER = "admin";
    private static KeycloakServer shared;

    private final int port;
    private final int managementPort;
    private final String adminPassword;
    private final Path logFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final KeycloakAdmin admin;
    private Process process;

    private KeycloakServer(int port, int managementPort, String adminPassword, Path logFile) {
        this.port = port;
        this.managementPort = managementPort;
        this.adminPassword = adminPassword;
        this.logFile = logFile;
        this.admin = new KeycloakAdmin("http://127.0.0.1:" + port, ADMIN_USER, adminPassword);
    }

    /** One Keycloak per JVM on free ports, shared by every test class, stopped when the JVM exits. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            try {
                // Under Maven the working directory is the module: keep the log in its target/ where people look.
                Path target = Path.of("target");
                Path dir = Files.isDirectory(target)
                        ? Files.createDirectories(target.resolve("keycloak"))
                        : Files.createTempDirectory("acse-keycloak");
                shared = start(Ports.free(), Ports.free(), "admin-" + UUID.randomUUID(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** For the launcher: a fixed port, admin {@code admin}/{@code admin} (local use only), log in {@code workDir}. */
    public static KeycloakServer start(int port, Path workDir) {
        return start(port, Ports.free(), "admin", workDir);
    }

    private static synchronized KeycloakServer start(int port, int managementPort, String adminPassword, Path workDir) {
        try {
            Files.createDirectories(workDir);
            KeycloakServer server =
                    new KeycloakServer(port, managementPort, adminPassword, workDir.resolve("keycloak.log"));
            Path home = KeycloakDistribution.home();
            installRealm(home);
            if (Files.exists(home.resolve(".acse-built"))) {
                // Usually 20–40 s on 2 cores; with a load average far above the cores it has needed more than 120 s.
                server.launch(home, Duration.ofSeconds(240));
            } else {
                // Keycloak's first start builds into lib/quarkus of the cached distribution, which every test JVM
                // and the launcher start from: one of them runs that step while the others wait, then all reuse it.
                try (FileChannel channel = FileChannel.open(
                                home.resolveSibling(home.getFileName() + ".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    server.launch(home, Duration.ofSeconds(300));
                    Files.writeString(home.resolve(".acse-built"), "built by the first start\n");
                }
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void installRealm(Path home) throws IOException {
        byte[] realm;
        String file = System.getProperty(REALM_FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            realm = Files.readAllBytes(Path.of(file));
        } else {
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/acse-realm.json")) {
                if (in == null) {
                    throw new IllegalStateException("keycloak/acse-realm.json missing from the suite module");
                }
                realm = in.readAllBytes();
            }
        }
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        Path target = imports.resolve("acse-realm.json");
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), realm)) {
            return;
        }
        Path staging = Files.createTempFile(imports, "acse-realm", ".staging");
        Files.write(staging, realm);
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void launch(Path home, Duration timeout) throws IOException {
        List<String> command = List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--hostname=http://127.0.0.1:" + port,
                "--import-realm",
                "--db=dev-mem");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx256m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long started = System.nanoTime();
        process = builder.start();
        awaitReady(timeout);
        LOG.infof("Keycloak ready on %s in %d ms (log: %s)", url(), (System.nanoTime() - started) / 1_000_000, logFile);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited with " + process.exitValue() + " during startup: " + tail());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while Keycloak was starting", e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout.toSeconds() + " s: " + tail());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "last lines of " + logFile + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "see " + logFile;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code quarkus.oidc.auth-server-url} of the services. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** An access token for a person, by password grant through the public {@code acse-cli} client. */
    public String passwordToken(String user, String password) {
        return token(
                REALM,
                Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", user, "password", password));
    }

    /** A service account's token (client credentials); the realm's local secrets are {@code <client>-local-secret}. */
    public String clientCredentialsToken(String clientId, String secret) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 200) {
            // Keycloak's error body names the error (invalid_grant...), never the password.
            throw new IllegalStateException("token request refused with " + r.statusCode() + ": " + r.body());
        }
        return json(r.body()).path("access_token").asText();
    }

    /** The realm's admin API, as the bootstrap administrator of this server. */
    public KeycloakAdmin admin() {
        return admin;
    }

    /**
     * Creates a person in the realm (or updates them if the username exists) with one realm role and user-profile
     * attributes such as {@code org_id} or {@code shelter_id}, and a permanent password. Returns the Keycloak user id.
     */
    public String createUser(String username, String password, String realmRole, Map<String, String> attributes) {
        return admin.createUser(
                username, new KeycloakAdmin.Password(password, false), realmRole, attributes, List.of());
    }

    /** Adds a valid redirect URI (and its web origin) to a client, e.g. the web application on a random test port. */
    public void addRedirectUri(String clientId, String uri) {
        admin.addRedirectUri(clientId, uri);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak on " + url() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops Keycloak (the start script forwards the signal to its JVM), and the JVM too should the script not. */
    @Override
    public synchronized void close() {
        if (process != null) {
            ProcessTree.stop(process.toHandle(), Duration.ofSeconds(20));
            process = null;
        }
    }
}
