package org.acse.bench;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.acse.suite.PostgresServer;
import org.acse.testsupport.Tokens;
import org.jboss.logging.Logger;

/**
 * Takes the suite's database away for a while, in one of two ways ({@code -Dacse.faults.pg=}):
 * <ul>
 * <li>{@code restart}: restarts the whole local PostgreSQL cluster with {@code pg_ctlcluster} (needs root or the
 * postgres user, and disturbs everything else on that server: use it on CI or a machine of your own);</li>
 * <li>{@code terminate} (default): for this test's database only, refuses new connections
 * ({@code ALLOW_CONNECTIONS false}) and terminates every backend, for the outage's length, then lets connections in
 * again. To the services this looks like a restart: every
 * pooled connection dies and no new one can be made meanwhile.</li>
 * </ul>
 */
final class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    static void run(SuiteUnderTest suite, Duration outage) throws Exception {
        if ("restart".equals(System.getProperty("acse.faults.pg", "terminate"))) {
            restartCluster();
            return;
        }
        PostgresServer server = PostgresServer.get();
        String name = suite.database.name();
        try (Connection admin =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                Statement s = admin.createStatement()) {
            long begin = System.nanoTime();
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            try {
                LOG.infof("database %s: connections refused, backends terminated", name);
                // Every 250 ms for the outage's length: a connection that slipped in is cut again.
                await().atMost(outage.plusSeconds(30))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            terminateBackends(s, name);
                            return System.nanoTime() - begin >= outage.toNanos();
                        });
                LOG.infof("intake ready during the outage: %s", ready(suite.managementUrl("intake-service")));
            } finally {
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
                LOG.infof(
                        "database %s back after %d ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            }
        }
    }

    private static void terminateBackends(Statement s, String name) throws SQLException {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                + "' AND pid <> pg_backend_pid()");
    }

    private static boolean ready(String url) {
        try {
            return Json.send("GET", url + "/q/health/ready", Tokens.coordinator(), null)
                            .status()
                    == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void restartCluster() throws Exception {
        File[] versions = new File("/etc/postgresql").listFiles(File::isDirectory);
        if (versions == null || versions.length == 0) {
            throw new IllegalStateException(
                    "-Dacse.faults.pg=restart needs a Debian PostgreSQL cluster (pg_ctlcluster)");
        }
        String version = Arrays.stream(versions)
                .map(File::getName)
                .max(Comparator.comparingDouble(Double::parseDouble))
                .orElseThrow();
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart")
                .inheritIO()
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster restart failed");
        }
        LOG.infof("PostgreSQL cluster %s restarted", version);
    }

    private DatabaseOutage() {}
}
