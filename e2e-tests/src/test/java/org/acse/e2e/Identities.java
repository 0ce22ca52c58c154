package org.acse.e2e;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.acse.suite.KeycloakServer;

/**
 * Bearer tokens from the real Keycloak (realm {@code keycloak/acse-realm.json}) by password grant, as partners,
 * coordinators and shelter staff get them. Staff users are created once their shelter exists.
 */
final class Identities {
    static final String PASSWORD = "demo";

    private final KeycloakServer keycloak = KeycloakServer.shared();
    private final Map<UUID, String> staffUsers = new ConcurrentHashMap<>();

    String issuer() {
        return keycloak.issuer();
    }

    String partner(String organisation) {
        return keycloak.passwordToken("org-nice".equals(organisation) ? "partner.nice" : "partner.lyon", PASSWORD);
    }

    String coordinator() {
        return keycloak.passwordToken("coordinator", PASSWORD);
    }

    /** A staff member of the shelter (created in Keycloak on first use, with the shelter's id as claim). */
    String staff(String shelterCode, UUID shelterId) {
        String username = staffUsers.computeIfAbsent(shelterId, id -> {
            String name = "staff." + shelterCode.toLowerCase();
            keycloak.createUser(name, PASSWORD, "shelter-staff", Map.of("shelter_id", id.toString()));
            return name;
        });
        return keycloak.passwordToken(username, PASSWORD);
    }

    /** The Keycloak process outlives nothing: KeycloakServer stops it when the JVM exits. */
    KeycloakServer keycloak() {
        return keycloak;
    }
}
