package org.acse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.acse.suite.Database;
import org.acse.suite.PostgresServer;

/** A fresh database on the real PostgreSQL for one Quarkus test application; dropped at the end. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private Database database;

    @Override
    public Map<String, String> start() {
        database = PostgresServer.get().createDatabase("acse_test");
        return Map.of(
                "quarkus.datasource.jdbc.url",
                database.jdbcUrl(),
                "quarkus.datasource.username",
                database.user(),
                "quarkus.datasource.password",
                database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}
