package org.acse.e2e;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.suite.Broker;
import org.acse.suite.Database;
import org.acse.suite.Ports;
import org.acse.suite.ServiceProcess;
import org.acse.suite.Suite;

/**
 * The whole suite as production runs it ({@link Suite}: the packaged services and the web application as separate
 * JVMs, a real broker, a fresh database, the real Keycloak), with a real SMTP server for the shelters' e-mail alerts.
 * Two instances of notification-service and of the web application, as production runs at least two replicas: web
 * instance n follows notification instance n's live stream. Started once for the e2e run.
 */
final class RunningSuite implements AutoCloseable {
    private static RunningSuite running;

    final Suite suite;
    /** The repository: the contracts the run is checked against are read from it. */
    final Path root;

    final Database database;
    final Broker broker;
    final Identities identities = new Identities();
    final ServiceProcess intake;
    final ServiceProcess placement;
    final ServiceProcess notification;
    final ServiceProcess web;
    /** Every instance of notification-service and of the web application, the first being the one above. */
    final List<ServiceProcess> notifications;

    final List<ServiceProcess> webs;
    /** A real SMTP server: shelters' e-mail alerts land here. */
    final GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private RunningSuite() {
        root = Path.of(System.getProperty("acse.root", ".."));
        smtp.start();
        try {
            suite = Suite.builder(root)
                    .freshDatabase("acse_e2e")
                    .logs(root.resolve("e2e-tests/target/e2e-logs"))
                    .smtpPort(smtp.getSmtp().getPort())
                    .instances(Suite.NOTIFICATION, 2)
                    .instances(Suite.WEB, 2)
                    // seven JVMs start at once, with Keycloak and the broker: on a loaded machine it takes a while
                    .readyTimeout(Duration.ofSeconds(240))
                    .start();
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
        database = suite.database();
        broker = suite.broker();
        intake = suite.service(Suite.INTAKE);
        placement = suite.service(Suite.PLACEMENT);
        notification = suite.service(Suite.NOTIFICATION);
        web = suite.service(Suite.WEB);
        notifications = suite.instances(Suite.NOTIFICATION);
        webs = suite.instances(Suite.WEB);
    }

    static synchronized RunningSuite get() {
        if (running == null) {
            running = new RunningSuite();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    /** Registers a shelter as a coordinator does ({@code POST /api/v1/shelters}); returns its id. */
    UUID registerShelter(Map<String, Object> shelter) {
        String id = given().auth()
                .oauth2(identities.coordinator())
                .contentType(ContentType.JSON)
                .body(shelter)
                .post(placement.url() + "/api/v1/shelters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    /** Sets a shelter's alert channels on notification-service, as a coordinator does. */
    void registerChannels(UUID shelterId, List<String> emails, String webhookUrl, String webhookSecret) {
        given().auth()
                .oauth2(identities.coordinator())
                .contentType(ContentType.JSON)
                .body(Map.of("emails", emails, "webhookUrl", webhookUrl, "webhookSecret", webhookSecret))
                .put(notification.url() + "/api/v1/shelters/" + shelterId + "/channels")
                .then()
                .statusCode(200);
    }

    @Override
    public void close() {
        suite.close();
        smtp.stop();
    }
}
