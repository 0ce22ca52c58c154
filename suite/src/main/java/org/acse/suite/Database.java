package org.acse.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database on the {@link PostgresServer}: a fresh one for one run (tests, benchmark), dropped at the end, or the
 * launcher's persistent one.
 */
public final class Database {
    private final PostgresServer server;
    private final String name;
    private volatile boolean dropped;

    Database(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    public synchronized void drop() {
        if (!dropped) {
            dropped = true;
            try {
                server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit: the server may already be gone
            }
        }
    }
}
