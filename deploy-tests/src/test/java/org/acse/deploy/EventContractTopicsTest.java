package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event contract (api/acse-events.asyncapi.yaml) describes the topics production creates: each channel's Kafka
 * binding has the partitions, replicas and retention of its KafkaTopic, and every KafkaTopic is a channel.
 */
class EventContractTopicsTest {

    @Test
    void theChannelsAreTheProductionTopics() throws Exception {
        JsonNode contract =
                new YAMLMapper().readTree(Files.readString(Kustomize.ROOT.resolve("api/acse-events.asyncapi.yaml")));
        List<JsonNode> topics =
                Kustomize.kind(Kustomize.render("production"), "KafkaTopic").toList();
        assertThat(topics).hasSize(contract.path("channels").size());
        for (JsonNode topic : topics) {
            String name = topic.path("spec").path("topicName").asText();
            JsonNode binding = null;
            for (JsonNode channel : contract.path("channels")) {
                if (name.equals(channel.path("address").asText())) {
                    binding = channel.path("bindings").path("kafka");
                }
            }
            assertThat(binding).as("the contract has a channel for %s", name).isNotNull();
            JsonNode spec = topic.path("spec");
            assertThat(binding.path("partitions").asInt())
                    .as("%s partitions", name)
                    .isEqualTo(spec.path("partitions").asInt());
            assertThat(binding.path("replicas").asInt())
                    .as("%s replicas", name)
                    .isEqualTo(spec.path("replicas").asInt());
            assertThat(binding.path("topicConfiguration").path("retention.ms").asLong())
                    .as("%s retention.ms", name)
                    .isEqualTo(spec.path("config").path("retention.ms").asLong());
            assertThat(binding.path("topicConfiguration")
                            .path("cleanup.policy")
                            .get(0)
                            .asText())
                    .as("%s cleanup.policy", name)
                    .isEqualTo(spec.path("config").path("cleanup.policy").asText());
        }
    }
}
