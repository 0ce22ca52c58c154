package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.acse.suite.WebhookReceiver;
import org.acse.testsupport.Tokens;

/** Reading alerts and webhook deliveries as the tests need them. */
final class TestAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The deliveries on this path about this referral (the coordination channel is shared by every test). */
    static List<WebhookReceiver.Delivery> about(WebhookReceiver receiver, String path, UUID referralId) {
        return receiver.deliveries(path).stream()
                .filter(d -> referralId.toString().equals(referralOf(d)))
                .toList();
    }

    private static String referralOf(WebhookReceiver.Delivery delivery) {
        try {
            return JSON.readTree(delivery.body()).path("referralId").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A referral's alerts of one kind, as coordinators list them. */
    static JsonPath ofKind(UUID referralId, String kind) {
        return given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("referralId", referralId)
                .queryParam("kind", kind)
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void awaitStatus(String token, String alertId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(token)
                                .get("/api/v1/alerts/" + alertId)
                                .then()
                                .extract()
                                .<String>path("status"),
                        status::equals);
    }

    private TestAlerts() {}
}
