package org.acse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points quarkus-oidc at the {@link TestIssuer}, so that tests call the API with real signed tokens. */
public class OidcResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", TestIssuer.shared().issuer());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}
