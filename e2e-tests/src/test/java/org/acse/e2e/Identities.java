package org.acse.e2e;

import java.util.Map;
import java.util.UUID;
import org.acse.testsupport.TestIssuer;
import org.acse.testsupport.Tokens;

/** Where the end-to-end tests get their bearer tokens. */
final class Identities implements AutoCloseable {

    static Identities start() {
        return new Identities();
    }

    String issuer() {
        return TestIssuer.shared().issuer();
    }

    /** Extra configuration a service needs to talk to this identity provider. */
    Map<String, String> serviceProperties(String service) {
        return Map.of();
    }

    String partner(String organisation) {
        return Tokens.partner(organisation);
    }

    String coordinator() {
        return Tokens.coordinator();
    }

    /** A staff member of the shelter, given the shelter's code and id. */
    String staff(String shelterCode, UUID shelterId) {
        return Tokens.staff(shelterId);
    }

    @Override
    public void close() {
    }
}
