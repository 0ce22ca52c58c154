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
import java.time.Duration;
import java.time.Instant;
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
 * lost connection it listens again, then reads again what changed since it last heard the channel (NOTIFY does not
 * replay it), so that the streams left open on this instance miss nothing.
 */
@ApplicationScoped
public class AlertChannel {
    private static final Logger LOG = Logger.getLogger(AlertChannel.class);
    static final String APPLICATION_NAME = "notification-alert-listener";
    /**
     * An alert's {@code updated_at} is set before its transaction commits: a change stamped this long before the
     * listener was lost may still have been announced after.
     */
    static final Duration REPLAY_MARGIN = Duration.ofSeconds(30);

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
        // Up to when this instance was surely listening: what changed after that (less the margin) is read again
        // on listening again, as NOTIFY does not replay what a lost listener missed. At start, streams may open
        // before the first LISTEN: they get what changed meanwhile too.
        Instant heardUntil = Instant.now();
        while (stopped.getCount() > 0) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AlertFeed.CHANNEL);
                }
                LOG.info("listening for alerts of every instance");
                replay(heardUntil.minus(REPLAY_MARGIN));
                PGConnection pg = connection.unwrap(PGConnection.class);
                int checkMillis = (int) config.live().checkEvery().toMillis();
                while (stopped.getCount() > 0) {
                    Instant waitBegan = Instant.now();
                    PGNotification[] notifications = pg.getNotifications(checkMillis);
                    if (notifications == null || notifications.length == 0) {
                        check(connection);
                        heardUntil = waitBegan;
                        continue;
                    }
                    heardUntil = waitBegan;
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

    private void replay(Instant since) {
        try {
            int replayed = feed.replayChangedSince(since);
            LOG.infof("%d alert or referral changes read again after listening again", replayed);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "changes missed while not listening not read again: %s",
                    e.getClass().getSimpleName());
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
