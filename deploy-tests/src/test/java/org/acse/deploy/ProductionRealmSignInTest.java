package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.acse.suite.KeycloakAdmin;
import org.acse.suite.KeycloakServer;
import org.acse.testsupport.FormBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm, as {@link RealmImportGenerator} renders it, imported into a real Keycloak and signed in to
 * the way a person does in a browser (forms, cookies, redirects): people onboarded with a one-time password (as
 * {@code ./acse onboard} does on a deployed Keycloak) choose a password the policy accepts, shelter staff and
 * coordinators set up an authenticator app and are asked for its code at every sign-in, partners are not; and no
 * client lets a password be exchanged for a token without the form.
 */
class ProductionRealmSignInTest {
    private static final String REALM = "acse-production";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile("id=\"kc-totp-secret-key\"[^>]*>([^<]+)<");
    private static final Pattern MANUAL = Pattern.compile("<a\\b[^>]*\\bid=\"mode-manual\"[^>]*>");
    private static final String CHOSEN_PASSWORD = "Un-mot-de-passe-long-2026";

    private static KeycloakServer keycloak;
    private static KeycloakAdmin admin;
    private static String webSecret;

    @BeforeAll
    static void importTheProductionRealm() {
        keycloak = KeycloakServer.shared();
        ObjectNode realm = RealmImportGenerator.productionRealm(RealmImportGenerator.readRealm(Kustomize.ROOT));
        realm.remove("id");
        realm.put("realm", REALM);
        for (JsonNode client : realm.path("clients")) {
            if (RealmImportGenerator.WEB_CLIENT.equals(client.path("clientId").asText())) {
                webSecret = client.path("secret").asText();
            }
        }
        admin = keycloak.admin().inRealm(REALM);
        admin.importRealm(realm);
    }

    @Test
    void aCoordinatorChoosesAPasswordThenSetsUpAnAuthenticatorAndNeedsItsCodeAtEverySignIn() throws Exception {
        String oneTime = onboard("coordination.paris", "coordinator", Map.of());

        Browser first = new Browser();
        Page page = first.openSignIn().submit(Map.of("username", "coordination.paris", "password", oneTime));
        String secret = null;
        long setUpStep = 0;
        // Keycloak runs the required actions in its own order: the new password and the authenticator, each once.
        for (int step = 0; step < 2; step++) {
            if (page.formId().equals("kc-passwd-update-form")) {
                Page refused = page.submit(Map.of("password-new", "court", "password-confirm", "court"));
                assertThat(refused.formId())
                        .as("a password shorter than the policy's 12 characters is refused")
                        .isEqualTo("kc-passwd-update-form");
                page = refused.submit(Map.of("password-new", CHOSEN_PASSWORD, "password-confirm", CHOSEN_PASSWORD));
            } else {
                assertThat(page.formId())
                        .as("a coordinator without a second factor must set one up")
                        .isEqualTo("kc-totp-settings-form");
                secret = first.manualSecret(page);
                setUpStep = Totp.step();
                page = page.submit(Map.of("totp", Totp.code(secret, setUpStep), "userLabel", "Téléphone"));
            }
        }
        assertThat(secret).as("the authenticator was set up").isNotNull();
        assertThat(page.code()).as("signed in once both are done").isNotNull();
        assertThat(first.roles(page)).contains("coordinator");

        Browser next = new Browser();
        Page otp = next.openSignIn().submit(Map.of("username", "coordination.paris", "password", CHOSEN_PASSWORD));
        assertThat(otp.formId())
                .as("the password alone does not sign a coordinator in")
                .isEqualTo("kc-otp-login-form");
        Page wrong = otp.submit(Map.of("otp", "000000"));
        assertThat(wrong.code()).as("a wrong code signs nobody in").isNull();
        // A code is good once: the person waits for the phone's next one, as after a set-up a moment ago.
        long setUp = setUpStep;
        await().atMost(Duration.ofSeconds(40)).until(() -> Totp.current() > setUp);
        Page signedIn = wrong.submit(Map.of("otp", Totp.code(secret, Totp.step())));
        assertThat(signedIn.code())
                .as("the password and the phone's code sign the coordinator in")
                .isNotNull();
        assertThat(next.roles(signedIn)).contains("coordinator");
    }

    @Test
    void shelterStaffMustSetUpASecondFactorAndPartnersSignInWithTheirPassword() throws Exception {
        String staffPassword = onboard(
                "equipe.lyon",
                "shelter-staff",
                Map.of("shelter_id", UUID.randomUUID().toString()));
        Page staff = new Browser().openSignIn().submit(Map.of("username", "equipe.lyon", "password", staffPassword));
        Page afterPassword = staff.formId().equals("kc-passwd-update-form")
                ? staff.submit(Map.of("password-new", CHOSEN_PASSWORD, "password-confirm", CHOSEN_PASSWORD))
                : staff;
        assertThat(afterPassword.formId())
                .as("shelter staff, who read identities, must set up a second factor")
                .isEqualTo("kc-totp-settings-form");
        assertThat(afterPassword.code()).isNull();

        admin.createUser(
                "partenaire.marseille",
                new KeycloakAdmin.Password(CHOSEN_PASSWORD, false),
                "partner",
                Map.of("org_id", "ORG-MARSEILLE"),
                List.of());
        Browser partner = new Browser();
        Page signedIn =
                partner.openSignIn().submit(Map.of("username", "partenaire.marseille", "password", CHOSEN_PASSWORD));
        assertThat(signedIn.code()).as("a partner signs in with the password").isNotNull();
        assertThat(partner.roles(signedIn)).contains("partner").doesNotContain("coordinator", "shelter-staff");
    }

    @Test
    void noClientExchangesAPasswordForATokenWithoutTheSignInForm() throws Exception {
        admin.createUser(
                "coordination.lille",
                new KeycloakAdmin.Password(CHOSEN_PASSWORD, false),
                "coordinator",
                Map.of(),
                List.of());
        for (String client : List.of(RealmImportGenerator.WEB_CLIENT, RealmImportGenerator.CLI_CLIENT)) {
            HttpResponse<String> r = new FormBrowser(keycloak.url(), Duration.ofSeconds(30))
                    .postOnce(
                            keycloak.url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                            Map.of(
                                    "grant_type", "password",
                                    "client_id", client,
                                    "client_secret", webSecret,
                                    "username", "coordination.lille",
                                    "password", CHOSEN_PASSWORD));
            assertThat(r.statusCode()).as("password grant through %s", client).isIn(400, 401);
            assertThat(r.body()).doesNotContain("access_token");
        }
    }

    /** What {@code ./acse onboard} does on a deployed Keycloak: a one-time password, and OTP set-up for staff. */
    private static String onboard(String username, String role, Map<String, String> attributes) {
        String oneTime = "Provisoire-" + UUID.randomUUID();
        admin.createUser(
                username, new KeycloakAdmin.Password(oneTime, true), role, attributes, List.of("CONFIGURE_TOTP"));
        return oneTime;
    }

    /** A page Keycloak answered: its form, or the redirect to the web application with a code. */
    private record Page(Browser browser, HttpResponse<String> response) {
        String formId() {
            String id = FormBrowser.formId(response.body());
            return id.isEmpty() ? "(no form, status " + response.statusCode() + ")" : id;
        }

        String code() {
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || !location.startsWith(RealmImportGenerator.WEB_CALLBACK)) {
                return null;
            }
            Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            return m.find() ? m.group(1) : null;
        }

        Page submit(Map<String, String> fields) {
            return new Page(browser, browser.form.submit(response, fields));
        }
    }

    /**
     * One person's browser on Keycloak's pages; it stops at the redirect to the web application (which does not run
     * here), where the code is.
     */
    private static final class Browser {
        private final FormBrowser form = new FormBrowser(keycloak.url(), Duration.ofSeconds(30))
                .stopAt(uri -> uri.toString().startsWith(RealmImportGenerator.WEB_CALLBACK));
        private final String verifier =
                Base64.getUrlEncoder().withoutPadding().encodeToString(SecureRandom.getSeed(32));

        Page openSignIn() throws Exception {
            String challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String uri = keycloak.url() + "/realms/" + REALM + "/protocol/openid-connect/auth?"
                    + FormBrowser.encode(Map.of(
                            "client_id",
                            RealmImportGenerator.WEB_CLIENT,
                            "redirect_uri",
                            RealmImportGenerator.WEB_CALLBACK,
                            "response_type",
                            "code",
                            "scope",
                            "openid",
                            "state",
                            UUID.randomUUID().toString(),
                            "code_challenge",
                            challenge,
                            "code_challenge_method",
                            "S256"));
            Page page = new Page(this, form.get(uri));
            assertThat(page.formId()).isEqualTo("kc-form-login");
            return page;
        }

        /** The secret a person types into an authenticator app ("unable to scan?"), Base32 as shown. */
        String manualSecret(Page page) {
            Matcher link = MANUAL.matcher(page.response().body());
            assertThat(link.find())
                    .as("the set-up page offers the secret as text")
                    .isTrue();
            HttpResponse<String> manual = form.getOnce(FormBrowser.attribute(link.group(), "href"));
            Matcher secret = SECRET.matcher(manual.body());
            assertThat(secret.find()).as("the secret is shown").isTrue();
            return secret.group(1).replace(" ", "").trim();
        }

        /** The realm roles of the access token the web application would get for this code. */
        List<String> roles(Page signedIn) throws Exception {
            HttpResponse<String> token = form.postOnce(
                    keycloak.url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                    Map.of(
                            "grant_type",
                            "authorization_code",
                            "client_id",
                            RealmImportGenerator.WEB_CLIENT,
                            "client_secret",
                            webSecret,
                            "code",
                            signedIn.code(),
                            "redirect_uri",
                            RealmImportGenerator.WEB_CALLBACK,
                            "code_verifier",
                            verifier));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String access = JSON.readTree(token.body()).path("access_token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
            return JSON.convertValue(
                    claims.path("realm_access").path("roles"),
                    JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        }
    }

    /** RFC 6238 with the realm's policy (HmacSHA1, 6 digits, 30 s), as an authenticator app computes it. */
    static final class Totp {
        /**
         * The current 30-second step, once it has at least 3 s left: a code sent just before the step changes
         * could reach Keycloak in the next one.
         */
        static long step() {
            await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() % 30_000 < 27_000);
            return current();
        }

        static long current() {
            return System.currentTimeMillis() / 30_000;
        }

        static String code(String base32Secret, long step) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        }

        private static byte[] base32(String text) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toUpperCase().replace("=", "").toCharArray()) {
                buffer = (buffer << 5) | alphabet.indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
