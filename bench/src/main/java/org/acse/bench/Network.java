package org.acse.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.acse.testsupport.Tokens;

/**
 * The shelters of a run, far from the danger zone (Nice) so that every referral can be placed, each with its own
 * webhook receiver, and the referral bodies the load sends.
 */
public final class Network implements AutoCloseable {
    /** Big cities more than 200 km from Nice and outside the Alpes-Maritimes. */
    static final List<String> FAR_COMMUNES =
            List.of("75056", "69123", "59350", "33063", "44109", "67482", "31555", "35238", "29019", "21231");

    public record Shelter(UUID id, String code, List<UUID> units) {}

    private final Map<String, Long> firstAlert = new ConcurrentHashMap<>();
    private final List<AlertReceiver> receivers = new ArrayList<>();
    private final List<Shelter> shelters = new ArrayList<>();

    /** Referral id → nanoTime its first alert reached a receiver. */
    public Map<String, Long> firstAlert() {
        return firstAlert;
    }

    public List<Shelter> shelters() {
        return shelters;
    }

    public long deliveries() {
        return receivers.stream().mapToLong(AlertReceiver::deliveries).sum();
    }

    /** Referrals that got more than one alert delivery (a shelter alerted twice for one proposal). */
    public long referralsAlertedTwice() {
        return receivers.stream()
                .flatMap(r -> r.deliveriesPerReferral().values().stream())
                .filter(n -> n > 1)
                .count();
    }

    /** Every webhook delivery received, by its {@code webhook-id} → how many times it arrived. */
    public Map<String, Integer> receiptsPerWebhookId() {
        Map<String, Integer> all = new HashMap<>();
        receivers.forEach(r -> r.receiptsPerWebhookId().forEach((id, n) -> all.merge(id, n, Integer::sum)));
        return all;
    }

    /** Registers {@code count} shelters of {@code unitsEach} free units, each with a webhook receiver. */
    public void addShelters(SuiteUnderTest suite, int count, int unitsEach, String codePrefix) {
        String coordinator = Tokens.coordinator();
        for (int i = 0; i < count; i++) {
            String code = codePrefix + i;
            Shelter shelter = createShelter(
                    suite.placement(), coordinator, code, FAR_COMMUNES.get(i % FAR_COMMUNES.size()), unitsEach);
            AlertReceiver receiver = new AlertReceiver(firstAlert);
            receivers.add(receiver);
            Json.Answer a = Json.send(
                    "PUT",
                    suite.notification() + "/api/v1/shelters/" + shelter.id() + "/channels",
                    coordinator,
                    Map.of(
                            "emails",
                            List.of(),
                            "webhookUrl",
                            receiver.url(),
                            "webhookSecret",
                            "whsec_"
                                    + Base64.getEncoder()
                                            .encodeToString(("bench-webhook-secret-0123456789-" + code)
                                                    .getBytes(StandardCharsets.UTF_8))));
            if (a.status() / 100 != 2) {
                throw new IllegalStateException("channel of " + code + " refused: " + a.status() + " " + a.raw());
            }
            shelters.add(shelter);
        }
    }

    /** Many shelters without webhooks, created in parallel: for the matching scenario. */
    public static int createMany(String placementUrl, int count, String codePrefix, int threads) {
        String coordinator = Tokens.coordinator();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Shelter>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> createShelter(
                        placementUrl, coordinator, codePrefix + n, FAR_COMMUNES.get(n % FAR_COMMUNES.size()), 10)));
            }
            for (Future<Shelter> f : futures) {
                f.get();
            }
            return count;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create shelters", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Shelter createShelter(String placementUrl, String token, String code, String commune, int units) {
        List<Map<String, Object>> unitList = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            unitList.add(Map.of("capacity", 4));
        }
        Map<String, Object> body = Map.of(
                "code",
                code,
                "name",
                "Bench shelter " + code,
                "communeCode",
                commune,
                "address",
                "1 rue du banc d'essai",
                "active",
                true,
                "accepts",
                Map.of("genders", List.of("FEMALE", "MALE", "NON_BINARY"), "families", true, "maxChildren", 3),
                "wheelchairAccessible",
                true,
                "support",
                List.of("PSYCHOLOGICAL", "MEDICAL"),
                "languages",
                List.of("fr", "en", "ro"),
                "units",
                unitList);
        Json.Answer a = Json.send("POST", placementUrl + "/api/v1/shelters", token, body);
        if (a.status() != 201 || a.body() == null) {
            throw new IllegalStateException("shelter " + code + " refused: " + a.status() + " " + a.raw());
        }
        List<UUID> unitIds = new ArrayList<>();
        a.body()
                .path("units")
                .forEach(u -> unitIds.add(UUID.fromString(u.path("id").asText())));
        return new Shelter(UUID.fromString(a.body().path("id").asText()), code, unitIds);
    }

    /** A valid referral from Nice; a little variety so that no two bodies are the same. */
    public static String referralBody() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int age = 19 + r.nextInt(40);
        String children = r.nextInt(4) == 0 ? "[{\"age\":" + (1 + r.nextInt(12)) + "}]" : "[]";
        return """
                {"person":{"firstName":"Bench","lastName":"Person","nationality":"RO","phone":"+33600000000"},"gender":"FEMALE","age":%d,"children":%s,"languages":["ro","fr"],\
                "needs":{"wheelchairAccess":false,"psychologicalSupport":%b,"medicalCare":false,"interpreter":false},\
                "exploitation":["SEXUAL"],"dangerZones":[{"communeCode":"06088"}],\
                "currentLocation":{"communeCode":"06088"},"urgency":"IMMEDIATE",\
                "consent":{"dataSharing":true,"recordedAt":"2026-11-29T08:00:00Z"}}""".formatted(age, children, r.nextBoolean());
    }

    @Override
    public void close() {
        receivers.forEach(AlertReceiver::close);
    }
}
