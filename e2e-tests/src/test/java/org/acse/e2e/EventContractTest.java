package org.acse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schemas the end-to-end run checks every record against: they accept the document's examples, and only them. */
class EventContractTest {
    private final EventContract contract = EventContract.read(Path.of(System.getProperty("acse.root", "..")));

    @Test
    void everyMessageHasSchemasThatAcceptItsOwnExamples() {
        assertThat(contract.messages()).hasSizeGreaterThanOrEqualTo(13);
        for (Map.Entry<String, EventContract.Message> e : contract.messages().entrySet()) {
            JsonNode examples = e.getValue().definition().path("examples");
            assertThat(examples).as("examples of %s", e.getKey()).isNotEmpty();
            for (JsonNode example : examples) {
                assertThat(EventContract.violations(e.getValue(), example.path("headers"), example.path("payload")))
                        .as("example %s of %s", example.path("name").asText(), e.getKey())
                        .isEmpty();
            }
        }
    }

    @Test
    void refusesARecordWhoseDataOrHeadersLeaveTheSchema() {
        EventContract.Message submitted = contract.messages().get("org.acse.referral.submitted.v1");
        JsonNode example = submitted.definition().path("examples").get(0);

        ObjectNode noReferral = example.path("payload").deepCopy();
        noReferral.remove("referralId");
        ObjectNode badUrgency = example.path("payload").deepCopy();
        badUrgency.put("urgency", "WHENEVER");
        ObjectNode otherType = example.path("headers").deepCopy();
        otherType.put("ce_type", "org.acse.placement.proposed.v1");

        assertThat(EventContract.violations(submitted, example.path("headers"), noReferral))
                .singleElement()
                .asString()
                .contains("required");
        assertThat(EventContract.violations(submitted, example.path("headers"), badUrgency))
                .isNotEmpty()
                .noneMatch(v -> v.contains("WHENEVER"));
        assertThat(EventContract.violations(submitted, otherType, example.path("payload")))
                .isNotEmpty();
    }
}
