package org.acse.notification;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.acse.suite.WebhookReceiver;

/**
 * The Standard Webhooks reference library (npm {@code standardwebhooks}, pinned), run by Node.js on a delivery a
 * {@link WebhookReceiver} got: what a partner's receiver would do. Installed once with npm into the user's cache.
 */
final class StandardWebhooksReference {
    static final String VERSION = "1.1.1";
    private static final Path HOME = Path.of(
            System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache"),
            "acse",
            "standardwebhooks-" + VERSION);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one verification: {@code valid}, else the library's reason. */
    record Outcome(boolean valid, String reason) {}

    static Outcome verify(WebhookReceiver.Delivery delivery, String secret) {
        return verify(delivery.body(), delivery.headers(), secret);
    }

    static synchronized Outcome verify(String body, Map<String, String> headers, String secret) {
        install();
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script().toString()).redirectErrorStream(true);
            builder.environment().put("NODE_PATH", HOME.resolve("node_modules").toString());
            Process node = builder.start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(Map.of("secret", secret, "body", body, "headers", headers)));
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("the Standard Webhooks check did not finish within 30 s");
            }
            return new Outcome(node.exitValue() == 0, output);
        } catch (IOException e) {
            return fail("could not run node: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static void install() {
        requireNode();
        if (Files.exists(HOME.resolve("node_modules/.package-lock.json"))
                && Files.exists(HOME.resolve("node_modules/standardwebhooks/package.json"))) {
            return;
        }
        run(
                List.of(
                        "npm",
                        "install",
                        "--prefix",
                        HOME.toString(),
                        "--no-audit",
                        "--no-fund",
                        "--loglevel=error",
                        "standardwebhooks@" + VERSION),
                300,
                "npm install standardwebhooks@" + VERSION);
    }

    private static void requireNode() {
        try {
            run(List.of("node", "--version"), 30, "node --version");
            run(List.of("npm", "--version"), 30, "npm --version");
        } catch (AssertionError e) {
            fail("Node.js and npm are needed to check webhooks with the Standard Webhooks reference library"
                    + " (npm standardwebhooks " + VERSION + "): install them, e.g. the Debian packages nodejs and"
                    + " npm (.ci/run does). " + e.getMessage());
        }
    }

    private static void run(List<String> command, int seconds, String what) {
        try {
            Files.createDirectories(HOME);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail(what + " failed: " + output.trim());
            }
        } catch (IOException e) {
            fail(what + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(what + " interrupted");
        }
    }

    private static Path script() {
        try {
            return Path.of(StandardWebhooksReference.class
                    .getResource("/standardwebhooks/verify.js")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private StandardWebhooksReference() {}
}
