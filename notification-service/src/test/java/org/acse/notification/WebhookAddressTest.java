package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhooks never reach the service's own network (SSRF): refused when saved and again before every call. */
@QuarkusTest
class WebhookAddressTest {
    static final String SECRET = "whsec_c2hlbHRlci13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";

    @Inject
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/hook",
                "https://192.168.1.1/hook",
                "http://127.0.0.2:8080/hook",
                "http://[::1]/hook",
                "http://[::ffff:169.254.169.254]/hook",
                "http://[fd00::1]/hook",
                "http://[fe80::1]/hook",
                "http://224.0.0.1/hook",
                "http://metadata.google.internal/computeMetadata/v1/"
            })
    void aChannelPointingInsideIsRefusedAndNothingIsSaved(String url) {
        UUID shelter = UUID.randomUUID();
        String answer = given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"emails\":[\"team@foyer.example\"],\"webhookUrl\":\"" + url + "\",\"webhookSecret\":\""
                        + SECRET + "\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", Matchers.contains("webhookUrl"))
                .extract()
                .asString();
        assertThat(answer).doesNotContain(url);
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .get("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200)
                .body("emails", Matchers.empty())
                .body("webhookUrl", Matchers.nullValue());
    }

    @Test
    void aCallToAnAddressInsideFailsAtOnceWithAReasonAndNoUrl() throws SQLException {
        UUID shelter = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.staff(shelter))
                .contentType("application/json")
                .body("{\"emails\":[],\"webhookUrl\":\"http://127.0.0.1:9/hook\",\"webhookSecret\":\"" + SECRET + "\"}")
                .put("/api/v1/shelters/" + shelter + "/channels")
                .then()
                .statusCode(200);
        // as if saved before the rule, or by a host whose name now resolves inside
        try (Connection c = dataSource.getConnection();
                PreparedStatement update =
                        c.prepareStatement("UPDATE channel_setting SET webhook_url = ? WHERE owner_id = ?")) {
            update.setString(1, "http://169.254.169.254/latest/meta-data/");
            update.setString(2, shelter.toString());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        KafkaEvents.onSharedBroker().publish(EventType.PLACEMENT_PROPOSED, proposed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath deliveries = given().auth()
                    .oauth2(Tokens.coordinator())
                    .queryParam("referralId", proposed.referralId())
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(deliveries.getList("items.recipientId", String.class)).contains(shelter.toString());
            int mine = deliveries.getList("items.recipientId", String.class).indexOf(shelter.toString());
            assertThat(deliveries.getString("items[" + mine + "].status")).isEqualTo("FAILED");
            assertThat(deliveries.getInt("items[" + mine + "].attempts")).isEqualTo(1);
            assertThat(deliveries.getString("items[" + mine + "].lastError")).isEqualTo("refused-cloud-metadata");
        });
    }
}
