package org.acse.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.acse.suite.KeycloakServer;
import org.acse.suite.Ports;
import org.acse.testsupport.RecordingHttpStub;

/** The real Keycloak with the acse realm, intake and placement stand-ins, the application on a known port registered as acse-web's redirect. */
public class WebTestResource implements QuarkusTestResourceLifecycleManager {
    static RecordingHttpStub intake;
    static RecordingHttpStub placement;

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        int port = Ports.free();
        keycloak.addRedirectUri("acse-web", "http://127.0.0.1:" + port + "/callback");
        keycloak.addRedirectUri("acse-web", "http://localhost:" + port + "/callback");
        intake = IntakeStub.start();
        placement = PlacementStub.start();
        return Map.of(
                "quarkus.oidc.auth-server-url",
                keycloak.issuer(),
                "quarkus.http.test-port",
                String.valueOf(port),
                "acse.intake.url",
                intake.url(),
                "acse.placement.url",
                placement.url());
    }

    @Override
    public void stop() {
        if (intake != null) {
            intake.close();
        }
        if (placement != null) {
            placement.close();
        }
    }
}
