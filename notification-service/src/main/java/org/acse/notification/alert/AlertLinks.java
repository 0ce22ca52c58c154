package org.acse.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Links that alerts carry: to the web application's page where the alert is answered. */
@ApplicationScoped
public class AlertLinks {
    @Inject
    AlertConfig config;

    /** A shelter's proposal: the team's proposals; a coordinators' alert: their decisions. */
    public String alert(Alert alert) {
        return alert.kind.forShelter() ? base() + "/staff" : coordination();
    }

    public String coordination() {
        return base() + "/coordinator/decisions";
    }

    private String base() {
        String url = config.webUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
