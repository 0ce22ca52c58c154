package org.acse.launcher;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.acse.suite.KeycloakAdmin;

/**
 * {@code ./acse onboard}: people and partner systems into the realm, each with their tenant (the shelter a team
 * member answers for, the organisation a social worker refers for). On the local suite a person gets the demo
 * password; on a deployed Keycloak a one-time password, changed at first sign-in, and staff and coordinators set
 * up a second factor before their first session.
 */
final class Onboarding {

    enum Kind {
        STAFF,
        PARTNER,
        COORDINATOR,
        PARTNER_CLIENT
    }

    /** {@code username} is null for a partner client; {@code tenant} is the shelter or organisation id. */
    record Request(Kind kind, String username, String tenant) {}

    private static final String LOCAL_ADMIN = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakAdmin admin;
    private final boolean local;
    private final Console console;

    private Onboarding(KeycloakAdmin admin, boolean local, Console console) {
        this.admin = admin;
        this.local = local;
        this.console = console;
    }

    /** The local suite's Keycloak, or the one {@code ACSE_KEYCLOAK_URL} names with an administrator's account. */
    static Onboarding from(Map<String, String> env, Console console) {
        String url = env.get("ACSE_KEYCLOAK_URL");
        if (url == null || url.isBlank()) {
            return new Onboarding(new KeycloakAdmin(SuiteApi.KEYCLOAK, LOCAL_ADMIN, LOCAL_ADMIN), true, console);
        }
        String user = env.get("ACSE_KEYCLOAK_ADMIN");
        String password = env.get("ACSE_KEYCLOAK_ADMIN_PASSWORD");
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException(
                    "with ACSE_KEYCLOAK_URL, set ACSE_KEYCLOAK_ADMIN and ACSE_KEYCLOAK_ADMIN_PASSWORD too");
        }
        String realm = env.getOrDefault("ACSE_KEYCLOAK_ADMIN_REALM", "master");
        return new Onboarding(new KeycloakAdmin(url, realm, user, password), false, console);
    }

    int run(Request request) {
        if (request.kind() == Kind.PARTNER_CLIENT) {
            KeycloakAdmin.PartnerClient client = admin.createPartnerClient(request.tenant());
            console.line("Client %s for organisation %s (client credentials):", client.clientId(), request.tenant());
            console.line("  client secret: %s", client.secret());
            console.line("  token: POST <keycloak>/realms/acse/protocol/openid-connect/token with"
                    + " grant_type=client_credentials, client_id and client_secret");
            console.line("Give the secret through a separate channel; it is not stored anywhere else.");
            return 0;
        }
        KeycloakAdmin.Password password = local
                ? new KeycloakAdmin.Password(SuiteApi.DEMO_PASSWORD, false)
                : new KeycloakAdmin.Password(oneTimePassword(), true);
        List<String> actions = local || request.kind() == Kind.PARTNER ? List.of() : List.of("CONFIGURE_TOTP");
        switch (request.kind()) {
            case STAFF ->
                admin.createUser(
                        request.username(), password, "shelter-staff", Map.of("shelter_id", request.tenant()), actions);
            case PARTNER ->
                admin.createUser(request.username(), password, "partner", Map.of("org_id", request.tenant()), actions);
            case COORDINATOR -> admin.createUser(request.username(), password, "coordinator", Map.of(), actions);
            default -> throw new IllegalStateException("unexpected " + request.kind());
        }
        if (local) {
            console.line("%s can sign in with the password '%s'.", request.username(), password.value());
        } else {
            console.line(
                    "%s can sign in once with the password %s (shown only now; give it through a separate channel),"
                            + " then chooses their own%s.",
                    request.username(), password.value(), actions.isEmpty() ? "" : " and sets up a second factor");
        }
        return 0;
    }

    private static String oneTimePassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
