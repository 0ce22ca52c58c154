package org.acse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web application in a real headless Chromium against the whole suite: a partner signs in on the real Keycloak
 * page (in French), fills the referral form on a phone-sized screen, gets one field error from intake next to its
 * field, corrects it with the commune search and sees the referral submitted; the receiving shelter's team, on a
 * laptop-sized screen, sees the proposal in words, accepts it after confirming, reads the identity and records the
 * arrival, then signs out: the back button shows nothing of the identity and the page asked again goes through the
 * login and back to it; on a phone, the team opens "Mes places" and confirms a place still free. axe finds no serious or critical violation on any page visited, and no personal data reaches a URL or
 * the browser's storage.
 */
class WebJourneyIT {
    static final RunningSuite suite = RunningSuite.get();
    /** A name no other test uses: it must appear only where the identity is released. */
    static final String FIRST_NAME = "Ilinca" + UUID.randomUUID().toString().substring(0, 6);

    static final String PHONE = "+33 6 11 22 33 44";

    private static final Browser.Accessibility axe = new Browser.Accessibility();
    private static String shelterCode;
    private static UUID shelterId;

    @BeforeAll
    static void shelterForThisJourney() {
        // Only this shelter fits the journey's person (non-binary, a child, three needs), so the proposal is its.
        shelterCode = "WEB" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        shelterId = suite.registerShelter(Map.of(
                "code",
                shelterCode,
                "name",
                "Foyer " + shelterCode,
                "communeCode",
                "44109",
                "address",
                "3 quai de la Fosse",
                "active",
                true,
                "accepts",
                Map.of("genders", List.of("NON_BINARY"), "families", true, "maxChildren", 2),
                "wheelchairAccessible",
                true,
                "support",
                List.of("PSYCHOLOGICAL", "MEDICAL"),
                "languages",
                List.of("fr", "ro"),
                "units",
                List.of(Map.of("capacity", 2), Map.of("capacity", 3))));
        suite.identities.staff(shelterCode, shelterId);
    }

    @AfterAll
    static void noSeriousAccessibilityViolation() {
        assertThat(axe.violations())
                .as("serious or critical axe violations on %s", axe.visited())
                .isEmpty();
    }

    @Test
    void aPartnerSubmitsAReferralAndTheShelterTeamAcceptsAndRecordsTheArrival() throws Exception {
        String pseudonym;
        WebDriver partner = Browser.chromium(390, 844);
        try {
            signIn(partner, "partner.nice");
            assertThat(partner.getCurrentUrl()).endsWith("/partner");
            assertThat(partner.findElement(By.tagName("h1")).getText()).isEqualTo("Mes signalements");
            axe.check(partner);

            partner.findElement(By.id("new-referral")).click();
            Browser.awaitReady(partner);
            axe.check(partner);
            fillReferral(partner);
            partner.findElement(By.id("dangerZones")).sendKeys("99999");
            partner.findElement(By.id("submit-referral")).click();

            // intake names dangerZones[0].communeCode; the form shows it next to that field, keeping what was typed
            Browser.awaitReady(partner);
            WebElement error = partner.findElement(By.id("err-dangerZones"));
            assertThat(error.getText()).contains("zone de danger");
            assertThat(partner.findElement(By.id("dangerZones")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(partner.findElement(By.id("dangerZones")).getAttribute("aria-describedby"))
                    .contains("err-dangerZones");
            assertThat(partner.findElement(By.id("form-errors")).getText()).contains("zone de danger");
            assertThat(partner.findElement(By.id("firstName")).getAttribute("value"))
                    .isEqualTo(FIRST_NAME);
            assertThat(partner.findElements(By.className("field-error"))).hasSize(1);
            axe.check(partner);

            // corrected with the commune search: typing "Nice" offers Nice (06088), one click adds its code
            WebElement zones = partner.findElement(By.id("dangerZones"));
            zones.clear();
            partner.findElement(By.id("commune-search")).sendKeys("Nice");
            WebElement nice = await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> partner.findElement(By.cssSelector("[data-add-zone='06088']")), e -> e != null);
            nice.click();
            assertThat(zones.getAttribute("value")).isEqualTo("06088");
            partner.findElement(By.id("submit-referral")).click();

            Browser.awaitReady(partner);
            WebElement submitted = partner.findElement(By.id("submitted"));
            assertThat(submitted.getText()).startsWith("Signalement envoyé : pseudonyme R-");
            pseudonym = submitted.getText().replaceAll(".*pseudonyme (R-[A-Z0-9]+).*", "$1");
            assertThat(partner.findElement(By.id("referral-status")).getText())
                    .isIn("Envoyé", "Recherche en cours", "Place proposée");
            assertThat(partner.findElement(By.id("timeline")).getText()).contains("Envoyé", "(heure de Paris)");
            axe.check(partner);
            assertNothingPersonalLeftInTheBrowser(partner);

            partner.findElement(By.linkText("← Mes signalements")).click();
            Browser.awaitReady(partner);
            assertThat(partner.findElement(By.id("referrals")).getText()).contains(pseudonym);
            axe.check(partner);
            Browser.screenshot(partner, "partner-referrals");
        } finally {
            partner.quit();
        }

        WebDriver staff = Browser.chromium(1280, 800);
        try {
            signIn(staff, "staff." + shelterCode.toLowerCase());
            assertThat(staff.getCurrentUrl()).endsWith("/staff");
            String card = "li[data-placement-id]";
            // the proposal, with the household, needs and languages from the alert, in words
            WebElement proposal = await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                staff.navigate().refresh();
                                Browser.awaitReady(staff);
                                return staff.findElements(By.cssSelector("#proposals " + card)).stream()
                                        .filter(c -> c.getText().contains(pseudonym)
                                                && c.getText().contains("Non binaire"))
                                        .findFirst()
                                        .orElse(null);
                            },
                            e -> e != null);
            assertThat(proposal.getText())
                    .contains(
                            "Non binaire, 30 ans, avec enfant(s) de 4 ans",
                            "Accès en fauteuil roulant",
                            "Soutien psychologique",
                            "Soins médicaux",
                            "Roumain",
                            "Immédiate (sous 24 h)",
                            "Place réservée jusqu'au",
                            "(heure de Paris)")
                    .doesNotContain(FIRST_NAME);
            assertThat(new Select(proposal.findElement(By.name("reason"))).getOptions())
                    .extracting(o -> o.getAttribute("textContent"))
                    .contains("Choisir…", "Risque pour la sécurité", "Barrière de la langue");
            axe.check(staff);
            Browser.screenshot(staff, "staff-proposals");

            proposal.findElement(By.cssSelector("[data-action='accept']")).click();
            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.tagName("h1")).getText()).isEqualTo("Confirmer l'accueil de " + pseudonym);
            axe.check(staff);
            staff.findElement(By.id("confirm-accept")).click();

            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.id("done")).getText()).isEqualTo("Accueil confirmé.");
            // intake releases the identity once it has the acceptance from placement-service's event
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(
                            () -> {
                                if (staff.findElements(By.cssSelector("#identity .first-name"))
                                        .isEmpty()) {
                                    staff.navigate().refresh();
                                    Browser.awaitReady(staff);
                                }
                                return staff.findElement(By.cssSelector("#identity .first-name"))
                                        .getText();
                            },
                            FIRST_NAME::equals);
            axe.check(staff);

            // accepted placements stay listed until arrival, after any reload
            staff.get(suite.web.url() + "/staff");
            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.id("accepted")).getText()).contains(pseudonym);
            staff.findElement(By.cssSelector("#accepted " + card + " a")).click();
            Browser.awaitReady(staff);
            staff.findElement(By.id("record-arrival")).click();
            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.id("done")).getText()).isEqualTo("Arrivée enregistrée.");
            assertThat(staff.findElement(By.cssSelector(".facts .status")).getText())
                    .isEqualTo("Arrivée");
            axe.check(staff);
            assertNothingPersonalLeftInTheBrowser(staff);

            // Signing out where the identity shows: no copy of the page is kept, the back button brings none of it
            // back, and the page asked again goes through Keycloak's login, then back to that same page.
            assertThat(staff.findElement(By.cssSelector("#identity .first-name"))
                            .getText())
                    .isEqualTo(FIRST_NAME);
            assertThat(Browser.cacheControl(staff)).contains("no-store");
            String identityPage = staff.getCurrentUrl();
            Browser.signOut(staff);
            assertThat(staff.getCurrentUrl())
                    .startsWith(suite.identities.keycloak().url());
            staff.navigate().back();
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> staff.findElement(By.id("username")).isDisplayed());
            assertThat(staff.getPageSource()).doesNotContain(FIRST_NAME);
            staff.get(identityPage);
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> staff.findElement(By.id("username")).isDisplayed());
            Browser.submitLogin(staff, suite.web.url(), "staff." + shelterCode.toLowerCase());
            assertThat(staff.getCurrentUrl()).isEqualTo(identityPage);
            assertThat(staff.findElement(By.cssSelector("#identity .first-name"))
                            .getText())
                    .isEqualTo(FIRST_NAME);
        } finally {
            staff.quit();
        }
    }

    @Test
    void theShelterTeamConfirmsOnItsPhoneThatAPlaceIsStillFree() {
        WebDriver staff = Browser.chromium(390, 844);
        try {
            Browser.signIn(staff, suite.web.url(), "staff." + shelterCode.toLowerCase());
            staff.findElement(By.id("places-link")).click();
            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.tagName("h1")).getText()).isEqualTo("Mes places");
            assertThat(staff.findElement(By.id("units")).getText()).contains("Capacité", "heure de Paris");
            axe.check(staff);
            WebElement stillFree = staff.findElement(By.cssSelector("[data-status=FREE] [data-action=still-free]"));
            String unit =
                    staff.findElement(By.cssSelector("li[data-status=FREE]")).getAttribute("data-unit-id");
            stillFree.sendKeys(Keys.ENTER);
            Browser.awaitReady(staff);
            assertThat(staff.findElement(By.id("done")).getText()).isEqualTo("La place est confirmée.");
            assertThat(staff.findElement(By.id("unit-" + unit)).findElements(By.cssSelector("[data-stale]")))
                    .isEmpty();
            axe.check(staff);
        } finally {
            staff.quit();
        }
    }

    private static void fillReferral(WebDriver driver) {
        driver.findElement(By.id("firstName")).sendKeys(FIRST_NAME);
        driver.findElement(By.id("lastName")).sendKeys("Popescu");
        driver.findElement(By.id("age")).sendKeys("30");
        new Select(driver.findElement(By.id("nationality"))).selectByValue("RO");
        driver.findElement(By.id("phone")).sendKeys(PHONE);
        new Select(driver.findElement(By.id("gender"))).selectByVisibleText("Non binaire");
        driver.findElement(By.id("children")).sendKeys("4");
        for (String language : List.of("ro", "fr")) {
            Browser.click(driver, driver.findElement(By.cssSelector("input[name=languages][value=" + language + "]")));
        }
        for (String need : List.of("wheelchairAccess", "psychologicalSupport", "medicalCare")) {
            Browser.click(driver, driver.findElement(By.cssSelector("input[name=needs][value=" + need + "]")));
        }
        Browser.click(driver, driver.findElement(By.cssSelector("input[name=exploitation][value=LABOUR]")));
        // the current commune through the search too
        driver.findElement(By.id("commune-search")).sendKeys("Nice");
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector("[data-set-current='06088']")), e -> e != null)
                .click();
        assertThat(driver.findElement(By.id("currentCommune")).getAttribute("value"))
                .isEqualTo("06088");
        driver.findElement(By.id("commune-search")).clear();
        new Select(driver.findElement(By.id("urgency"))).selectByValue("IMMEDIATE");
        Browser.click(driver, driver.findElement(By.id("consent")));
        driver.findElement(By.id("notes")).sendKeys("Suivie par l'équipe de Nice, joignable au " + PHONE);
    }

    private void signIn(WebDriver driver, String user) {
        Browser.openLogin(driver, suite.web.url());
        Browser.screenshot(driver, "sign-in");
        assertThat(driver.getCurrentUrl())
                .startsWith(suite.identities.keycloak().url());
        // Keycloak's own page, in French
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        WebElement login = driver.findElement(By.id("kc-login"));
        assertThat(login.getText() + login.getAttribute("value")).contains("Connexion");
        Browser.submitLogin(driver, suite.web.url(), user);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    }

    private static void assertNothingPersonalLeftInTheBrowser(WebDriver driver) {
        assertThat(driver.getCurrentUrl()).doesNotContain(FIRST_NAME).doesNotContain("Popescu");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // whatever the page's libraries keep there (axe, htmx), none of it is the person's
        String stored = String.valueOf(js.executeScript("var all = [];"
                + "[window.localStorage, window.sessionStorage].forEach(function (s) {"
                + "  for (var i = 0; i < s.length; i++) { all.push(s.key(i) + '=' + s.getItem(s.key(i))); } });"
                + "return all.join('\\n');"));
        assertThat(stored).doesNotContain(FIRST_NAME).doesNotContain("Popescu").doesNotContain("11 22 33 44");
        assertThat(String.valueOf(js.executeScript("return document.cookie"))).doesNotContain(FIRST_NAME);
    }
}
