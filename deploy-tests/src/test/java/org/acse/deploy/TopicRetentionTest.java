package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retention (ADR 11): no topic keeps an event longer than the services keep what it is about, and every service
 * remembers a processed event longer than any topic can deliver it again.
 */
class TopicRetentionTest {
    private static final List<String> SERVICES = List.of("intake-service", "placement-service", "notification-service");
    private static final List<String> ERASURE_KEYS = List.of(
            "acse.intake.retention.after-closed",
            "acse.decision.retention.after-closed",
            "acse.notification.retention.after-closed");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyTopicForgetsBeforeTheServicesAndAfterTheirInboxes(String overlay) {
        Duration shortestErasure = SERVICES.stream()
                .map(ServiceConfig::of)
                .flatMap(c -> ERASURE_KEYS.stream()
                        .map(key -> c.properties().getProperty(key))
                        .filter(v -> v != null)
                        .map(Duration::parse))
                .min(Duration::compareTo)
                .orElseThrow();
        List<JsonNode> objects = Kustomize.render(overlay);
        for (String service : SERVICES) {
            Duration processed = Duration.parse(
                    ServiceConfig.of(service).properties().getProperty("acse.retention.messages.processed-after"));
            Kustomize.kind(objects, "KafkaTopic").forEach(topic -> {
                JsonNode spec = topic.path("spec");
                Duration retention = Duration.ofMillis(
                        spec.path("config").path("retention.ms").asLong());
                String name = spec.path("topicName").asText();
                assertThat(retention)
                        .as("%s: %s retention.ms against the erasure delays", overlay, name)
                        .isLessThanOrEqualTo(shortestErasure);
                assertThat(retention)
                        .as("%s: %s retention.ms against %s's processed events", overlay, name, service)
                        .isLessThan(processed);
            });
        }
    }
}
