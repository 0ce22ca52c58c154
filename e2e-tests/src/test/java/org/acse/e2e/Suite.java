package org.acse.e2e;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acse.testsupport.KafkaBroker;
import org.acse.testsupport.LocalSettings;
import org.acse.testsupport.PostgresServer;
import org.acse.testsupport.Ports;
import org.acse.testsupport.ServiceProcess;
import org.acse.testsupport.TestDatabase;

/**
 * The whole suite as production runs it: the three packaged services as separate JVMs, one real Kafka broker, one
 * fresh PostgreSQL database (a schema per service) and a real Keycloak with the {@code acse} realm, and the web
 * application in front of them. Started once for the e2e run.
 */
final class Suite implements AutoCloseable {
    private static Suite running;

    final Path root = Path.of(System.getProperty("acse.root", ".."));
    final TestDatabase database;
    final KafkaBroker broker;
    final Identities identities;
    final ServiceProcess intake;
    final ServiceProcess placement;
    final ServiceProcess notification;
    final ServiceProcess web;
    /** A real SMTP server: shelters' e-mail alerts land here. */
    final GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final int placementPort = Ports.free();
    private final int notificationPort = Ports.free();
    private final int webPort = Ports.free();

    private Suite() {
        database = PostgresServer.get().createDatabase("acse_e2e");
        broker = KafkaBroker.start().withSuiteTopics();
        identities = new Identities();
        smtp.start();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        List<ServiceProcess> started = new ArrayList<>();
        try {
            intake = launch("intake-service", Ports.free(), logs, started);
            placement = launch("placement-service", placementPort, logs, started);
            notification = launch("notification-service", notificationPort, logs, started);
            web = launchWeb(logs, started);
            for (ServiceProcess service : started) {
                service.awaitReady(Duration.ofSeconds(90));
            }
        } catch (RuntimeException e) {
            // Child JVMs outlive this one: never leave them behind.
            ServiceProcess.closeAll(started);
            broker.close();
            smtp.stop();
            database.drop();
            throw e;
        }
    }

    static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    private ServiceProcess launch(String name, int port, Path logs, List<ServiceProcess> started) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.oidc.auth-server-url", identities.issuer()));
        properties.putAll(LocalSettings.forService(name, "http://127.0.0.1:" + placementPort,
                "http://127.0.0.1:" + notificationPort, smtp.getSmtp().getPort()));
        ServiceProcess process = ServiceProcess.start(name, root.resolve(name), port, properties,
                ServiceProcess.JVM_OPTIONS, logs);
        started.add(process);
        return process;
    }

    /** The web application, signing people in on the suite's Keycloak and calling the three services. */
    private ServiceProcess launchWeb(Path logs, List<ServiceProcess> started) {
        identities.keycloak().addRedirectUri("acse-web", "http://127.0.0.1:" + webPort + "/callback");
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "quarkus.oidc.auth-server-url", identities.issuer(),
                "acse.intake.url", intake.url(), "acse.placement.url", placement.url(),
                "acse.notification.url", notification.url(),
                "acse.web.client-secret", "acse-web-local-secret", "acse.web.session-secret", LocalSettings.randomKey(),
                "quarkus.oidc.authentication.cookie-force-secure", "false",
                "quarkus.rest-csrf.cookie-force-secure", "false", "quarkus.http.host", "127.0.0.1"));
        ServiceProcess process = ServiceProcess.start("web", root.resolve("web"), webPort, properties,
                ServiceProcess.JVM_OPTIONS, logs);
        started.add(process);
        return process;
    }

    /** Registers a shelter as a coordinator does ({@code POST /api/v1/shelters}); returns its id. */
    UUID registerShelter(Map<String, Object> shelter) {
        String id = given().auth().oauth2(identities.coordinator()).contentType(ContentType.JSON).body(shelter)
                .post(placement.url() + "/api/v1/shelters").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Sets a shelter's alert channels on notification-service, as a coordinator does. */
    void registerChannels(UUID shelterId, List<String> emails, String webhookUrl, String webhookSecret) {
        given().auth().oauth2(identities.coordinator()).contentType(ContentType.JSON)
                .body(Map.of("emails", emails, "webhookUrl", webhookUrl, "webhookSecret", webhookSecret))
                .put(notification.url() + "/api/v1/shelters/" + shelterId + "/channels")
                .then().statusCode(200);
    }

    @Override
    public void close() {
        ServiceProcess.closeAll(List.of(web, notification, placement, intake));
        broker.close();
        smtp.stop();
        database.drop();
    }
}
