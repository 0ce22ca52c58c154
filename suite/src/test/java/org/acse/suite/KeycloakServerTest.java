package org.acse.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real Keycloak with the repository's realm: one class, so the server starts once. */
class KeycloakServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeycloakServer keycloak = KeycloakServer.shared();

    @Test
    void importsTheAcseRealmWithTheIssuerTheServicesExpect() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).path("issuer").asText()).isEqualTo(keycloak.issuer());
    }

    @Test
    void aPartnersTokenCarriesItsOrganisationAndRole() throws Exception {
        JsonNode claims = claims(keycloak.passwordToken("partner.nice", "demo"));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims.path("org_id").asText()).isEqualTo("org-nice");
        assertThat(claims.path("realm_access").path("roles").toString())
                .contains("\"partner\"")
                .doesNotContain("\"coordinator\"");
        assertThat(claims.path("aud").toString()).contains("intake-service");
        assertThat(claims(keycloak.passwordToken("partner.lyon", "demo"))
                        .path("org_id")
                        .asText())
                .isEqualTo("org-lyon");
        assertThat(claims(keycloak.passwordToken("coordinator", "demo"))
                        .path("realm_access")
                        .path("roles")
                        .toString())
                .contains("\"coordinator\"");
    }

    @Test
    void aStaffUserCreatedThroughTheAdminApiGetsTheirShelterInTheToken() throws Exception {
        UUID shelter = UUID.randomUUID();
        String username = "staff.test-" + shelter.toString().substring(0, 8);
        keycloak.createUser(username, "s3cret-demo", "shelter-staff", Map.of("shelter_id", shelter.toString()));

        JsonNode claims = claims(keycloak.passwordToken(username, "s3cret-demo"));

        assertThat(claims.path("shelter_id").asText()).isEqualTo(shelter.toString());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"shelter-staff\"");
        assertThat(claims.has("org_id")).isFalse();

        // Creating the same user again (a launcher re-run) updates it instead of failing.
        UUID moved = UUID.randomUUID();
        keycloak.createUser(username, "other-demo", "shelter-staff", Map.of("shelter_id", moved.toString()));
        assertThat(claims(keycloak.passwordToken(username, "other-demo"))
                        .path("shelter_id")
                        .asText())
                .isEqualTo(moved.toString());
    }

    @Test
    void serviceAccountsHoldTheServiceRoleAndWrongPasswordsAreRefused() throws Exception {
        JsonNode claims =
                claims(keycloak.clientCredentialsToken("notification-service", "notification-service-local-secret"));

        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"service\"");
        assertThat(claims.path("aud").toString()).contains("placement-service");
        assertThatThrownBy(() -> keycloak.passwordToken("partner.nice", "not-the-password"))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void aPartnerOrganisationsOwnSystemGetsTokensForItsOrganisationOnly() throws Exception {
        String org = "org-test-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.PartnerClient client = keycloak.admin().createPartnerClient(org);

        JsonNode claims = claims(keycloak.clientCredentialsToken(client.clientId(), client.secret()));

        assertThat(client.clientId()).isEqualTo("partner-" + org);
        assertThat(claims.path("org_id").asText()).isEqualTo(org);
        assertThat(claims.path("realm_access").path("roles").toString())
                .contains("\"partner\"")
                .doesNotContain("\"coordinator\"")
                .doesNotContain("\"service\"");
        assertThat(claims.path("aud").toString()).contains("intake-service").contains("placement-service");
        // Asked again, the same client and secret: onboarding twice changes nothing.
        assertThat(keycloak.admin().createPartnerClient(org)).isEqualTo(client);
    }

    @Test
    void aPersonOnboardedWithAOneTimePasswordCannotGetATokenBeforeChangingIt() {
        String username = "staff.otp-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin()
                .createUser(
                        username,
                        new KeycloakAdmin.Password("one-time-Pass-2026", true),
                        "shelter-staff",
                        Map.of("shelter_id", UUID.randomUUID().toString()),
                        List.of("CONFIGURE_TOTP"));

        assertThatThrownBy(() -> keycloak.passwordToken(username, "one-time-Pass-2026"))
                .hasMessageContaining("not fully set up");
    }

    @Test
    void theWebClientAcceptsAnExtraRedirectUri() {
        keycloak.addRedirectUri("acse-web", "http://web.test:1234/callback");
    }

    private static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
