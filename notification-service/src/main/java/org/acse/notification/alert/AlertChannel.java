package org.acse.notification.alert;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the alerts channel on one connection of its own (not the pool's: it is held for the instance's
 * lifetime), on a thread of its own, and hands every alert id announced by any instance to the local feed. After a
 * lost connection it listens again; what was announced meanwhile is not replayed (ADR 14: pages catch up on reload).
 */
@ApplicationScoped
public class AlertChannel {
    private static final Logger LOG = Logger.getLogger(AlertChannel.class);
    static final String APPLICATION_NAME = "notification-alert-listener";

    @Inject
    AlertFeed feed;

    @Inject
    AlertConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "alert-channel");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.countDown();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (stopped.getCount() > 0) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AlertFeed.CHANNEL);
                }
                LOG.info("listening for alerts of every instance");
                PGConnection pg = connection.unwrap(PGConnection.class);
                int checkMillis = (int) config.live().checkEvery().toMillis();
                while (stopped.getCount() > 0) {
                    PGNotification[] notifications = pg.getNotifications(checkMillis);
                    if (notifications == null || notifications.length == 0) {
                        check(connection);
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (stopped.getCount() > 0) {
                    LOG.warnf("alerts channel lost (%s); listening again", e.getSQLState());
                }
            }
            pause();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password.orElse(""));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    /** A silent wait does not prove the connection alive: a round trip does. */
    private static void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    private void deliver(String payload) {
        try {
            if (!feed.deliver(payload)) {
                LOG.warn("ignored a notification on the alerts channel that is no alert or referral id");
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s not given to the live streams: %s",
                    payload, e.getClass().getSimpleName());
        }
    }

    private void pause() {
        try {
            stopped.await(config.live().reconnectAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }
}
