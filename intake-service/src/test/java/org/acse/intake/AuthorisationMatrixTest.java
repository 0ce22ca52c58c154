package org.acse.intake;

import static io.restassured.RestAssured.given;
import static org.acse.intake.ReferralFixtures.acceptOnBroker;
import static org.acse.intake.ReferralFixtures.json;
import static org.acse.intake.ReferralFixtures.submit;
import static org.acse.intake.ReferralFixtures.validBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.acse.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every intake endpoint × every kind of caller, with real signed tokens: the expected status in each cell.
 * The referral of each cell belongs to organisation A and was accepted by shelter X. Every answer carries the
 * security headers, refusals included.
 */
@QuarkusTest
class AuthorisationMatrixTest {
    private static final UUID SHELTER_X = UUID.randomUUID();
    private static final UUID SHELTER_Y = UUID.randomUUID();

    enum Who {
        NO_TOKEN(() -> null),
        PARTNER_A(() -> Tokens.partner(Tokens.ORG_A)),
        PARTNER_B(() -> Tokens.partner(Tokens.ORG_B)),
        STAFF_X(() -> Tokens.staff(SHELTER_X)),
        STAFF_Y(() -> Tokens.staff(SHELTER_Y)),
        COORDINATOR(Tokens::coordinator),
        EXPIRED(Tokens::expiredCoordinator),
        OTHER_KEY(Tokens::coordinatorSignedByAnotherKey),
        OTHER_AUDIENCE(Tokens::coordinatorForAnotherAudience);

        final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    enum Endpoint {
        SUBMIT("POST", "/api/v1/referrals", json(validBody()), 401, 201, 201, 403, 403, 201, 401, 401, 401),
        LIST("GET", "/api/v1/referrals", null, 401, 200, 200, 403, 403, 200, 401, 401, 401),
        GET("GET", "/api/v1/referrals/{id}", null, 401, 200, 404, 403, 403, 200, 401, 401, 401),
        WITHDRAW(
                "POST",
                "/api/v1/referrals/{id}/withdraw",
                "{\"reason\":\"matrix\"}",
                401,
                200,
                404,
                403,
                403,
                200,
                401,
                401,
                401),
        ERASE(
                "POST",
                "/api/v1/referrals/{id}/erasure",
                "{\"reason\":\"matrix\"}",
                401,
                403,
                403,
                403,
                403,
                200,
                401,
                401,
                401),
        IDENTITY("GET", "/api/v1/referrals/{id}/identity", null, 401, 403, 403, 200, 404, 200, 401, 401, 401),
        AUDIT("GET", "/api/v1/audit", null, 401, 403, 403, 403, 403, 200, 401, 401, 401),
        FIGURE_EXPLOITATION("GET", "/api/v1/figures/exploitation", null, 401, 403, 403, 403, 403, 200, 401, 401, 401);

        final String method;
        final String path;
        final String body;
        final int[] expected;

        Endpoint(String method, String path, String body, int... expected) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.expected = expected;
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Who who : Who.values()) {
                cells.add(Arguments.of(endpoint, who, endpoint.expected[who.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("cells")
    void cell(Endpoint endpoint, Who who, int expected) {
        UUID referral = submit(Tokens.partner(Tokens.ORG_A));
        if (endpoint == Endpoint.IDENTITY) {
            acceptOnBroker(referral, SHELTER_X, Tokens.coordinator());
        }
        RequestSpecification request = given().contentType("application/json");
        String token = who.token.get();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body != null) {
            request.body(endpoint.body);
        }
        request.request(endpoint.method, endpoint.path.replace("{id}", referral.toString()))
                .then()
                .statusCode(expected)
                .contentType(expected >= 400 ? "application/problem+json" : "application/json")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    }
}
