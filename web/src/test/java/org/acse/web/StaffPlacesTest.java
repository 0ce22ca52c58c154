package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.suite.KeycloakServer;
import org.acse.testsupport.RecordingHttpStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shelter team's "Mes places" and past proposals against the real Keycloak and a placement stand-in: units and
 * outcomes in words, "Toujours libre" sent with the person's own token and only with the form's CSRF token, and
 * placement's refusal shown next to the field it names.
 */
@QuarkusTest
@WithTestResource(value = WebTestResource.class, scope = TestResourceScope.GLOBAL)
class StaffPlacesTest {
    private static final String PASSWORD = "staff-places-demo";

    @TestHTTPResource("/")
    URL app;

    private String username;

    @BeforeEach
    void staffMember() {
        username = "staff.web-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakServer.shared()
                .createUser(
                        username, PASSWORD, "shelter-staff", Map.of("shelter_id", PlacementStub.SHELTER.toString()));
    }

    @Test
    void theTeamSeesItsUnitsInWordsAndConfirmsAFreeOneWithItsOwnTokenAndTheFormsToken() {
        Browser browser = new Browser(app.toString());
        HttpResponse<String> home = browser.signIn("/staff", username, PASSWORD);
        assertThat(home.body()).contains("href=\"/staff/places\"", "Mes places", "href=\"/staff/history\"");

        HttpResponse<String> page = browser.get("/staff/places");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Maison Azur",
                        "Place 1",
                        "libre",
                        "occupée",
                        "2 personne(s)",
                        "heure de Paris",
                        "À confirmer : pas confirmée depuis longtemps",
                        "Toujours libre",
                        "action=\"/staff/places/" + PlacementStub.FREE_UNIT + "/confirm\"")
                .doesNotContain(
                        ">FREE<", ">OCCUPIED<", "action=\"/staff/places/" + PlacementStub.OCCUPIED_UNIT + "/confirm\"");

        String confirm = "/staff/places/" + PlacementStub.FREE_UNIT + "/confirm";
        long before = availabilityCalls().size();
        assertThat(browser.postOnce(confirm, Map.of()).statusCode()).isEqualTo(400);
        assertThat(availabilityCalls()).hasSize((int) before);

        HttpResponse<String> confirmed =
                browser.postOnce(confirm, Map.of("csrf-token", Browser.csrfToken(page.body())));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("/staff/places?done=confirmed");
        List<RecordingHttpStub.Call> calls = availabilityCalls();
        assertThat(calls).hasSize((int) before + 1);
        RecordingHttpStub.Call put = calls.get(calls.size() - 1);
        assertThat(put.path())
                .isEqualTo("/api/v1/shelters/" + PlacementStub.SHELTER + "/units/" + PlacementStub.FREE_UNIT
                        + "/availability");
        assertThat(put.body()).contains("\"status\":\"FREE\"", "\"availableFrom\":\"" + PlacementStub.FREE_FROM + "\"");
        assertThat(put.authorization()).startsWith("Bearer ");
        assertThat(browser.get("/staff/places?done=confirmed").body()).contains("La place est confirmée.");
    }

    @Test
    void placementsRefusalIsShownNextToTheFieldItNames() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/staff/places", username, PASSWORD);
        HttpResponse<String> page = browser.get("/staff/places");
        HttpResponse<String> refused = browser.postOnce(
                "/staff/places/" + PlacementStub.OCCUPIED_UNIT,
                Map.of(
                        "csrf-token",
                        Browser.csrfToken(page.body()),
                        "status",
                        "BROKEN",
                        "availableFrom",
                        "2026-12-06T10:00"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "id=\"err-status-" + PlacementStub.OCCUPIED_UNIT + "\"",
                        "Choisissez un état dans la liste.",
                        "aria-describedby=\"err-status-" + PlacementStub.OCCUPIED_UNIT + "\"")
                .doesNotContain("id=\"err-status-" + PlacementStub.FREE_UNIT + "\"");
        RecordingHttpStub.Call sent =
                availabilityCalls().get(availabilityCalls().size() - 1);
        assertThat(sent.body()).contains("\"availableFrom\":\"2026-12-06T09:00:00Z\"");
    }

    @Test
    void thePastProposalsShowOutcomesInWordsAndNoLiveOne() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/staff/history", username, PASSWORD);
        HttpResponse<String> page = browser.get("/staff/history");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Propositions passées", "Refusée", "Barrière de la langue", "heure de Paris")
                .doesNotContain(">DECLINED<", ">LANGUAGE_BARRIER<", "data-status=\"HELD\"");
        assertThat(page.body()).contains("data-status=\"ARRIVED\"");
        // placement counts 45 of them: the page says which of the three pages it is
        assertThat(page.body()).contains("Page 1 sur 3");
    }

    private static List<RecordingHttpStub.Call> availabilityCalls() {
        return WebTestResource.placement.calls().stream()
                .filter(c -> c.method().equals("PUT") && c.path().endsWith("/availability"))
                .toList();
    }
}
