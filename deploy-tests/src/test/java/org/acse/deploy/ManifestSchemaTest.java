package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of every overlay, as {@code kubectl kustomize} renders it, matches the schema of its kind, unknown
 * fields rejected ({@link Schemas}): what {@code kubectl apply --dry-run=server} would say against the operators
 * the runbook names, without a cluster.
 */
class ManifestSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> objects = Kustomize.render(overlay);
        assertThat(objects).isNotEmpty();
        for (JsonNode object : objects) {
            problems.addAll(Schemas.check(object));
        }
        assertThat(problems)
                .as("%s: objects that the API server or an operator would refuse", overlay)
                .isEmpty();
    }

    @Test
    void anUnknownFieldIsRefusedInEveryKindOfSchema() {
        List<JsonNode> objects = Kustomize.render("production");
        // Kubernetes' own kind, deep in the pod template (a typo of a probe's port).
        JsonNode deployment =
                copy(Kustomize.named(objects, "Deployment", "intake-service").orElseThrow());
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/livenessProbe/httpGet")).put("prot", 9000);
        assertThat(Schemas.check(deployment)).singleElement().asString().contains("prot");
        // Strimzi: an unknown field, and a field v1 no longer has.
        JsonNode topic = copy(Kustomize.kind(objects, "KafkaTopic").findFirst().orElseThrow());
        ((ObjectNode) topic.path("spec")).put("replicationFactor", 3);
        assertThat(Schemas.check(topic)).singleElement().asString().contains("replicationFactor");
        JsonNode kafka = copy(Kustomize.named(objects, "Kafka", "acse-kafka").orElseThrow());
        ((ObjectNode) kafka.path("spec")).putObject("zookeeper").put("replicas", 3);
        assertThat(String.join("\n", Schemas.check(kafka))).contains("zookeeper");
        // A vendored CRD schema, and a Kubernetes type nested in it.
        JsonNode cluster =
                copy(Kustomize.named(objects, "Cluster", "acse-postgres").orElseThrow());
        ((ObjectNode) cluster.path("spec")).put("instance", 3);
        ((ObjectNode) cluster.at("/spec/resources")).putObject("limit").put("memory", "1Gi");
        assertThat(String.join("\n", Schemas.check(cluster)))
                .contains("'instance'")
                .contains("[limit]");
    }

    @Test
    void anOlderApiVersionOrAKindWithoutSchemaIsRefused() {
        JsonNode topic = copy(Kustomize.kind(Kustomize.render("dev"), "KafkaTopic")
                .findFirst()
                .orElseThrow());
        ((ObjectNode) topic).put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(Schemas.check(topic)).singleElement().asString().contains("no schema");
    }

    @Test
    void strimziVersionRangesAreRead() {
        assertThat(Schemas.includesV1("v1beta2")).isFalse();
        assertThat(Schemas.includesV1("v1alpha1-v1beta2")).isFalse();
        assertThat(Schemas.includesV1("v1beta2+")).isTrue();
        assertThat(Schemas.includesV1("v1")).isTrue();
        assertThat(Schemas.includesV1("all")).isTrue();
        assertThat(Schemas.strimziOlderOnly())
                .as("Strimzi marks what v1 dropped")
                .isNotEmpty();
    }

    private static JsonNode copy(JsonNode node) {
        return node.deepCopy();
    }
}
