package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard and the alert rules speak about the acse_* metrics the services publish (runbook, "What to watch"). */
class ObservabilityTest {
    /** The metric contract the services' Micrometer meters must produce (Prometheus names). */
    static final List<String> DOMAIN_METRICS = List.of(
            "acse_outbox_backlog",
            "acse_referrals_submitted_total",
            "acse_referral_time_to_proposal_seconds_bucket",
            "acse_referral_time_to_acceptance_seconds_bucket",
            "acse_placement_no_match_total",
            "acse_placement_declines_total",
            "acse_placement_back_outs_total",
            "acse_placement_hold_expiries_total",
            "acse_alert_delivery_seconds_bucket",
            "acse_alert_delivery_failures_total",
            "acse_dlq_messages_total");

    @Test
    void theGrafanaDashboardShowsEveryDomainMetric() throws Exception {
        JsonNode dashboard = new ObjectMapper()
                .readTree(Files.readString(Kustomize.ROOT.resolve("k8s/base/monitoring/grafana-dashboard.json")));
        String expressions = String.join(
                "\n",
                dashboard.findValues("expr").stream().map(JsonNode::asText).toList());
        assertThat(expressions).contains(DOMAIN_METRICS);
    }

    @Test
    void everyOverlayScrapesTheServicesAndShipsTheDashboard() {
        for (String overlay : List.of("dev", "production")) {
            List<JsonNode> objects = Kustomize.render(overlay);
            JsonNode monitor = Kustomize.kind(objects, "ServiceMonitor")
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no ServiceMonitor"));
            assertThat(monitor.findValues("path").stream().map(JsonNode::asText))
                    .contains("/q/metrics");
            for (String service : KubernetesManifestsTest.SERVICES) {
                JsonNode svc = Kustomize.named(objects, "Service", service).orElseThrow();
                monitor.path("spec")
                        .path("selector")
                        .path("matchLabels")
                        .fields()
                        .forEachRemaining(e -> assertThat(svc.path("metadata")
                                        .path("labels")
                                        .path(e.getKey())
                                        .asText())
                                .as("%s: ServiceMonitor selects %s", overlay, service)
                                .isEqualTo(e.getValue().asText()));
            }
            assertThat(Kustomize.named(objects, "ConfigMap", "acse-grafana-dashboard"))
                    .as("%s dashboard", overlay)
                    .isPresent();
        }
    }
}
