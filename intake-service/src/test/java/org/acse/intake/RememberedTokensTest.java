package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.testsupport.PrometheusScrape;
import org.acse.testsupport.TestIssuer;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A token seen again is not checked in full again, and what the full check refuses stays refused: a token altered
 * after its original was remembered, and a remembered token once it expired.
 */
@QuarkusTest
class RememberedTokensTest {
    private static final String REFERRALS = "/api/v1/referrals";

    @Test
    void aTokenSeenAgainIsAnsweredFromItsFirstCheck() {
        String token = Tokens.partner(Tokens.ORG_A);
        double verified = tokens("verified");
        double remembered = tokens("remembered");

        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);

        assertThat(tokens("verified") - verified).isEqualTo(1);
        assertThat(tokens("remembered") - remembered).isEqualTo(2);
    }

    @Test
    void aRememberedIdentityStaysItsOwnTokensOne() {
        String nice = Tokens.partner(Tokens.ORG_A);
        String lyon = Tokens.partner(Tokens.ORG_B);
        UUID referral = ReferralFixtures.submit(nice);

        given().auth().oauth2(nice).get(REFERRALS + "/" + referral).then().statusCode(200);
        given().auth().oauth2(lyon).get(REFERRALS + "/" + referral).then().statusCode(404);
        given().auth().oauth2(nice).get(REFERRALS + "/" + referral).then().statusCode(200);
        given().auth().oauth2(lyon).get(REFERRALS + "/" + referral).then().statusCode(404);
    }

    @Test
    void aTokenAlteredAfterItsOriginalWasRememberedIsRefused() {
        String token = Tokens.partner(Tokens.ORG_A);
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);

        int signature = token.lastIndexOf('.') + 10;
        char swapped = token.charAt(signature) == 'A' ? 'B' : 'A';
        String altered = token.substring(0, signature) + swapped + token.substring(signature + 1);

        given().auth().oauth2(altered).get(REFERRALS).then().statusCode(401);
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String token = TestIssuer.shared()
                .token(
                        "partner@" + Tokens.ORG_A,
                        List.of("partner"),
                        Map.of("org_id", Tokens.ORG_A),
                        Tokens.SERVICES,
                        Duration.ofSeconds(3));
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);
        given().auth().oauth2(token).get(REFERRALS).then().statusCode(200);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get(REFERRALS).statusCode() == 401);
    }

    private static double tokens(String check) {
        return new PrometheusScrape(RestAssured.get("/q/metrics").asString())
                .sum("acse_tokens_total", Map.of("check", check));
    }
}
