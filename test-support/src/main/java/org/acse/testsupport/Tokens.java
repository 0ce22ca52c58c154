package org.acse.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real signed bearer tokens for each kind of caller, from the shared {@link TestIssuer}. */
public final class Tokens {
    public static final String ORG_A = "org-nice";
    public static final String ORG_B = "org-lyon";

    /**
     * The services' client ids, each service's {@code quarkus.oidc.token.audience}. A person's token names all three,
     * as the realm's audience mappers do for the suite's user clients; a service account's names the other two.
     */
    public static final List<String> SERVICES = List.of("intake-service", "placement-service", "notification-service");

    public static String partner(String organisationId) {
        return TestIssuer.shared()
                .token(
                        "partner@" + organisationId,
                        List.of("partner"),
                        Map.of("org_id", organisationId),
                        SERVICES,
                        Duration.ofMinutes(30));
    }

    public static String staff(UUID shelterId) {
        return TestIssuer.shared()
                .token(
                        "staff@" + shelterId,
                        List.of("shelter-staff"),
                        Map.of("shelter_id", shelterId.toString()),
                        SERVICES,
                        Duration.ofMinutes(30));
    }

    public static String coordinator() {
        return TestIssuer.shared()
                .token("coordinator", List.of("coordinator"), Map.of(), SERVICES, Duration.ofMinutes(30));
    }

    /** A valid coordinator token issued for another client only (Keycloak's {@code account}): no service takes it. */
    public static String coordinatorForAnotherAudience() {
        return TestIssuer.shared()
                .token("coordinator", List.of("coordinator"), Map.of(), List.of("account"), Duration.ofMinutes(30));
    }

    /** A service account (client credentials) of the service {@code name}, for the two others. */
    public static String service(String name) {
        List<String> others = SERVICES.stream().filter(s -> !s.equals(name)).toList();
        return TestIssuer.shared()
                .token("service-account-" + name, List.of("service"), Map.of(), others, Duration.ofMinutes(30));
    }

    public static String expiredCoordinator() {
        return TestIssuer.shared().expiredToken("coordinator", List.of("coordinator"), Map.of(), SERVICES);
    }

    public static String coordinatorSignedByAnotherKey() {
        return TestIssuer.shared().tokenSignedByAnotherKey("coordinator", List.of("coordinator"), Map.of(), SERVICES);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private Tokens() {}
}
