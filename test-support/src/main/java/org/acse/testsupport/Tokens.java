package org.acse.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real signed bearer tokens for each kind of caller, from the shared {@link TestIssuer}. */
public final class Tokens {
    public static final String ORG_A = "org-nice";
    public static final String ORG_B = "org-lyon";

    public static String partner(String organisationId) {
        return TestIssuer.shared()
                .token(
                        "partner@" + organisationId,
                        List.of("partner"),
                        Map.of("org_id", organisationId),
                        Duration.ofMinutes(30));
    }

    public static String staff(UUID shelterId) {
        return TestIssuer.shared()
                .token(
                        "staff@" + shelterId,
                        List.of("shelter-staff"),
                        Map.of("shelter_id", shelterId.toString()),
                        Duration.ofMinutes(30));
    }

    public static String coordinator() {
        return TestIssuer.shared().token("coordinator", List.of("coordinator"), Map.of(), Duration.ofMinutes(30));
    }

    /** A service account (client credentials). */
    public static String service(String name) {
        return TestIssuer.shared()
                .token("service-account-" + name, List.of("service"), Map.of(), Duration.ofMinutes(30));
    }

    public static String expiredCoordinator() {
        return TestIssuer.shared().expiredToken("coordinator", List.of("coordinator"), Map.of());
    }

    public static String coordinatorSignedByAnotherKey() {
        return TestIssuer.shared().tokenSignedByAnotherKey("coordinator", List.of("coordinator"), Map.of());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private Tokens() {}
}
