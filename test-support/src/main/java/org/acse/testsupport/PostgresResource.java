package org.acse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.acse.suite.Database;
import org.acse.suite.PostgresServer;

/**
 * A fresh database on the real PostgreSQL for one Quarkus test application, owned by the server's user; dropped at the
 * end.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private Database database;

    @Override
    public Map<String, String> start() {
        database = PostgresServer.get().createDatabase("acse_test");
        // Flyway migrates as the server's user, the owner; the service runs as its own role (its
        // application.properties), which the migrations create on this trust-auth server. Quarkus uses the Flyway user
        // only with a password: trust auth ignores it.
        return Map.of(
                "quarkus.datasource.jdbc.url",
                database.jdbcUrl(),
                "quarkus.flyway.username",
                database.user(),
                "quarkus.flyway.password",
                database.password().isEmpty() ? "trust" : database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}
