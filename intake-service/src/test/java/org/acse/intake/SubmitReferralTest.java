package org.acse.intake;

import static org.acse.intake.ReferralFixtures.as;
import static org.acse.intake.ReferralFixtures.child;
import static org.acse.intake.ReferralFixtures.counts;
import static org.acse.intake.ReferralFixtures.json;
import static org.acse.intake.ReferralFixtures.map;
import static org.acse.intake.ReferralFixtures.validBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.acse.common.events.DangerZone;
import org.acse.common.events.EventType;
import org.acse.common.events.ReferralSubmitted;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.PrometheusScrape;
import org.acse.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** One test per validation rule of product §7, and the accepted submission with its event. */
@QuarkusTest
class SubmitReferralTest {
    @Inject
    DataSource dataSource;

    @Test
    void aValidReferralIsStoredAndPublishedWithoutPersonalData() {
        Map<String, Object> body = validBody();
        String id = as(Tokens.partner(Tokens.ORG_A))
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/referrals/"))
                .body("status", equalTo("SUBMITTED"))
                .body("pseudonym", matchesPattern("R-[A-Z2-9]{8}"))
                .extract()
                .path("id");

        ReferralSubmitted event = KafkaEvents.onSharedBroker()
                .await(EventType.REFERRAL_SUBMITTED, UUID.fromString(id), ReferralSubmitted.class);
        String record = KafkaEvents.onSharedBroker()
                .records(EventType.REFERRAL_SUBMITTED, UUID.fromString(id))
                .get(0)
                .value();
        assertThat(record).doesNotContain("Amara", "Okafor", "1996-03-14", "12 34", "network twice", "SEXUAL");
        assertThat(event.household().size()).isEqualTo(2);
        assertThat(event.household().adultAge()).isBetween(29, 31);
        assertThat(event.organisationId()).isEqualTo(Tokens.ORG_A);
        assertThat(event.minDistanceKm()).isEqualTo(200);
        assertThat(event.languages()).containsExactly("fr", "en");
        assertThat(event.dangerZones()).hasSize(3);
        // The point given (43.7, 7.26, 30 km) leaves intake on the grid, wider: never as given.
        assertThat(event.dangerZones().get(2)).isEqualTo(DangerZone.point(43.7, 7.3, 38));
        assertThat(record).doesNotContain("7.26");
        assertThat(event.preferredScheme()).isNull();
    }

    @Test
    void aPreferredSchemeTravelsInTheEventAndABadOneIsNamed() {
        Map<String, Object> body = validBody();
        body.put("preferredScheme", "destiny");
        String id = as(Tokens.partner(Tokens.ORG_A))
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ReferralSubmitted event = KafkaEvents.onSharedBroker()
                .await(EventType.REFERRAL_SUBMITTED, UUID.fromString(id), ReferralSubmitted.class);
        assertThat(event.preferredScheme()).isEqualTo("DESTINY");
        for (Object bad : List.of("x", "not a scheme!", "A".repeat(17), 42)) {
            body.put("preferredScheme", bad);
            as(Tokens.partner(Tokens.ORG_A))
                    .body(json(body))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("preferredScheme"))
                    .body(Matchers.not(containsString("not a scheme!")));
        }
    }

    @Test
    void aSubmissionCountsOnceInTheMetricsAndAReplayDoesNot() {
        double before = submittedTotal();
        String key = UUID.randomUUID().toString();
        String body = json(validBody());
        as(Tokens.partner(Tokens.ORG_A))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
        as(Tokens.partner(Tokens.ORG_A))
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
        as(Tokens.partner(Tokens.ORG_A))
                .body("{}")
                .post("/api/v1/referrals")
                .then()
                .statusCode(Matchers.allOf(Matchers.greaterThanOrEqualTo(400), Matchers.lessThan(500)));
        assertThat(submittedTotal() - before).isEqualTo(1.0);
    }

    private static double submittedTotal() {
        return new PrometheusScrape(RestAssured.get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .sum("acse_referrals_submitted_total");
    }

    @Test
    void ageMayBeGivenInsteadOfABirthDate() {
        Map<String, Object> body = validBody();
        child(body, "person").remove("birthDate");
        body.put("age", 34);
        as(Tokens.partner(Tokens.ORG_A))
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void aMinorIsSentToChildProtection() {
        Map<String, Object> body = validBody();
        child(body, "person").put("birthDate", LocalDate.now().minusYears(16).toString());
        refuse(body, 422, "minor", "person.birthDate").body("detail", containsString("child protection"));

        Map<String, Object> byAge = validBody();
        child(byAge, "person").remove("birthDate");
        byAge.put("age", 17);
        refuse(byAge, 422, "minor", "age").body("detail", containsString("119"));
    }

    @Test
    void ageOrBirthDateIsRequired() {
        Map<String, Object> body = validBody();
        child(body, "person").remove("birthDate");
        refuse(body, 400, "validation", "age");
    }

    @Test
    void ageAndBirthDateMustAgree() {
        Map<String, Object> body = validBody();
        body.put("age", 50);
        refuse(body, 400, "validation", "age");
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        Map<String, Object> body = validBody();
        child(body, "person").put("birthDate", LocalDate.now().plusDays(3).toString());
        refuse(body, 400, "validation", "person.birthDate");
    }

    @Test
    void identityNamesAreRequired() {
        Map<String, Object> body = validBody();
        child(body, "person").put("lastName", "  ");
        refuse(body, 400, "validation", "person.lastName");
        Map<String, Object> noPerson = validBody();
        noPerson.remove("person");
        noPerson.put("age", 30);
        refuse(noPerson, 400, "validation", "person");
    }

    @Test
    void nationalityAndPhoneAreChecked() {
        Map<String, Object> body = validBody();
        child(body, "person").put("nationality", "XX");
        refuse(body, 400, "validation", "person.nationality");
        Map<String, Object> phone = validBody();
        child(phone, "person").put("phone", "call me maybe");
        refuse(phone, 400, "validation", "person.phone");
    }

    @Test
    void genderIsRequiredAndFromTheList() {
        Map<String, Object> body = validBody();
        body.remove("gender");
        refuse(body, 400, "validation", "gender");
        Map<String, Object> unknown = validBody();
        unknown.put("gender", "OTHER");
        refuse(unknown, 400, "malformed-body", "gender").body("errors[0].message", containsString("NON_BINARY"));
    }

    @Test
    void urgencyIsRequiredAndFromTheList() {
        Map<String, Object> body = validBody();
        body.remove("urgency");
        refuse(body, 400, "validation", "urgency");
        Map<String, Object> unknown = validBody();
        unknown.put("urgency", "TOMORROW");
        refuse(unknown, 400, "malformed-body", "urgency");
    }

    @Test
    void childrenAreAged0To17() {
        Map<String, Object> body = validBody();
        body.put("children", List.of(map("age", 3), map("age", 18)));
        refuse(body, 400, "validation", "children[1].age");
        Map<String, Object> negative = validBody();
        negative.put("children", List.of(map("age", -1)));
        refuse(negative, 400, "validation", "children[0].age");
        Map<String, Object> missing = validBody();
        missing.put("children", List.of(map()));
        refuse(missing, 400, "validation", "children[0].age");
    }

    @Test
    void languagesAreIso639Codes() {
        Map<String, Object> body = validBody();
        body.put("languages", List.of("fr", "ron", "klingon"));
        refuse(body, 400, "validation", "languages[2]");
        Map<String, Object> twoLetters = validBody();
        twoLetters.put("languages", List.of("zz"));
        refuse(twoLetters, 400, "validation", "languages[0]");
    }

    @Test
    void atLeastOneDangerZoneIsRequired() {
        Map<String, Object> body = validBody();
        body.put("dangerZones", List.of());
        refuse(body, 400, "validation", "dangerZones");
        Map<String, Object> absent = validBody();
        absent.remove("dangerZones");
        refuse(absent, 400, "validation", "dangerZones");
    }

    @Test
    void unknownCommuneAndDepartmentCodesAreRefusedByName() {
        Map<String, Object> commune = validBody();
        commune.put("dangerZones", List.of(map("communeCode", "99999")));
        refuse(commune, 400, "validation", "dangerZones[0].communeCode");
        Map<String, Object> department = validBody();
        department.put("dangerZones", List.of(map("communeCode", "06088"), map("departmentCode", "00")));
        refuse(department, 400, "validation", "dangerZones[1].departmentCode");
        Map<String, Object> current = validBody();
        current.put("currentLocation", map("communeCode", "12345"));
        refuse(current, 400, "validation", "currentLocation.communeCode");
        Map<String, Object> noCurrent = validBody();
        noCurrent.remove("currentLocation");
        refuse(noCurrent, 400, "validation", "currentLocation");
    }

    @Test
    void aDangerZoneHasExactlyOneForm() {
        Map<String, Object> body = validBody();
        body.put("dangerZones", List.of(map("communeCode", "06088", "departmentCode", "06")));
        refuse(body, 400, "validation", "dangerZones[0]");
    }

    @Test
    void latitudeLongitudeAndRadiusAreInRange() {
        Map<String, Object> lat = validBody();
        lat.put("dangerZones", List.of(map("lat", 91.0, "lon", 7.0, "radiusKm", 10.0)));
        refuse(lat, 400, "validation", "dangerZones[0].lat");
        Map<String, Object> lon = validBody();
        lon.put("dangerZones", List.of(map("lat", 43.0, "lon", -180.5, "radiusKm", 10.0)));
        refuse(lon, 400, "validation", "dangerZones[0].lon");
        Map<String, Object> radius = validBody();
        radius.put("dangerZones", List.of(map("lat", 43.0, "lon", 7.0, "radiusKm", 0)));
        refuse(radius, 400, "validation", "dangerZones[0].radiusKm");
        Map<String, Object> noRadius = validBody();
        noRadius.put("dangerZones", List.of(map("lat", 43.0, "lon", 7.0)));
        refuse(noRadius, 400, "validation", "dangerZones[0].radiusKm");
    }

    @Test
    void onlyACoordinatorMayAskForLessThanThePolicyDistance() {
        Map<String, Object> body = validBody();
        body.put("minDistanceKm", 150);
        refuse(body, 400, "validation", "minDistanceKm").body("errors[0].message", containsString("coordinator"));
        as(Tokens.coordinator())
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
        Map<String, Object> more = validBody();
        more.put("minDistanceKm", 450);
        as(Tokens.partner(Tokens.ORG_A))
                .body(json(more))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
        Map<String, Object> zero = validBody();
        zero.put("minDistanceKm", 0);
        as(Tokens.coordinator())
                .body(json(zero))
                .post("/api/v1/referrals")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("minDistanceKm"));
    }

    @Test
    void consentToDataSharingIsRequired() {
        Map<String, Object> body = validBody();
        child(body, "consent").put("dataSharing", false);
        refuse(body, 400, "validation", "consent.dataSharing");
        Map<String, Object> absent = validBody();
        absent.remove("consent");
        refuse(absent, 400, "validation", "consent");
        Map<String, Object> future = validBody();
        child(future, "consent").put("recordedAt", "2999-01-01T00:00:00Z");
        refuse(future, 400, "validation", "consent.recordedAt");
    }

    @Test
    void notesHaveAtMost2000Characters() {
        Map<String, Object> body = validBody();
        body.put("notes", "n".repeat(2_001));
        refuse(body, 400, "validation", "notes");
        body.put("notes", "n".repeat(2_000));
        as(Tokens.partner(Tokens.ORG_A))
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void bodiesOver64KiBAreRefusedWith413() {
        Map<String, Long> before = counts(dataSource);
        for (int size : new int[] {70 * 1024, 2 * 1024 * 1024}) {
            Map<String, Object> body = validBody();
            body.put("padding", "p".repeat(size));
            as(Tokens.partner(Tokens.ORG_A))
                    .body(json(body))
                    .post("/api/v1/referrals")
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:acse:problem:payload-too-large"))
                    .body("errors[0].field", equalTo("body"));
        }
        assertThat(counts(dataSource)).isEqualTo(before);
    }

    @Test
    void everyOffendingFieldIsListedAtOnce() {
        Map<String, Object> body = validBody();
        body.remove("gender");
        body.put("notes", "n".repeat(3_000));
        child(body, "consent").put("dataSharing", false);
        refuse(body, 400, "validation", "gender")
                .body("errors.field", hasItem("notes"))
                .body("errors.field", hasItem("consent.dataSharing"));
    }

    /** Posts as a partner, expects a problem naming the field, and checks that nothing was written. */
    private ValidatableResponse refuse(Map<String, Object> body, int status, String type, String field) {
        Map<String, Long> before = counts(dataSource);
        ValidatableResponse response = as(Tokens.partner(Tokens.ORG_A))
                .body(json(body))
                .post("/api/v1/referrals")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:acse:problem:" + type))
                .body("title", Matchers.notNullValue())
                .body("errors.field", hasItem(field));
        assertThat(counts(dataSource)).isEqualTo(before);
        return response;
    }
}
