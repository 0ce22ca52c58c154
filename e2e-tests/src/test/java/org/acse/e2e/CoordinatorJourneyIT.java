package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A coordinator in a real headless Chromium against the whole suite: a referral nobody can take in (a mother with
 * five children) is on the board as without a place; its explanation says why the one close shelter is excluded;
 * the coordinator corrects that shelter in the registry (a field error from placement first, next to its field),
 * places the referral by hand on its unit from the explanation, and reads the figures, where small cells say
 * "moins de 5". axe finds nothing serious or critical on any page, on a laptop and on a phone.
 */
class CoordinatorJourneyIT {
    static final RunningSuite suite = RunningSuite.get();

    private static final Browser.Accessibility axe = new Browser.Accessibility();
    private static String shelterCode;
    private static UUID referralId;
    private static String pseudonym;

    @BeforeAll
    static void aReferralWithoutAPlace() {
        shelterCode = "CJ" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        suite.registerShelter(Map.of(
                "code",
                shelterCode,
                "name",
                "Maison " + shelterCode,
                "communeCode",
                "35238",
                "address",
                "5 rue de l'Exemple",
                "active",
                true,
                "accepts",
                Map.of("genders", List.of("FEMALE"), "families", true, "maxChildren", 2),
                "wheelchairAccessible",
                false,
                "support",
                List.of("SOCIAL"),
                "languages",
                List.of("fr"),
                "units",
                List.of(Map.of("capacity", 3))));
        Map<String, Object> referral = Map.of(
                "person",
                Map.of("firstName", "Ada", "lastName", "Exemple", "birthDate", "1990-05-01"),
                "gender",
                "FEMALE",
                "children",
                List.of(Map.of("age", 2), Map.of("age", 4), Map.of("age", 6), Map.of("age", 8), Map.of("age", 10)),
                "languages",
                List.of("fr"),
                "exploitation",
                List.of("DOMESTIC_SERVITUDE"),
                "dangerZones",
                List.of(Map.of("communeCode", "06088")),
                "currentLocation",
                Map.of("communeCode", "06088"),
                "urgency",
                "WITHIN_7_DAYS",
                "consent",
                Map.of(
                        "dataSharing",
                        true,
                        "recordedAt",
                        Instant.now().minusSeconds(60).toString()));
        String partner = suite.identities.partner("org-nice");
        var submitted = given().auth()
                .oauth2(partner)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(referral)
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract();
        referralId = UUID.fromString(submitted.path("id"));
        pseudonym = submitted.path("pseudonym");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().auth()
                                .oauth2(partner)
                                .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                                .then()
                                .extract()
                                .path("status"),
                        "NO_MATCH"::equals);
    }

    @AfterAll
    static void noSeriousAccessibilityViolation() {
        assertThat(axe.violations())
                .as("serious or critical axe violations on %s", axe.visited())
                .isEmpty();
    }

    @Test
    void aCoordinatorSeesANoMatchCorrectsAShelterPlacesByHandAndReadsTheFigures() throws Exception {
        WebDriver laptop = Browser.chromium(1280, 800);
        try {
            Browser.signIn(laptop, suite.web.url(), "coordinator");
            assertThat(laptop.getCurrentUrl()).endsWith("/coordinator");
            WebElement noMatch = laptop.findElement(By.cssSelector("section[data-status='NO_MATCH']"));
            assertThat(noMatch.getText()).contains(pseudonym);
            axe.check(laptop);
            Browser.screenshot(laptop, "coordinator-board");

            noMatch.findElement(By.linkText(pseudonym)).click();
            Browser.awaitReady(laptop);
            assertThat(laptop.findElement(By.cssSelector(".facts .status")).getText())
                    .isEqualTo("Aucune place trouvée");
            WebElement matching = laptop.findElement(By.id("matching"));
            WebElement row = rowOf(matching, shelterCode);
            assertThat(row.getText()).containsAnyOf("Trop d'enfants", "Aucune unité assez grande");
            axe.check(laptop);
            Browser.screenshot(laptop, "coordinator-referral");

            // The registry: the shelter found by its code, corrected; placement's field error shown first.
            laptop.get(suite.web.url() + "/coordinator/shelters?q=" + shelterCode);
            Browser.awaitReady(laptop);
            axe.check(laptop);
            laptop.findElement(By.linkText(shelterCode)).click();
            Browser.awaitReady(laptop);
            axe.check(laptop);
            WebElement commune = laptop.findElement(By.id("communeCode"));
            commune.clear();
            commune.sendKeys("99999");
            set(laptop, "maxChildren", "5");
            set(laptop, "unit-0", "6");
            // a second unit: if the re-matching holds one, the explanation still offers the other
            set(laptop, "newUnits", "6");
            Browser.click(laptop, laptop.findElement(By.cssSelector("#shelter-form button[type=submit]")));
            Browser.awaitReady(laptop);
            assertThat(laptop.findElement(By.id("err-communeCode")).getText()).isNotBlank();
            assertThat(laptop.findElement(By.id("communeCode")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(laptop.findElement(By.id("maxChildren")).getAttribute("value"))
                    .isEqualTo("5");
            axe.check(laptop);
            set(laptop, "communeCode", "35238");
            Browser.click(laptop, laptop.findElement(By.cssSelector("#shelter-form button[type=submit]")));
            Browser.awaitReady(laptop);
            assertThat(laptop.findElement(By.id("done")).getText()).isEqualTo("Structure enregistrée.");
            axe.check(laptop);

            // Back on the referral: the shelter is eligible now (or already holds the place, from the re-matching
            // a published place starts); the coordinator places it there by hand.
            laptop.get(suite.web.url() + "/coordinator/referrals/" + referralId);
            Browser.awaitReady(laptop);
            WebElement place = await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                laptop.navigate().refresh();
                                Browser.awaitReady(laptop);
                                return rowOf(laptop.findElement(By.id("matching")), shelterCode)
                                        .findElement(By.cssSelector("button[type=submit]"));
                            },
                            e -> e != null);
            Browser.click(laptop, place);
            Browser.awaitReady(laptop);
            assertThat(laptop.findElement(By.id("done")).getText()).startsWith("Place retenue");
            assertThat(laptop.findElement(By.id("placements")).getText()).contains("Place réservée");
            axe.check(laptop);

            laptop.get(suite.web.url() + "/coordinator/figures?by=urgency");
            Browser.awaitReady(laptop);
            assertThat(laptop.findElement(By.id("figure-delays")).getText()).contains("moins de 5");
            assertThat(laptop.findElement(By.id("figure-exploitation")).getText())
                    .contains("Servitude domestique");
            axe.check(laptop);
            laptop.get(suite.web.url() + "/coordinator/log/audit?service=placement");
            Browser.awaitReady(laptop);
            axe.check(laptop);
            laptop.get(suite.web.url() + "/coordinator/log/deliveries");
            Browser.awaitReady(laptop);
            axe.check(laptop);
        } finally {
            laptop.quit();
        }

        WebDriver phone = Browser.chromium(390, 844);
        try {
            Browser.signIn(phone, suite.web.url(), "coordinator");
            axe.check(phone);
            phone.get(suite.web.url() + "/coordinator/figures?by=month");
            Browser.awaitReady(phone);
            assertThat(phone.findElement(By.tagName("main")).getText()).contains("moins de 5");
            axe.check(phone);
            Browser.screenshot(phone, "coordinator-figures", By.cssSelector("main table"));
            phone.get(suite.web.url() + "/coordinator/referrals/" + referralId);
            Browser.awaitReady(phone);
            axe.check(phone);
            phone.get(suite.web.url() + "/coordinator/shelters/new");
            Browser.awaitReady(phone);
            axe.check(phone);
        } finally {
            phone.quit();
        }
    }

    private static WebElement rowOf(WebElement table, String text) {
        return table.findElements(By.tagName("tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElseThrow();
    }

    private static void set(WebDriver driver, String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        Browser.click(driver, field);
        field.clear();
        field.sendKeys(value);
    }
}
