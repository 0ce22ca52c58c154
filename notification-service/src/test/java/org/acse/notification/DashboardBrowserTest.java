package org.acse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.acse.common.events.DeclineReason;
import org.acse.common.events.EventType;
import org.acse.common.events.PlacementProposed;
import org.acse.common.events.Urgency;
import org.acse.suite.KeycloakServer;
import org.acse.testsupport.KafkaEvents;
import org.acse.testsupport.RecordingHttpStub;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium, logged in on the real Keycloak login page: an alert appears live
 * when placement.proposed is published on the broker, accepting it calls placement-service with the person's own
 * token and changes the status on screen, backing out of the accepted place calls placement-service's cancel with
 * the reason and comment, and staff of another shelter see nothing of it.
 */
@QuarkusTest
@TestProfile(DashboardBrowserTest.WithKeycloak.class)
class DashboardBrowserTest {
    static final RecordingHttpStub placement = PlacementStub.start();

    /** The dashboard tenant logs in through the real Keycloak; decisions go to the placement stub. */
    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "acse.dashboard.oidc-url", KeycloakServer.shared().issuer(), "acse.placement.url", placement.url());
        }
    }

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @AfterAll
    static void close() {
        placement.close();
    }

    @Test
    void staffSeeTheirAlertLiveAcceptItAndOtherSheltersSeeNothing() throws Exception {
        KeycloakServer keycloak = KeycloakServer.shared();
        UUID shelterX = UUID.randomUUID();
        UUID shelterY = UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        keycloak.createUser(
                "staff.x-" + suffix, "pw-x-" + suffix, "shelter-staff", Map.of("shelter_id", shelterX.toString()));
        keycloak.createUser(
                "staff.y-" + suffix, "pw-y-" + suffix, "shelter-staff", Map.of("shelter_id", shelterY.toString()));

        WebDriver staffX = chromium();
        WebDriver staffY = chromium();
        try {
            logIn(staffX, "staff.x-" + suffix, "pw-x-" + suffix);
            logIn(staffY, "staff.y-" + suffix, "pw-y-" + suffix);

            // within 72 h: no escalation (2 s for IMMEDIATE in tests) comes between the clicks
            PlacementProposed proposed = SampleEvents.proposed(shelterX, Urgency.WITHIN_72H);
            KafkaEvents.onSharedBroker().publish(EventType.PLACEMENT_PROPOSED, proposed);

            WebElement card = await().atMost(Duration.ofSeconds(20))
                    .ignoreExceptions()
                    .until(() -> staffX.findElement(By.cssSelector("#alerts li[data-alert-id]")), e -> e != null);
            assertThat(card.findElement(By.className("pseudonym")).getText()).isEqualTo(proposed.pseudonym());
            assertThat(card.findElement(By.className("status")).getAttribute("data-status"))
                    .isEqualTo("OPEN");

            // a held place is declined with one of the contract's reasons, all of them offered
            assertThat(card.findElement(By.cssSelector(".decline")).isDisplayed())
                    .isTrue();
            assertThat(card.findElements(By.cssSelector(".decline select.reason option")).stream()
                            .map(o -> o.getAttribute("value"))
                            .toList())
                    .containsExactly(Arrays.stream(DeclineReason.values())
                            .map(Enum::name)
                            .toArray(String[]::new));
            assertThat(card.findElement(By.cssSelector(".backout")).isDisplayed())
                    .isFalse();

            card.findElement(By.cssSelector("[data-action='accept']")).click();
            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptions()
                    .until(
                            () -> staffX.findElement(By.cssSelector("#alerts li[data-alert-id] .status"))
                                    .getAttribute("data-status"),
                            "ACCEPTED"::equals);

            RecordingHttpStub.Call call = await().atMost(Duration.ofSeconds(5))
                    .until(placement::calls, c -> !c.isEmpty())
                    .get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/api/v1/placements/" + proposed.placementId() + "/accept");
            assertThat(call.authorization()).startsWith("Bearer ");
            JsonNode claims = claims(call.authorization().substring("Bearer ".length()));
            assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
            assertThat(claims.path("shelter_id").asText()).isEqualTo(shelterX.toString());

            // placement-service publishes the acceptance, which the alert follows
            KafkaEvents.onSharedBroker().publish(EventType.PLACEMENT_ACCEPTED, SampleEvents.decided(proposed, null));
            TestAlerts.awaitStatus(Tokens.staff(shelterX), alertIdOf(card), "ACCEPTED");

            // once accepted, the team no longer declines: it backs out, with a reason and a comment
            WebElement accepted = staffX.findElement(By.cssSelector("#alerts li[data-alert-id]"));
            assertThat(accepted.findElement(By.cssSelector(".decline")).isDisplayed())
                    .isFalse();
            assertThat(accepted.findElement(By.cssSelector(".backout")).isDisplayed())
                    .isTrue();
            new Select(accepted.findElement(By.cssSelector(".backout select.reason")))
                    .selectByValue(DeclineReason.STAFF_UNAVAILABLE.name());
            accepted.findElement(By.cssSelector(".backout .comment")).sendKeys("Équipe de nuit absente");
            accepted.findElement(By.cssSelector("[data-action='cancel']")).click();
            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptions()
                    .until(
                            () -> staffX.findElement(By.cssSelector("#alerts li[data-alert-id] .status"))
                                    .getAttribute("data-status"),
                            "CANCELLED"::equals);
            RecordingHttpStub.Call backOut = await().atMost(Duration.ofSeconds(5))
                    .until(placement::calls, c -> c.size() == 2)
                    .get(1);
            assertThat(backOut.path()).isEqualTo("/api/v1/placements/" + proposed.placementId() + "/cancel");
            assertThat(backOut.authorization()).isEqualTo(call.authorization());
            JsonNode body = new ObjectMapper().readTree(backOut.body());
            assertThat(body.path("reason").asText()).isEqualTo("STAFF_UNAVAILABLE");
            assertThat(body.path("comment").asText()).isEqualTo("Équipe de nuit absente");

            // staff of shelter Y, live on the same stream, saw nothing and find nothing
            assertThat(staffY.findElements(By.cssSelector("li[data-alert-id]"))).isEmpty();
            staffY.navigate().refresh();
            await().atMost(Duration.ofSeconds(15))
                    .ignoreExceptions()
                    .until(() ->
                            "true".equals(staffY.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertThat(staffY.findElements(By.cssSelector("li[data-alert-id]"))).isEmpty();
            assertThat(staffY.getPageSource()).doesNotContain(proposed.pseudonym());
        } finally {
            staffX.quit();
            staffY.quit();
        }
    }

    private static String alertIdOf(WebElement card) {
        return card.getAttribute("data-alert-id");
    }

    private void logIn(WebDriver driver, String user, String password) {
        driver.get(dashboard.toString());
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> driver.findElement(By.id("username")).isDisplayed());
        assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.shared().url());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            WebElement body = driver.findElement(By.tagName("body"));
            return "true".equals(body.getAttribute("data-ready")) && "true".equals(body.getAttribute("data-live"));
        });
    }

    private static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("acse-chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=420,900",
                "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
