package org.acse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.testsupport.WebhookReceiver;

/**
 * Submits a sample referral as {@code partner.nice} (a woman and her child, in danger in Nice) and tells what the
 * suite did with it, in plain words: where the place was found (department and region, never an address) and how
 * the receiving team was alerted.
 */
public final class DemoReferral {
    static final String DANGER_ZONE = "06088";
    private static final Set<String> SETTLED = Set.of("PROPOSED", "ACCEPTED", "ARRIVED", "NO_MATCH", "WITHDRAWN");

    /** The launcher's own webhook receiver and the secret each shelter's channel was registered with. */
    public record Webhooks(WebhookReceiver receiver, Map<String, String> secretByShelterId,
            Map<String, String> pathByShelterId) {
    }

    private final SuiteApi api;
    private final Console console;
    private final Gazetteer gazetteer = Gazetteer.france();

    public DemoReferral(SuiteApi api, Console console) {
        this.api = api;
        this.console = console;
    }

    /** The request body: invented identity (encrypted by intake, never shown again). */
    static Map<String, Object> body() {
        return Map.ofEntries(
                Map.entry("person", Map.of("firstName", "Demo", "lastName", "Exemple", "nationality", "NG",
                        "phone", "+33600000000")),
                Map.entry("gender", "FEMALE"), Map.entry("age", 27), Map.entry("children", List.of(Map.of("age", 4))),
                Map.entry("languages", List.of("en", "yo")),
                Map.entry("needs", Map.of("wheelchairAccess", false, "psychologicalSupport", true, "medicalCare",
                        false, "interpreter", false)),
                Map.entry("exploitation", List.of("SEXUAL")),
                Map.entry("dangerZones", List.of(Map.of("communeCode", DANGER_ZONE))),
                Map.entry("currentLocation", Map.of("communeCode", DANGER_ZONE)), Map.entry("urgency", "IMMEDIATE"),
                Map.entry("consent", Map.of("dataSharing", true, "recordedAt", Instant.now().toString())));
    }

    /** Runs the story; returns true when an alert reached the receiving shelter. */
    public boolean run(Optional<Webhooks> webhooks) {
        Commune nice = gazetteer.requireCommune(DANGER_ZONE);
        console.line("");
        console.line("Demo referral: partner.nice (organisation org-nice) asks for a place for a woman and her"
                + " 4-year-old child,");
        console.line("  in danger in %s (%s); she speaks English and Yoruba and needs psychological support; urgency"
                + " IMMEDIATE.", nice.name(), nice.departmentCode());
        String partner = api.token("partner.nice");
        long submitted = System.nanoTime();
        SuiteApi.Response created = api.post(SuiteApi.INTAKE + "/api/v1/referrals", partner, body());
        if (created.status() != 201) {
            console.line("  intake refused the referral: %d %s", created.status(), created.body());
            return false;
        }
        String id = created.body().path("id").asText();
        console.line("  1. intake accepted it: 201, referral %s, pseudonym %s, status %s.", id,
                created.body().path("pseudonym").asText("?"), created.body().path("status").asText());

        // Placement decides; the partner's view follows from placement's events (and never names the shelter).
        String coordinator = api.token("coordinator");
        Optional<JsonNode> decided = await(Duration.ofSeconds(60), () -> {
            JsonNode held = api.get(SuiteApi.PLACEMENT + "/api/v1/placements?referralId=" + id, coordinator).body()
                    .path("items").path(0);
            if (!held.isMissingNode()) {
                return Optional.of(held);
            }
            SuiteApi.Response r = api.get(SuiteApi.INTAKE + "/api/v1/referrals/" + id, partner);
            if (r.body().path("status").asText().equals("NO_MATCH")) {
                return Optional.of(r.body());
            }
            // Placement's own record of its decision, should the partner's view lag behind.
            SuiteApi.Response m = api.get(SuiteApi.PLACEMENT + "/api/v1/referrals/" + id + "/matching", coordinator);
            return m.ok() && m.body().path("eligible").asInt(-1) == 0
                    ? Optional.of(SuiteApi.JSON.createObjectNode().put("status", "NO_MATCH")) : Optional.empty();
        });
        long decidedMs = (System.nanoTime() - submitted) / 1_000_000;
        if (decided.isEmpty()) {
            console.line("  2. no decision within 60 s: the referral is still being processed (see .acse/logs).");
            return false;
        }
        if (decided.get().path("status").asText().equals("NO_MATCH")) {
            console.line("  2. no eligible place (NO_MATCH after %d ms): coordinators are alerted and the referral"
                    + " is re-matched as soon as a place frees up.", decidedMs);
            return false;
        }
        JsonNode placement = decided.get();
        String shelterId = placement.path("shelterId").asText();
        SuiteApi.Response shelter = api.get(SuiteApi.PLACEMENT + "/api/v1/shelters/" + shelterId, coordinator);
        Optional<Commune> where = gazetteer.commune(shelter.body().path("communeCode").asText(null));
        if (where.isPresent()) {
            Commune c = where.get();
            console.line("  2. placement-service held a place (%s until %s) in a shelter in %s (%s), region %s,",
                    placement.path("status").asText(), placement.path("holdExpiresAt").asText("?"),
                    gazetteer.requireDepartment(c.departmentCode()).name(), c.departmentCode(),
                    gazetteer.region(c.regionCode()).map(r -> r.name()).orElse(c.regionCode()));
            console.line("     %d km from the danger zone and outside its department, %d ms after submission. The"
                    + " address stays with placement-service.", Math.round(c.centre().distanceKm(nice.centre())),
                    decidedMs);
        } else {
            console.line("  2. placement-service held a place (%s) in shelter %s.", placement.path("status").asText(),
                    shelterId);
        }
        console.line("  3. partner.nice sees the referral as %s, without the shelter's identity or location.",
                api.get(SuiteApi.INTAKE + "/api/v1/referrals/" + id, partner).body().path("status").asText("?"));

        Optional<JsonNode> alert = await(Duration.ofSeconds(30), () -> {
            SuiteApi.Response r = api.get(SuiteApi.NOTIFICATION + "/api/v1/alerts?referralId=" + id, coordinator);
            return r.ok() && r.body().path("items").size() > 0 ? Optional.of(r.body().path("items").path(0))
                    : Optional.empty();
        });
        if (alert.isEmpty()) {
            console.line("  4. notification-service shows no alert for it yet (see .acse/logs/notification-service.log).");
            return false;
        }
        console.line("  4. notification-service raised alert %s for that shelter's team (status %s).",
                alert.get().path("id").asText(), alert.get().path("status").asText());
        if (webhooks.isPresent()) {
            return awaitWebhook(webhooks.get(), shelterId, id, submitted);
        }
        Optional<JsonNode> delivered = await(Duration.ofSeconds(30), () -> {
            SuiteApi.Response r = api.get(SuiteApi.NOTIFICATION + "/api/v1/deliveries?referralId=" + id,
                    coordinator);
            for (JsonNode d : r.body().path("items")) {
                if (d.path("status").asText().equals("DELIVERED")) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        });
        delivered.ifPresentOrElse(
                d -> console.line("  5. delivered to the team by %s at %s (seen %d ms after submission).",
                        d.path("channel").asText(), d.path("deliveredAt").asText(),
                        (System.nanoTime() - submitted) / 1_000_000),
                () -> console.line("  5. no delivery confirmed yet (GET /api/v1/deliveries?referralId=%s).", id));
        return delivered.isPresent();
    }

    private boolean awaitWebhook(Webhooks webhooks, String shelterId, String referralId, long submitted) {
        String path = webhooks.pathByShelterId().get(shelterId);
        if (path == null) {
            console.line("  5. the chosen shelter is not one of the demo network's: no local webhook to watch.");
            return false;
        }
        Optional<WebhookReceiver.Delivery> delivery = await(Duration.ofSeconds(30),
                () -> webhooks.receiver().deliveries(path).stream().filter(d -> d.body().contains(referralId))
                        .findFirst());
        if (delivery.isEmpty()) {
            console.line("  5. no webhook call reached the launcher's receiver within 30 s.");
            return false;
        }
        long ms = (System.nanoTime() - submitted) / 1_000_000;
        boolean signed = signatureValid(delivery.get(), webhooks.secretByShelterId().get(shelterId));
        console.line("  5. the shelter team's webhook received the alert (%s) within %d ms of submission;"
                + " signature %s.", delivery.get().header("X-Acse-Event"), ms,
                signed ? "verified (HMAC-SHA256)" : "NOT valid");
        console.line("     Staff of that shelter can now accept or decline it on the dashboard or the API.");
        return signed;
    }

    /** {@code X-Acse-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} (the brief's webhook contract). */
    static boolean signatureValid(WebhookReceiver.Delivery delivery, String secret) {
        String timestamp = delivery.header("X-Acse-Timestamp");
        String signature = delivery.header("X-Acse-Signature");
        if (timestamp == null || signature == null || secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(("sha256=" + HexFormat.of().formatHex(expected))
                    .getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static <T> Optional<T> await(Duration timeout, Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
