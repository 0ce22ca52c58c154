package org.acse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Live pages on every replica (ADR 14): the shelter team has its proposals page open on both web instances, each
 * following another notification-service instance. Whichever notification instance handles the proposal, it appears
 * on both pages without a reload; declined on one page, it leaves the other.
 */
class LiveReplicasIT {
    static final RunningSuite suite = RunningSuite.get();
    private static String shelterCode;

    @BeforeAll
    static void shelterForThisTest() {
        assertThat(suite.notifications).hasSize(2);
        assertThat(suite.webs).hasSize(2);
        // Only this shelter takes a man in a wheelchair who needs psychological support and medical care.
        shelterCode = "LIV" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        UUID shelterId = suite.registerShelter(Map.of(
                "code",
                shelterCode,
                "name",
                "Foyer " + shelterCode,
                "communeCode",
                "33063",
                "address",
                "5 cours Victor Hugo",
                "active",
                true,
                "accepts",
                Map.of("genders", List.of("MALE"), "families", false, "maxChildren", 0),
                "wheelchairAccessible",
                true,
                "support",
                List.of("PSYCHOLOGICAL", "MEDICAL"),
                "languages",
                List.of("fr", "uk"),
                "units",
                List.of(Map.of("capacity", 1), Map.of("capacity", 1))));
        suite.identities.staff(shelterCode, shelterId);
    }

    @Test
    void aProposalReachesTheTeamsPagesOnBothWebInstancesAndADeclineOnOneLeavesTheOther() throws Exception {
        WebDriver first = Browser.chromium(1280, 800);
        WebDriver second = Browser.chromium(1280, 800);
        try {
            String user = "staff." + shelterCode.toLowerCase();
            Browser.signIn(first, suite.webs.get(0).url(), user);
            Browser.signIn(second, suite.webs.get(1).url(), user);
            assertThat(List.of(first.getCurrentUrl(), second.getCurrentUrl())).allMatch(url -> url.endsWith("/staff"));
            for (WebDriver page : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .until(() -> "true"
                                .equals(page.findElement(By.tagName("body")).getAttribute("data-live")));
                assertThat(page.findElement(By.id("live-status")).getText()).startsWith("En direct");
            }

            String pseudonym = submitReferral();

            // no reload: the pages read their lists again on the stream's signal
            for (WebDriver page : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(120))
                        .ignoreExceptions()
                        .until(() -> proposal(page, pseudonym) != null);
            }
            assertThat(first.getCurrentUrl()).endsWith("/staff");
            assertThat(second.getCurrentUrl()).endsWith("/staff");

            WebElement card = proposal(first, pseudonym);
            card.findElement(By.tagName("summary")).click();
            new Select(card.findElement(By.name("reason"))).selectByValue("NO_LONGER_AVAILABLE");
            card.findElement(By.cssSelector("button.danger")).click();
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> first.getCurrentUrl().contains("done=declined"));

            await().atMost(Duration.ofSeconds(120))
                    .ignoreExceptions()
                    .until(() -> proposal(second, pseudonym) == null
                            && second.findElement(By.id("staff-lists")).isDisplayed());
            assertThat(second.getCurrentUrl()).endsWith("/staff");
        } finally {
            first.quit();
            second.quit();
        }
    }

    private static WebElement proposal(WebDriver page, String pseudonym) {
        return page.findElements(By.cssSelector("#proposals li[data-placement-id]")).stream()
                .filter(c -> c.getText().contains(pseudonym))
                .findFirst()
                .orElse(null);
    }

    private static String submitReferral() {
        return given().auth()
                .oauth2(suite.identities.partner("org-nice"))
                .contentType(ContentType.JSON)
                .body("""
                        {"person":{"firstName":"Taras","lastName":"Melnyk","birthDate":"1985-02-03","nationality":"UA",
                                   "phone":"+33600000001"},
                         "gender":"MALE","birthDate":"1985-02-03","children":[],"languages":["uk","fr"],
                         "needs":{"wheelchairAccess":true,"psychologicalSupport":true,"medicalCare":true,
                                  "interpreter":false},
                         "exploitation":["LABOUR"],"dangerZones":[{"communeCode":"59350"}],
                         "currentLocation":{"communeCode":"59350"},"urgency":"IMMEDIATE",
                         "consent":{"dataSharing":true,"recordedAt":"2026-11-28T08:00:00Z"}}""")
                .post(suite.intake.url() + "/api/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("pseudonym");
    }
}
