package org.acse.suite;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a packaged service needs on one machine beyond the shared keys (database, broker, issuer, port), where
 * production takes the same settings from its secrets. Used by the launcher and the end-to-end tests alike.
 */
public final class LocalSettings {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param webUrl          base URL of the web application (links in alerts point to its pages)
     * @param smtpPort        a local SMTP server's port, or 0 for none (mail is then only logged)
     */
    public static Map<String, String> forService(String service, String webUrl, int smtpPort) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (service) {
            case "intake-service" -> {
                // Fresh keys per run: a local run's database is fresh too, so nothing encrypted outlives them.
                p.put("acse.crypto.active-key-id", "local-1");
                p.put("acse.crypto.keys", "local-1:" + randomKey());
                p.put("acse.crypto.duplicate-key", randomKey());
                p.put("acse.crypto.idempotency-key", randomKey());
            }
            case "placement-service" -> {
                p.put("acse.crypto.active-key-id", "local-1");
                p.put("acse.crypto.keys", "local-1:" + randomKey());
            }
            case "notification-service" -> {
                p.put("acse.crypto.active-key-id", "local-1");
                p.put("acse.crypto.keys", "local-1:" + randomKey());
                p.put("acse.alert.web-url", webUrl);
                // the local webhook receivers listen on loopback, which production refuses
                p.put("acse.webhook.allowed-hosts", "127.0.0.1,localhost");
                p.put("quarkus.mailer.host", "127.0.0.1");
                if (smtpPort > 0) {
                    p.put("quarkus.mailer.port", String.valueOf(smtpPort));
                    p.put("quarkus.mailer.start-tls", "DISABLED");
                } else {
                    p.put("quarkus.mailer.mock", "true");
                }
            }
            default -> {}
        }
        // Nothing routes by endpoints here: a second of draining (readiness down, still serving) is enough for a
        // client that polls readiness, where Kubernetes needs the 5 s of production.
        p.put("quarkus.shutdown.delay", "1s");
        return p;
    }

    /** 256 random bits, Base64: an AES key or a session secret. */
    public static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private LocalSettings() {}
}
