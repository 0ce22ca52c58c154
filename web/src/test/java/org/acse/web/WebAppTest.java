package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.acse.testsupport.RecordingHttpStub;
import org.acse.web.i18n.Words;
import org.junit.jupiter.api.Test;

/**
 * The application against the real Keycloak: sign-in with the code flow lands each role on its home, the page
 * calls intake with the person's own token, every answer carries the safety headers, a state change without the
 * form's CSRF token is refused before any service is called, and the language switch turns the page to English.
 */
@QuarkusTest
@WithTestResource(value = WebTestResource.class, scope = TestResourceScope.GLOBAL)
class WebAppTest {
    @TestHTTPResource("/")
    URL app;

    @Test
    void aPartnerSignsInOnKeycloakAndLandsOnTheirReferralsFetchedWithTheirOwnToken() throws Exception {
        Browser browser = new Browser(app.toString());
        HttpResponse<String> home = browser.signIn("/", "partner.nice", "demo");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(browser.loginPage())
                .as("Keycloak's login page asked in French")
                .contains("ui_locales=fr");
        assertThat(browser.at().getPath()).isEqualTo("/partner");
        assertThat(home.body())
                .contains(
                        "<html lang=\"fr\"",
                        "Mes signalements",
                        IntakeStub.PSEUDONYM,
                        "Recherche en cours",
                        "Immédiate (sous 24 h)",
                        "heure de Paris")
                .doesNotContain(">SEARCHING<", ">IMMEDIATE<");
        RecordingHttpStub.Call call = WebTestResource.intake.calls().stream()
                .filter(c -> c.method().equals("GET") && c.path().equals("/api/v1/referrals"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(call.authorization()).startsWith("Bearer ");
        JsonNode claims = claims(call.authorization().substring("Bearer ".length()));
        assertThat(claims.path("preferred_username").asText()).isEqualTo("partner.nice");
        assertThat(claims.path("org_id").asText()).isEqualTo("org-nice");
        assertThat(claims.path("azp").asText()).isEqualTo("acse-web");
        assertThat(claims.path("aud").toString()).contains("intake-service");
    }

    @Test
    void aCoordinatorLandsOnTheBoardOfReferralsByState() {
        Browser browser = new Browser(app.toString());
        HttpResponse<String> home = browser.signIn("/", "coordinator", "demo");
        assertThat(browser.at().getPath()).isEqualTo("/coordinator");
        assertThat(home.body()).contains("Tableau des signalements", "Aucune place trouvée", "Personne non arrivée");
        // The columns are read at once, on other threads: each call still carries the coordinator's own token.
        List<RecordingHttpStub.Call> columns = WebTestResource.intake.calls().stream()
                .filter(c -> c.path().equals("/api/v1/referrals")
                        && c.query() != null
                        && c.query().contains("status="))
                .toList();
        assertThat(columns).hasSizeGreaterThanOrEqualTo(Words.REFERRAL_STATUSES.size());
        assertThat(columns).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void aReferralOfALargeRegistryListsTheBestSheltersAndCountsTheOthersByReason() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/", "coordinator", "demo");
        HttpResponse<String> page = browser.get("/coordinator/referrals/" + IntakeStub.REFERRAL);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("1 structure(s) éligible(s) sur 250", "Structures écartées, par raison", "LYON-01", "AAA-01")
                .contains("Les 2 premières structures (les éligibles d&#39;abord, par rang) sur 250.");
        assertThat(WebTestResource.placement.calls())
                .filteredOn(c -> c.path().endsWith("/matching"))
                .extracting(RecordingHttpStub.Call::query)
                .isNotEmpty()
                .allMatch("limit=100"::equals);
    }

    @Test
    void everyAnswerCarriesTheSafetyHeaders() {
        Browser browser = new Browser(app.toString());
        for (HttpResponse<String> response : new HttpResponse[] {
            browser.getOnce("/static/app.css"),
            browser.getOnce("/partner"),
            browser.signIn("/partner", "partner.nice", "demo")
        }) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as("CSP of %s", response.uri())
                    .contains("default-src 'self'; frame-ancestors 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void aStateChangeWithoutTheFormsTokenIsRefusedBeforeAnyServiceIsCalled() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/partner", "partner.nice", "demo");
        HttpResponse<String> page = browser.get("/partner/referrals/" + IntakeStub.REFERRAL);
        assertThat(page.statusCode()).isEqualTo(200);
        String withdraw = "/partner/referrals/" + IntakeStub.REFERRAL + "/withdraw";
        long before = withdrawals();

        HttpResponse<String> forged = browser.postOnce(withdraw, Map.of("reason", "forged by another site"));
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> wrong = browser.postOnce(withdraw, Map.of("reason", "forged", "csrf-token", "guess"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(withdrawals()).isEqualTo(before);

        HttpResponse<String> real = browser.postOnce(
                withdraw, Map.of("reason", "found a safe place", "csrf-token", Browser.csrfToken(page.body())));
        assertThat(real.statusCode()).isEqualTo(303);
        assertThat(withdrawals()).isEqualTo(before + 1);
    }

    @Test
    void signingOutIsAFormThatEndsTheSessionHereAndInKeycloak() {
        Browser browser = new Browser(app.toString());
        HttpResponse<String> home = browser.signIn("/partner", "partner.nice", "demo");
        assertThat(home.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(home.body())
                .contains("<form method=\"post\" action=\"/logout\"")
                .doesNotContain("href=\"/logout\"");

        // a link from another site, or a form without the page's token, signs nobody out
        browser.getOnce("/logout");
        assertThat(browser.postOnce("/logout", Map.of()).statusCode()).isEqualTo(400);
        assertThat(browser.getOnce("/partner").statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.postOnce("/logout", Map.of("csrf-token", Browser.csrfToken(home.body())));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow())
                .contains(
                        "/realms/acse/protocol/openid-connect/logout?", "id_token_hint=", "post_logout_redirect_uri=");
        assertThat(browser.cookies().keySet()).noneMatch(name -> name.startsWith("q_session"));

        // Keycloak ends its session and sends the person back, where only its login page opens
        HttpResponse<String> after =
                browser.get(out.headers().firstValue("Location").orElseThrow());
        assertThat(browser.at().getPath()).contains("/realms/acse/protocol/openid-connect/auth");
        assertThat(after.body()).contains("id=\"kc-form-login\"").doesNotContain(IntakeStub.PSEUDONYM);
        browser.get("/partner");
        assertThat(browser.at().getPath()).contains("/realms/acse/protocol/openid-connect/auth");
    }

    @Test
    void aCoordinatorErasesAReferralAfterAReasonAndAnExplicitConfirmationWithTheirOwnToken() throws Exception {
        Browser browser = new Browser(app.toString());
        browser.signIn("/coordinator", "coordinator", "demo");
        String referral = "/coordinator/referrals/" + IntakeStub.REFERRAL;
        assertThat(browser.get(referral).body()).contains("href=\"" + referral + "/erasure\"", "Effacer les données");
        HttpResponse<String> confirm = browser.get(referral + "/erasure");
        assertThat(confirm.body()).contains("name=\"reason\"", "name=\"confirm\"", "Effacer définitivement");
        String token = Browser.csrfToken(confirm.body());
        long before = erasures();

        HttpResponse<String> unconfirmed = browser.postOnce(
                referral + "/erasure", Map.of("reason", "The person asked for it", "csrf-token", token));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"err-confirm\"").doesNotContain("id=\"err-reason\"");
        HttpResponse<String> noReason =
                browser.postOnce(referral + "/erasure", Map.of("reason", " ", "confirm", "yes", "csrf-token", token));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"err-reason\"");
        HttpResponse<String> forged =
                browser.postOnce(referral + "/erasure", Map.of("reason", "forged", "confirm", "yes"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(erasures()).isEqualTo(before);

        HttpResponse<String> erased = browser.postOnce(
                referral + "/erasure",
                Map.of("reason", "The person asked for it", "confirm", "yes", "csrf-token", token));
        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(erased.headers().firstValue("Location").orElseThrow()).endsWith(referral + "?done=erased");
        RecordingHttpStub.Call call = WebTestResource.intake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/erasure"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(erasures()).isEqualTo(before + 1);
        assertThat(call.path()).isEqualTo("/api/v1/referrals/" + IntakeStub.REFERRAL + "/erasure");
        assertThat(call.body()).contains("\"reason\"", "The person asked for it");
        assertThat(claims(call.authorization().substring("Bearer ".length()))
                        .path("preferred_username")
                        .asText())
                .isEqualTo("coordinator");
    }

    @Test
    void aPartnerIsNeverOfferedTheErasure() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/partner", "partner.nice", "demo");
        assertThat(browser.get("/partner/referrals/" + IntakeStub.REFERRAL).body())
                .doesNotContain("/erasure")
                .doesNotContain("Effacer");
    }

    private static long erasures() {
        return WebTestResource.intake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/erasure"))
                .count();
    }

    @Test
    void theLanguageSwitchTurnsEveryPageToEnglish() {
        Browser browser = new Browser(app.toString());
        HttpResponse<String> french = browser.signIn("/partner", "partner.nice", "demo");
        HttpResponse<String> english = browser.post(
                "/lang",
                Map.of(
                        "lang",
                        "en",
                        "back",
                        "/partner?status=SEARCHING",
                        "csrf-token",
                        Browser.csrfToken(french.body())));
        assertThat(browser.at().getPath()).isEqualTo("/partner");
        assertThat(english.body())
                .contains("<html lang=\"en\"", "My referrals", "Searching", "Paris time")
                .doesNotContain("Mes signalements");
        HttpResponse<String> outside = browser.post(
                "/lang",
                Map.of("lang", "fr", "back", "//evil.example/", "csrf-token", Browser.csrfToken(english.body())));
        assertThat(browser.at().getHost()).isEqualTo(app.getHost());
        assertThat(outside.body()).contains("Mes signalements");
    }

    @Test
    void anExpiredSessionGoesThroughTheSignInAndBackToThePageAsked() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/partner", "partner.nice", "demo");
        // the session cookie gone, as when it expires; Keycloak's own session is still there
        assertThat(browser.cookies().keySet().removeIf(name -> name.startsWith("q_session")))
                .isTrue();

        HttpResponse<String> htmx = browser.getOnce("/communes?q=Nice", Map.of("X-Requested-With", "XMLHttpRequest"));
        assertThat(htmx.statusCode())
                .as("htmx is told to reload, not redirected cross-site")
                .isEqualTo(499);

        HttpResponse<String> back = browser.get("/partner?status=SEARCHING");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(browser.at().getPath()).isEqualTo("/partner");
        assertThat(back.body()).contains("Mes signalements", "<option value=\"SEARCHING\" selected>");
    }

    @Test
    void theReferralFormShowsIntakesFieldErrorNextToItsFieldAndSendsOneKeyPerForm() {
        Browser browser = new Browser(app.toString());
        browser.signIn("/partner/referrals/new", "partner.nice", "demo");
        HttpResponse<String> blank = browser.get("/partner/referrals/new");
        String key = blank.body().replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "csrf-token",
                Browser.csrfToken(blank.body()),
                "idempotencyKey",
                key,
                "firstName",
                "Amara",
                "lastName",
                "Okafor",
                "age",
                "29",
                "gender",
                "FEMALE",
                "dangerZones",
                "99999",
                "currentCommune",
                "06088",
                "urgency",
                "IMMEDIATE",
                "consent",
                "true"));
        form.put("consentAt", "2026-12-01T08:00");

        // the commune search answering in between leaves the form's token valid
        assertThat(browser.getOnce("/communes?q=Nice").body()).contains("data-add-zone=\"06088\"");
        HttpResponse<String> refused = browser.postOnce("/partner/referrals", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "id=\"err-dangerZones\"",
                        "Indiquez au moins une zone de danger",
                        "value=\"Amara\"",
                        "href=\"#dangerZones\"")
                .doesNotContain("id=\"err-firstName\"");

        form.put("dangerZones", "06088");
        HttpResponse<String> created = browser.postOnce("/partner/referrals", form);
        HttpResponse<String> again = browser.postOnce("/partner/referrals", form);
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/partner/referrals/" + IntakeStub.REFERRAL + "?submitted=true")
                .doesNotContain("Amara");
        assertThat(again.statusCode()).isEqualTo(303);
        // as a browser sends it: every field, several values for the choices, the search box too
        String raw = form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))
                + "&languages=ro&languages=fr&needs=wheelchairAccess&needs=psychologicalSupport&needs=medicalCare"
                + "&exploitation=LABOUR&q=&nationality=RO&phone=%2B33+6+11+22+33+44&children=4&birthDate="
                + "&notes=Suivie+par+l%27%C3%A9quipe";
        HttpResponse<String> full = browser.postRaw("/partner/referrals", raw);
        assertThat(full.statusCode()).as(full.body()).isEqualTo(303);
        List<RecordingHttpStub.Call> posts = WebTestResource.intake.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/api/v1/referrals"))
                .toList();
        assertThat(posts)
                .hasSize(4)
                .allSatisfy(c -> assertThat(c.idempotencyKey()).isEqualTo(key));
        assertThat(posts.get(1).body())
                .contains(
                        "\"dangerZones\":[{\"communeCode\":\"06088\"}]",
                        "\"recordedAt\":\"2026-12-01T07:00:00Z\"",
                        "\"age\":29");
    }

    private static long withdrawals() {
        return WebTestResource.intake.calls().stream()
                .filter(c -> c.path().endsWith("/withdraw"))
                .count();
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
