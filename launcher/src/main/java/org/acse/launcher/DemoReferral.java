package org.acse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.suite.WebhookReceiver;

/**
 * Submits the demo referrals and tells what the suite did with each, in plain words: where the place was found
 * (department and region, never an address), whether the scheme asked for applied, and how the receiving team was
 * alerted. The first comes from {@code partner.paris} for a woman in danger in Paris who asks for the Destiny scheme:
 * she is placed in it, in the 06 or the 83. The second, from {@code partner.nice}, asks for the same scheme for a
 * woman and her child in danger in Nice: every place of the scheme is in the danger zone's department or too close
 * to it, so she goes far from the 06 anyway.
 */
public final class DemoReferral {
    static final String DANGER_ZONE = "06088";
    static final String PARIS = "75056";
    static final String PARTNER_PARIS = "partner.paris";
    static final String ORG_PARIS = "org-paris";
    private static final Set<String> DANGER_ZONE_EXCLUSIONS =
            Set.of("IN_DANGER_ZONE_DEPARTMENT", "TOO_CLOSE_TO_DANGER_ZONE");
    private static final Set<String> SETTLED =
            Set.of("PROPOSED", "ACCEPTED", "ARRIVED", "NO_MATCH", "NO_SHOW", "WITHDRAWN");

    /** The launcher's own webhook receiver and the secret each shelter's channel was registered with. */
    public record Webhooks(
            WebhookReceiver receiver, Map<String, String> secretByShelterId, Map<String, String> pathByShelterId) {}

    /** One demo referral: who sends it, for whom (in words), where the danger is, and the request body. */
    record Story(
            int number,
            String partner,
            String organisation,
            String who,
            String dangerCommune,
            String preferredScheme,
            Map<String, Object> body) {}

    private final SuiteApi api;
    private final Console console;
    private final Gazetteer gazetteer = Gazetteer.france();

    public DemoReferral(SuiteApi api, Console console) {
        this.api = api;
        this.console = console;
    }

    /** A woman alone in danger in Paris, who asks to move away through the Destiny scheme. */
    static Story fromParis() {
        return new Story(
                1,
                PARTNER_PARIS,
                ORG_PARIS,
                "a woman alone, in danger in Paris (75); she speaks English and"
                        + " French and needs psychological support",
                PARIS,
                DemoNetwork.DESTINY.code(),
                body(31, List.of(), List.of("en", "fr"), PARIS, DemoNetwork.DESTINY.code()));
    }

    /** A woman and her 4-year-old child in danger in Nice, whose partner asks for the same scheme. */
    static Story fromNice() {
        return new Story(
                2,
                "partner.nice",
                "org-nice",
                "a woman and her 4-year-old child, in danger in Nice (06); she"
                        + " speaks English and Yoruba and needs psychological support",
                DANGER_ZONE,
                DemoNetwork.DESTINY.code(),
                body(27, List.of(Map.of("age", 4)), List.of("en", "yo"), DANGER_ZONE, DemoNetwork.DESTINY.code()));
    }

    static List<Story> stories() {
        return List.of(fromParis(), fromNice());
    }

    /** The request body: invented identity (encrypted by intake, never shown again). */
    static Map<String, Object> body(
            int age, List<?> children, List<String> languages, String dangerCommune, String preferredScheme) {
        return Map.ofEntries(
                Map.entry(
                        "person",
                        Map.of(
                                "firstName",
                                "Demo",
                                "lastName",
                                "Exemple",
                                "nationality",
                                "NG",
                                "phone",
                                "+33600000000")),
                Map.entry("gender", "FEMALE"),
                Map.entry("age", age),
                Map.entry("children", children),
                Map.entry("languages", languages),
                Map.entry(
                        "needs",
                        Map.of(
                                "wheelchairAccess",
                                false,
                                "psychologicalSupport",
                                true,
                                "medicalCare",
                                false,
                                "interpreter",
                                false)),
                Map.entry("exploitation", List.of("SEXUAL")),
                Map.entry("dangerZones", List.of(Map.of("communeCode", dangerCommune))),
                Map.entry("currentLocation", Map.of("communeCode", dangerCommune)),
                Map.entry("urgency", "IMMEDIATE"),
                Map.entry("preferredScheme", preferredScheme),
                Map.entry(
                        "consent",
                        Map.of("dataSharing", true, "recordedAt", Instant.now().toString())));
    }

    /** Runs every story; returns true when each alert reached its receiving shelter. */
    public boolean run(Optional<Webhooks> webhooks) {
        boolean all = true;
        for (Story story : stories()) {
            all &= run(story, webhooks);
        }
        return all;
    }

    private boolean run(Story story, Optional<Webhooks> webhooks) {
        Commune danger = gazetteer.requireCommune(story.dangerCommune());
        console.line("");
        console.line(
                "Demo referral %d: %s (organisation %s) asks for a place in the scheme %s for",
                story.number(), story.partner(), story.organisation(), story.preferredScheme());
        console.line("  %s; urgency IMMEDIATE.", story.who());
        String partner = api.token(story.partner());
        long submitted = System.nanoTime();
        SuiteApi.Response created = api.post(SuiteApi.INTAKE + "/api/v1/referrals", partner, story.body());
        if (created.status() != 201) {
            console.line("  intake refused the referral: %d %s", created.status(), created.body());
            return false;
        }
        String id = created.body().path("id").asText();
        console.line(
                "  1. intake accepted it: 201, referral %s, pseudonym %s, status %s.",
                id,
                created.body().path("pseudonym").asText("?"),
                created.body().path("status").asText());

        // Placement decides; the partner's view follows from placement's events (and never names the shelter).
        String coordinator = api.token("coordinator");
        Optional<JsonNode> decided = await(Duration.ofSeconds(60), () -> {
            JsonNode held = api.get(SuiteApi.PLACEMENT + "/api/v1/placements?referralId=" + id, coordinator)
                    .body()
                    .path("items")
                    .path(0);
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
                    ? Optional.of(SuiteApi.JSON.createObjectNode().put("status", "NO_MATCH"))
                    : Optional.empty();
        });
        long decidedMs = (System.nanoTime() - submitted) / 1_000_000;
        if (decided.isEmpty()) {
            console.line("  2. no decision within 60 s: the referral is still being processed (see .acse/logs).");
            return false;
        }
        if (decided.get().path("status").asText().equals("NO_MATCH")) {
            console.line(
                    "  2. no eligible place (NO_MATCH after %d ms): coordinators are alerted and the referral"
                            + " is re-matched as soon as a place frees up.",
                    decidedMs);
            return false;
        }
        JsonNode placement = decided.get();
        String shelterId = placement.path("shelterId").asText();
        JsonNode shelter = api.get(SuiteApi.PLACEMENT + "/api/v1/shelters/" + shelterId, coordinator)
                .body();
        JsonNode preference = api.get(SuiteApi.PLACEMENT + "/api/v1/referrals/" + id + "/matching", coordinator)
                .body()
                .path("preferredScheme");
        Optional<Commune> where = gazetteer.commune(shelter.path("communeCode").asText(null));
        if (where.isPresent()) {
            placedLines(
                            gazetteer,
                            where.get(),
                            danger,
                            placement.path("status").asText(),
                            placement.path("holdExpiresAt").asText("?"),
                            decidedMs,
                            shelter.path("scheme"),
                            preference)
                    .forEach(console::line);
        } else {
            console.line(
                    "  2. placement-service held a place (%s) in shelter %s.",
                    placement.path("status").asText(), shelterId);
        }
        console.line(
                "  3. %s sees the referral as %s, without the shelter's identity or location.",
                story.partner(),
                api.get(SuiteApi.INTAKE + "/api/v1/referrals/" + id, partner)
                        .body()
                        .path("status")
                        .asText("?"));

        Optional<JsonNode> alert = await(Duration.ofSeconds(30), () -> {
            SuiteApi.Response r = api.get(SuiteApi.NOTIFICATION + "/api/v1/alerts?referralId=" + id, coordinator);
            return r.ok() && r.body().path("items").size() > 0
                    ? Optional.of(r.body().path("items").path(0))
                    : Optional.empty();
        });
        if (alert.isEmpty()) {
            console.line(
                    "  4. notification-service shows no alert for it yet (see .acse/logs/notification-service.log).");
            return false;
        }
        console.line(
                "  4. notification-service raised alert %s for that shelter's team (status %s).",
                alert.get().path("id").asText(), alert.get().path("status").asText());
        if (webhooks.isPresent()) {
            return awaitWebhook(webhooks.get(), shelterId, id, submitted);
        }
        Optional<JsonNode> delivered = await(Duration.ofSeconds(30), () -> {
            SuiteApi.Response r = api.get(SuiteApi.NOTIFICATION + "/api/v1/deliveries?referralId=" + id, coordinator);
            for (JsonNode d : r.body().path("items")) {
                if (d.path("status").asText().equals("DELIVERED")) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        });
        delivered.ifPresentOrElse(
                d -> console.line(
                        "  5. delivered to the team by %s at %s (seen %d ms after submission).",
                        d.path("channel").asText(),
                        d.path("deliveredAt").asText(),
                        (System.nanoTime() - submitted) / 1_000_000),
                () -> console.line("  5. no delivery confirmed yet (GET /api/v1/deliveries?referralId=%s).", id));
        return delivered.isPresent();
    }

    /**
     * Where the place was held, in plain words: the department and region (never an address), the distance from
     * the danger zone, the shelter's scheme, and what the scheme asked for did ({@code preference}: the matching
     * explanation's {@code preferredScheme}, missing when none was asked for).
     */
    static List<String> placedLines(
            Gazetteer gazetteer,
            Commune where,
            Commune danger,
            String status,
            String until,
            long ms,
            JsonNode scheme,
            JsonNode preference) {
        List<String> lines = new ArrayList<>();
        String department = gazetteer.requireDepartment(where.departmentCode()).name();
        String region = gazetteer.region(where.regionCode()).map(r -> r.name()).orElse(where.regionCode());
        String schemeName = scheme == null || scheme.isMissingNode() || scheme.isNull()
                ? null
                : scheme.path("name").asText(null);
        String schemeCode = schemeName == null ? null : scheme.path("code").asText(null);
        lines.add(String.format(
                "  2. placement-service held a place (%s until %s) in a shelter %sin %s (%s), region" + " %s,",
                status,
                until,
                schemeName == null ? "" : "of the " + schemeName + " (" + schemeCode + "), ",
                department,
                where.departmentCode(),
                region));
        boolean outside = !where.departmentCode().equals(danger.departmentCode());
        lines.add(String.format(
                "     %d km from the danger zone and %s its department, %d ms after submission. The"
                        + " address stays with placement-service.",
                Math.round(where.centre().distanceKm(danger.centre())), outside ? "outside" : "inside", ms));
        if (preference != null && !preference.isMissingNode() && !preference.isNull()) {
            String asked = preference.path("code").asText();
            if (preference.path("applied").asBoolean() && asked.equals(schemeCode)) {
                lines.add(String.format(
                        "     The scheme asked for (%s) was preferred in the ranking, once every hard"
                                + " constraint was met.",
                        asked));
            } else if (preference.path("applied").asBoolean()) {
                lines.add(String.format(
                        "     The scheme asked for (%s) had eligible places, but a better place ranked" + " first.",
                        asked));
            } else if (preference.path("sheltersInScheme").asInt() == 0) {
                lines.add(String.format("     The scheme asked for (%s) has no shelter in the network.", asked));
            } else {
                List<String> why = new ArrayList<>();
                boolean onlyDangerZones = true;
                for (var e : (Iterable<Map.Entry<String, JsonNode>>)
                        () -> preference.path("exclusionsInScheme").fields()) {
                    why.add(reason(e.getKey()) + " (" + e.getValue().asInt() + ")");
                    onlyDangerZones &= DANGER_ZONE_EXCLUSIONS.contains(e.getKey());
                }
                lines.add(String.format(
                        "     The scheme asked for (%s) could not apply: its %d shelters are %s; %s",
                        asked,
                        preference.path("sheltersInScheme").asInt(),
                        String.join(" or ", why),
                        onlyDangerZones
                                ? "the danger-zone rule wins over the scheme."
                                : "a preference never outranks the hard constraints (danger zones first)."));
            }
        }
        return lines;
    }

    private static String reason(String exclusion) {
        return switch (exclusion) {
            case "IN_DANGER_ZONE_DEPARTMENT" -> "in the danger zone's department";
            case "TOO_CLOSE_TO_DANGER_ZONE" -> "too close to the danger zone";
            case "GENDER_NOT_ACCEPTED" -> "not open to this gender";
            case "FAMILIES_NOT_ACCEPTED" -> "not open to families";
            default -> exclusion.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private boolean awaitWebhook(Webhooks webhooks, String shelterId, String referralId, long submitted) {
        String path = webhooks.pathByShelterId().get(shelterId);
        if (path == null) {
            console.line("  5. the chosen shelter is not one of the demo network's: no local webhook to watch.");
            return false;
        }
        Optional<WebhookReceiver.Delivery> delivery = await(
                Duration.ofSeconds(30),
                () -> webhooks.receiver().deliveries(path).stream()
                        .filter(d -> d.body().contains(referralId))
                        .findFirst());
        if (delivery.isEmpty()) {
            console.line("  5. no webhook call reached the launcher's receiver within 30 s.");
            return false;
        }
        long ms = (System.nanoTime() - submitted) / 1_000_000;
        boolean signed =
                signatureValid(delivery.get(), webhooks.secretByShelterId().get(shelterId));
        console.line(
                "  5. the shelter team's webhook received the alert (%s) within %d ms of submission;"
                        + " signature %s.",
                delivery.get().header("X-Acse-Event"), ms, signed ? "verified (Standard Webhooks)" : "NOT valid");
        console.line("     Staff of that shelter can now accept or decline it in the web application or the API.");
        return signed;
    }

    /**
     * Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}, keyed with
     * the bytes of the {@code whsec_<base64>} secret.
     */
    static boolean signatureValid(WebhookReceiver.Delivery delivery, String secret) {
        String id = delivery.header("webhook-id");
        String timestamp = delivery.header("webhook-timestamp");
        String signature = delivery.header("webhook-signature");
        if (id == null || timestamp == null || signature == null || secret == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((id + "." + timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(
                    ("v1," + Base64.getEncoder().encodeToString(expected)).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
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
