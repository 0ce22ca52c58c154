package org.acse.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Links to the dashboard that alerts carry. */
@ApplicationScoped
public class AlertLinks {
    @ConfigProperty(name = "acse.dashboard.base-url")
    String baseUrl;

    public String alert(UUID alertId) {
        return base() + "/dashboard/#alert-" + alertId;
    }

    public String coordination() {
        return base() + "/dashboard/#coordination";
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
