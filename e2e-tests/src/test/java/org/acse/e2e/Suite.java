package org.acse.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.acse.testsupport.KafkaBroker;
import org.acse.testsupport.PostgresServer;
import org.acse.testsupport.ServiceProcess;
import org.acse.testsupport.TestDatabase;

/**
 * The whole suite as production runs it: the three packaged services as separate JVMs, one real Kafka broker, one
 * fresh PostgreSQL database (a schema per service) and a real Keycloak with the {@code acse} realm. Started once for the e2e run.
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

    private Suite() {
        database = PostgresServer.get().createDatabase("acse_e2e");
        broker = KafkaBroker.start().withSuiteTopics();
        identities = new Identities();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        int placementPort = ServiceProcess.freePort();
        int notificationPort = ServiceProcess.freePort();
        List<ServiceProcess> started = new ArrayList<>();
        intake = launch("intake-service", ServiceProcess.freePort(), Map.of(), logs, started);
        placement = launch("placement-service", placementPort, Map.of(), logs, started);
        notification = launch("notification-service", notificationPort, Map.of(
                "acse.placement.url", "http://127.0.0.1:" + placementPort,
                "acse.dashboard.base-url", "http://127.0.0.1:" + notificationPort), logs, started);
        for (ServiceProcess service : started) {
            service.awaitReady(Duration.ofSeconds(90));
        }
    }

    static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    private ServiceProcess launch(String name, int port, Map<String, String> extra, Path logs,
            List<ServiceProcess> started) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.oidc.auth-server-url", identities.issuer()));
        properties.putAll(extra);
        ServiceProcess process = ServiceProcess.start(name, root.resolve(name), port, properties,
                List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), logs);
        started.add(process);
        return process;
    }

    @Override
    public void close() {
        for (ServiceProcess service : List.of(notification, placement, intake)) {
            service.close();
        }
        broker.close();
        database.drop();
    }
}
