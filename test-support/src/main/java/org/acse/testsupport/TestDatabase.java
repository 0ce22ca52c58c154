package org.acse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh database for one test run. */
public final class TestDatabase {
    private final PostgresServer server;
    private final String name;
    private volatile boolean dropped;

    TestDatabase(PostgresServer server, String name) {
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
