package org.acse.suite;

import java.util.List;
import java.util.Map;

/** The suite's ports on one machine for people ({@code ./acse up}, the README's table); tests use free ones. */
public final class FixedPorts {
    public static final int KAFKA = 9092;
    public static final int KAFKA_CONTROLLER = 9093;
    public static final int KEYCLOAK = 8180;
    private static final Map<String, Integer> SERVICES =
            Map.of(Suite.INTAKE, 8081, Suite.PLACEMENT, 8082, Suite.NOTIFICATION, 8083, Suite.WEB, 8080);

    /** A service's HTTP port (0 for a name that is none of the suite's). */
    public static int service(String name) {
        return SERVICES.getOrDefault(name, 0);
    }

    /** A service's health and metrics: its HTTP port + 1000 (9081, 9082, 9083, 9080). */
    public static int management(String name) {
        return service(name) + 1000;
    }

    /** Every port the suite takes. */
    public static List<Integer> all() {
        return List.of(
                service(Suite.WEB),
                service(Suite.INTAKE),
                service(Suite.PLACEMENT),
                service(Suite.NOTIFICATION),
                KEYCLOAK,
                KAFKA,
                KAFKA_CONTROLLER);
    }

    private FixedPorts() {}
}
