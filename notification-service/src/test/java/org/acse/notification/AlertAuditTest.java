package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every read of alerts and deliveries is a row of the audit log (who, with which role and tenant, what): one row per
 * list request, whatever it returns; none for a refused read.
 */
@QuarkusTest
class AlertAuditTest {
    final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @TestHTTPResource("/")
    URL base;

    record Row(String action, String subject, String role, String tenant) {}

    @Test
    void listsDetailsAcknowledgementsAndTheStreamOfAShelterAreAudited() {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String staff = Tokens.staff(shelter);
        String alertId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(staff)
                                .get("/api/v1/alerts")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        int listsBefore = rows("shelter", shelter).size();

        given().auth().oauth2(staff).get("/api/v1/alerts").then().statusCode(200);
        given().auth()
                .oauth2(staff)
                .get("/api/v1/alerts?status=OPEN,ESCALATED")
                .then()
                .statusCode(200);
        given().auth().oauth2(staff).get("/api/v1/alerts/" + alertId).then().statusCode(200);
        given().auth()
                .oauth2(staff)
                .post("/api/v1/alerts/" + alertId + "/ack")
                .then()
                .statusCode(200);
        // another shelter's staff are refused: nothing was read, nothing is recorded under the alert
        given().auth()
                .oauth2(Tokens.staff(UUID.randomUUID()))
                .get("/api/v1/alerts/" + alertId)
                .then()
                .statusCode(404);
        try (AlertStream ignored = AlertStream.open(base.toString().replaceAll("/$", ""), staff)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> rows("shelter", shelter).stream()
                            .anyMatch(r -> r.action().equals("alert.stream")));
        }

        Row listed = new Row("alert.list", "staff@" + shelter, "shelter-staff", shelter.toString());
        List<Row> shelterRows = rows("shelter", shelter);
        // one row per list request: the two above (besides those of the wait for the alert)
        assertThat(shelterRows.stream().filter(listed::equals)).hasSize(listsBefore + 2);
        assertThat(shelterRows)
                .contains(new Row("alert.stream", "staff@" + shelter, "shelter-staff", shelter.toString()));
        assertThat(rows("alert", UUID.fromString(alertId)))
                .containsExactlyInAnyOrder(
                        new Row("alert.read", "staff@" + shelter, "shelter-staff", shelter.toString()),
                        new Row("alert.acknowledge", "staff@" + shelter, "shelter-staff", shelter.toString()));
    }

    @Test
    void coordinatorsListsOfAlertsAndDeliveriesAreAudited() {
        UUID shelter = UUID.randomUUID();
        PlacementProposed proposed = SampleEvents.proposed(shelter, Urgency.WITHIN_7_DAYS);
        kafka.publish(EventType.PLACEMENT_PROPOSED, proposed);
        String coordinator = Tokens.coordinator();
        String alertId = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(coordinator)
                                .queryParam("referralId", proposed.referralId())
                                .get("/api/v1/alerts")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("items[0].id"),
                        id -> id != null);
        int before = rows("referral", proposed.referralId()).size();

        given().auth()
                .oauth2(coordinator)
                .queryParam("referralId", proposed.referralId())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(coordinator)
                .queryParam("alertId", alertId)
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200);
        long allBefore = rows("delivery-list", "FAILED").size();
        given().auth()
                .oauth2(coordinator)
                .queryParam("status", "FAILED")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(coordinator)
                .queryParam("shelterId", shelter)
                .get("/api/v1/alerts")
                .then()
                .statusCode(200);

        List<Row> referralRows = rows("referral", proposed.referralId());
        assertThat(referralRows).hasSize(before + 1);
        assertThat(referralRows.get(0)).isEqualTo(new Row("delivery.list", "coordinator", "coordinator", null));
        assertThat(rows("alert", UUID.fromString(alertId)))
                .containsExactly(new Row("delivery.list", "coordinator", "coordinator", null));
        assertThat(rows("delivery-list", "FAILED")).hasSize((int) allBefore + 1);
        assertThat(rows("shelter", shelter)).containsExactly(new Row("alert.list", "coordinator", "coordinator", null));
        // reading the audit log is not itself a read of alerts
        assertThat(rows("alert", UUID.fromString(alertId))).hasSize(1);
    }

    /** The audit rows about one target, newest first. */
    private static List<Row> rows(String targetType, Object targetId) {
        JsonPath page = given().auth()
                .oauth2(Tokens.coordinator())
                .queryParam("targetType", targetType)
                .queryParam("targetId", String.valueOf(targetId))
                .queryParam("size", 500)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream()
                .map(i -> new Row((String) i.get("action"), (String) i.get("subject"), (String) i.get("role"), (String)
                        i.get("tenant")))
                .toList();
    }
}
