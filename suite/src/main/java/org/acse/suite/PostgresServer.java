package org.acse.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server tests and the launcher use (product §10): {@code ACSE_PG_URL} if set (a JDBC URL of a database
 * on the server, with a user allowed to create databases), else a server on 127.0.0.1:5432 (user {@code postgres}),
 * else an embedded one. Databases made here are fresh, and dropped when the JVM exits.
 */
public final class PostgresServer {
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final EmbeddedPostgres embedded;

    private PostgresServer(
            String host, int port, String user, String password, String adminDatabase, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.embedded = embedded;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static PostgresServer locate() {
        String url = System.getenv("ACSE_PG_URL");
        if (url != null && !url.isBlank()) {
            return fromUrl(url);
        }
        if (listening("127.0.0.1", 5432)) {
            return new PostgresServer("127.0.0.1", 5432, "postgres", "", "postgres", null);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("No PostgreSQL: nothing listens on 127.0.0.1:5432 and ACSE_PG_URL is not"
                    + " set, and the embedded PostgreSQL cannot run as root. Start one, e.g."
                    + " 'pg_ctlcluster --skip-systemctl-redirect 15 main start', or set ACSE_PG_URL.");
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** {@code jdbc:postgresql://host:port/db?user=u&password=p}. */
    static PostgresServer fromUrl(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String afterHost = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "postgres";
        String db = afterHost.contains("?") ? afterHost.substring(0, afterHost.indexOf('?')) : afterHost;
        String query = afterHost.contains("?") ? afterHost.substring(afterHost.indexOf('?') + 1) : "";
        String user = "postgres";
        String password = "";
        for (String pair : query.split("&")) {
            if (pair.startsWith("user=")) {
                user = pair.substring(5);
            } else if (pair.startsWith("password=")) {
                password = pair.substring(9);
            }
        }
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        return new PostgresServer(host, port, user, password, db.isEmpty() ? "postgres" : db, null);
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** A new empty database named {@code <prefix>_<random>}, dropped when the JVM exits. */
    public Database createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        Database database = new Database(this, name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    /** Creates the database unless it exists: the launcher's persistent database, kept across runs. */
    public Database ensureDatabase(String name) {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return new Database(this, name);
    }

    void execute(String sql) {
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
    }
}
