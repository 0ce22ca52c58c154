package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Erasure on request from the web (ADR 17), on a phone: a coordinator opens a referral, reads what the erasure does
 * (in French, then in English), is told what is missing when the reason or the confirmation is not given, erases
 * it, and the referral page shows it erased; the referring partner sees that its data was erased and is never
 * offered the action, which intake refuses to partners and shelter teams anyway. axe finds nothing serious or
 * critical on any state of these pages.
 */
class ErasureJourneyIT {
    static final RunningSuite suite = RunningSuite.get();

    private static final Browser.Accessibility axe = new Browser.Accessibility();
    private static UUID referralId;
    private static String pseudonym;

    @BeforeAll
    static void aReferral() {
        Map<String, Object> referral = Map.of(
                "person",
                Map.of("firstName", "Efface", "lastName", "Exemple", "birthDate", "1991-03-02"),
                "gender",
                "FEMALE",
                "languages",
                List.of("fr"),
                "exploitation",
                List.of("LABOUR"),
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
        var submitted = given().auth()
                .oauth2(suite.identities.partner("org-nice"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(referral)
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract();
        referralId = UUID.fromString(submitted.path("id"));
        pseudonym = submitted.path("pseudonym");
    }

    @AfterAll
    static void noSeriousAccessibilityViolation() {
        assertThat(axe.violations())
                .as("serious or critical axe violations on %s", axe.visited())
                .isEmpty();
    }

    @Test
    void aCoordinatorErasesAReferralsPersonalDataAfterAReasonAndAnExplicitConfirmation() {
        String page = suite.web.url() + "/coordinator/referrals/" + referralId;
        WebDriver phone = Browser.chromium(390, 844);
        try {
            Browser.signIn(phone, suite.web.url(), "coordinator");
            phone.get(page);
            Browser.awaitReady(phone);
            WebElement erase = phone.findElement(By.id("erase"));
            assertThat(erase.getText()).isEqualTo("Effacer les données de " + pseudonym + "…");
            assertThat(phone.findElement(By.tagName("main")).getText()).contains("C'est définitif");
            axe.check(phone);

            Browser.click(phone, erase);
            Browser.awaitReady(phone);
            assertThat(phone.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Effacer définitivement les données personnelles de " + pseudonym);
            axe.check(phone);

            // in English too
            switchLanguage(phone);
            assertThat(phone.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Erase the personal data of " + pseudonym + " for good");
            assertThat(phone.findElement(By.id("confirm-erasure")).getText()).isEqualTo("Erase for good");
            axe.check(phone);
            switchLanguage(phone);

            // the browser asks for both; without them (its checks set aside) the page says which is missing
            ((JavascriptExecutor) phone)
                    .executeScript("document.querySelectorAll('#erasure-form [required]')"
                            + ".forEach(function (f) { f.removeAttribute('required'); })");
            Browser.click(phone, phone.findElement(By.id("confirm-erasure")));
            Browser.awaitReady(phone);
            assertThat(phone.findElement(By.id("err-reason")).getText()).startsWith("Indiquez le motif");
            assertThat(phone.findElement(By.id("err-confirm")).getText())
                    .isEqualTo("Cochez la confirmation pour effacer.");
            assertThat(phone.findElement(By.id("reason")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            axe.check(phone);
            assertThat(erased()).isFalse();

            phone.findElement(By.id("reason")).sendKeys("La personne a demandé l'effacement");
            Browser.click(phone, phone.findElement(By.id("confirm")));
            Browser.click(phone, phone.findElement(By.id("confirm-erasure")));
            Browser.awaitReady(phone);
            assertThat(phone.getCurrentUrl()).startsWith(page);
            assertThat(phone.findElement(By.id("done")).getText())
                    .isEqualTo("Données personnelles effacées dans tous les services.");
            assertThat(phone.findElement(By.id("personal-data-erased")).getText())
                    .isEqualTo("Effacées");
            assertThat(phone.findElement(By.cssSelector(".facts .status")).getText())
                    .isEqualTo("Retiré");
            assertThat(phone.findElements(By.id("erase"))).isEmpty();
            assertThat(phone.getPageSource()).doesNotContain("Efface<").doesNotContain("1991");
            axe.check(phone);
            assertThat(erased()).isTrue();
        } finally {
            phone.quit();
        }

        WebDriver partner = Browser.chromium(390, 844);
        try {
            Browser.signIn(partner, suite.web.url(), "partner.nice");
            partner.get(suite.web.url() + "/partner/referrals/" + referralId);
            Browser.awaitReady(partner);
            assertThat(partner.findElement(By.id("erased")).getText())
                    .isEqualTo("Les données personnelles de ce signalement ont été effacées.");
            assertThat(partner.findElement(By.tagName("main")).getText()).doesNotContain("Effacer");
            axe.check(partner);
        } finally {
            partner.quit();
        }

        // the action is intake's, for coordinators only
        String staff = suite.identities.staff("ER" + referralId.toString().substring(0, 4), UUID.randomUUID());
        for (String token : List.of(suite.identities.partner("org-nice"), staff)) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "not theirs to erase"))
                    .post(suite.intake.url() + "/api/v1/referrals/" + referralId + "/erasure")
                    .then()
                    .statusCode(403);
        }
    }

    /** The language switch in the page's header, then the same page in the other language. */
    private static void switchLanguage(WebDriver driver) {
        Browser.click(driver, driver.findElement(By.cssSelector("form[action='/lang'] button")));
        Browser.awaitReady(driver);
    }

    private static boolean erased() {
        Boolean erased = given().auth()
                .oauth2(suite.identities.coordinator())
                .get(suite.intake.url() + "/api/v1/referrals/" + referralId)
                .then()
                .statusCode(200)
                .extract()
                .path("personalDataErased");
        return Boolean.TRUE.equals(erased);
    }
}
