package org.acse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Keycloak's own pages of realm {@code acse} on a phone: the login page is French whatever the browser asks for (the
 * application asks Keycloak for its language); the account console ({@code /realms/acse/account}) is French by
 * default, for a browser asking for a language the realm does not offer; once the person picks English on the login
 * page, both are English. Keycloak's pages are its own: axe checks the application's pages, not these.
 */
class KeycloakPagesIT {
    static final RunningSuite suite = RunningSuite.get();

    private static String user;

    @BeforeAll
    static void aPartnerOfItsOwn() {
        // a user of this test only: the language chosen on Keycloak's page stays with the account
        user = "partner.lang" + UUID.randomUUID().toString().substring(0, 4);
        suite.identities.keycloak().createUser(user, Identities.PASSWORD, "partner", Map.of("org_id", "org-lyon"));
    }

    @Test
    void theLoginPageAndTheAccountConsoleAreFrenchFirstAndEnglishOnceChosen() {
        String account = suite.identities.keycloak().url() + "/realms/acse/account";
        // a browser asking for German only, a language the realm does not offer
        WebDriver phone = Browser.chromium(390, 844, "de-DE,de");
        try {
            Browser.openLogin(phone, suite.web.url());
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("fr");
            assertThat(loginButton(phone)).contains("Connexion");
            Browser.submitLogin(phone, suite.web.url(), user);

            phone.get(account);
            String french = Browser.awaitText(phone, "Informations personnelles", "Personal info");
            assertThat(french).contains("Informations personnelles").doesNotContain("Personal info");

            phone.get(suite.web.url() + "/partner");
            Browser.awaitReady(phone);
            Browser.signOut(phone);

            // English, chosen on Keycloak's login page
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("fr");
            chooseEnglish(phone);
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> phone.findElement(By.tagName("html")).getAttribute("lang"), "en"::equals);
            assertThat(loginButton(phone)).contains("Sign In");
            Browser.submitLogin(phone, suite.web.url(), user);

            phone.get(account);
            String english = Browser.awaitText(phone, "Personal info", "Informations personnelles");
            assertThat(english).contains("Personal info").doesNotContain("Informations personnelles");
        } finally {
            phone.quit();
        }
    }

    private static String loginButton(WebDriver driver) {
        WebElement login = driver.findElement(By.id("kc-login"));
        return login.getText() + login.getAttribute("value");
    }

    /** Keycloak's language switch, a list of links or a select depending on the theme: its English entry. */
    private static void chooseEnglish(WebDriver driver) {
        for (WebElement option : driver.findElements(By.cssSelector("select option"))) {
            String value = String.valueOf(option.getAttribute("value"));
            if (value.contains("kc_locale=en")) {
                new Select(option.findElement(By.xpath(".."))).selectByValue(value);
                return;
            }
        }
        WebElement english = driver.findElement(By.cssSelector("a[href*='kc_locale=en']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", english);
    }
}
