package org.acse.placement.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.EventType;
import org.acse.common.events.Gender;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.ReferralSubmitted;
import org.acse.common.events.Urgency;
import org.acse.placement.Fixtures;
import org.acse.platform.retention.MessageRetention;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.SchemaDump;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention (ADR 11): 30 days after a referral closed, placement forgets it — its copy, meeting point and comments —
 * and keeps its placements for the figures, linked to nobody. An open referral is left as it is.
 */
@QuarkusTest
class RetentionTest {
    private final KafkaEvents kafka = KafkaEvents.onSharedBroker();

    @Inject
    Fixtures fixtures;

    @Inject
    RetentionJob retention;

    @Inject
    MessageRetention messages;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void cleanNetwork() {
        fixtures.reset();
    }

    @Test
    void aClosedReferralIsForgottenAndItsPlacementsStayLinkedToNobody() {
        JsonPath lyon = Fixtures.shelter(Fixtures.LYON, 2);
        JsonPath paris = Fixtures.shelter(Fixtures.PARIS, 2);
        ReferralSubmitted closed = Fixtures.referral(Gender.FEMALE, List.of(7), Urgency.IMMEDIATE);
        kafka.publish(EventType.REFERRAL_SUBMITTED, closed);
        PlacementProposed first =
                kafka.await(EventType.PLACEMENT_PROPOSED, closed.referralId(), PlacementProposed.class);
        UUID declining = first.shelterId();
        given().auth()
                .oauth2(Tokens.staff(declining))
                .contentType("application/json")
                .body("{\"reason\":\"STAFF_UNAVAILABLE\",\"comment\":\"canapé-lit cassé\"}")
                .post("/api/v1/placements/" + first.placementId() + "/decline")
                .then()
                .statusCode(200);
        PlacementProposed second = kafka.await(
                EventType.PLACEMENT_PROPOSED,
                closed.referralId(),
                PlacementProposed.class,
                p -> !p.placementId().equals(first.placementId()));
        String at = Instant.now()
                .plus(3, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        given().auth()
                .oauth2(Tokens.staff(second.shelterId()))
                .contentType("application/json")
                .body("{\"meetingPoint\":{\"place\":\"Hall de la gare\",\"at\":\"" + at + "\"}}")
                .post("/api/v1/placements/" + second.placementId() + "/accept")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.staff(second.shelterId()))
                .post("/api/v1/placements/" + second.placementId() + "/arrival")
                .then()
                .statusCode(200);

        ReferralSubmitted open = Fixtures.womanInNice();
        kafka.publish(EventType.REFERRAL_SUBMITTED, open);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.referralStatus(open.referralId()) != null
                        && !fixtures.referralStatus(open.referralId()).equals("SEARCHING"));
        awaitPublished(closed.referralId());
        String openBefore = fixtures.list("SELECT r::text FROM referral r WHERE id = '" + open.referralId() + "'")
                        .toString()
                + fixtures.list(
                        "SELECT p::text FROM placement p WHERE referral_id = '" + open.referralId() + "' ORDER BY id");

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(29)))).isZero();
        assertThat(fixtures.referralStatus(closed.referralId())).isEqualTo("ARRIVED");

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
        messages.run(Instant.now().plus(Duration.ofDays(36)));
        assertThat(fixtures.referralStatus(closed.referralId())).isNull();
        // The placements stay for the figures: which shelter, what answer and why, when; not for whom.
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE id IN ('" + first.placementId() + "', '"
                        + second.placementId() + "') AND referral_id IS NULL AND comment_ciphertext IS NULL"
                        + " AND meeting_point_ciphertext IS NULL"))
                .isEqualTo(2);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE id = '" + first.placementId() + "'"
                        + " AND status = 'DECLINED' AND decline_reason = 'STAFF_UNAVAILABLE'"))
                .isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM placement WHERE id = '" + second.placementId() + "'"
                        + " AND status = 'ARRIVED' AND shelter_id = '" + second.shelterId() + "'"))
                .isEqualTo(1);

        // The open referral is untouched, and so are its placements.
        assertThat(fixtures.list("SELECT r::text FROM referral r WHERE id = '" + open.referralId() + "'")
                                .toString()
                        + fixtures.list("SELECT p::text FROM placement p WHERE referral_id = '" + open.referralId()
                                + "' ORDER BY id"))
                .isEqualTo(openBefore)
                .contains(Fixtures.NICE);

        // The canary: no row left names the closed referral or its pseudonym together with a household, a zone or
        // a shelter (the audit log names only who read what, by id).
        List<String> linked = Arrays.stream(dump().split("\n"))
                .filter(row -> row.contains(closed.referralId().toString()) || row.contains(closed.pseudonym()))
                .toList();
        assertThat(linked)
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(
                                Fixtures.NICE,
                                "childrenAges",
                                "FEMALE",
                                Fixtures.id(lyon).toString(),
                                Fixtures.id(paris).toString(),
                                first.placementId().toString(),
                                second.placementId().toString()));

        // Idempotent: a second run, or another replica's, changes nothing more.
        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isZero();
    }

    private void awaitPublished(UUID referral) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.count("SELECT count(*) FROM outbox_message" + " WHERE message_key = '" + referral
                                + "' AND published_at IS NULL")
                        == 0);
    }

    /** Every row of every table of the placement schema, as text. */
    private String dump() {
        return SchemaDump.of(dataSource, "placement");
    }
}
