package org.acse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.KeywordFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The messages of {@code api/acse-events.asyncapi.yaml} as JSON Schemas: what a third party's consumer would check a
 * record against (its {@code ce_*} headers and its data), read from the document, never from the Java records.
 */
final class EventContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the document is registered for the validator, so that its {@code #/components/...} refs resolve. */
    private static final String BASE = "https://acse.example/api/acse-events.asyncapi.json";

    /** A message of the document: its headers' and payload's schemas. */
    record Message(String key, JsonSchema headers, JsonSchema payload, JsonNode definition) {}

    private static final KeywordFactory NON_VALIDATING = (value, context) -> new NonValidationKeyword(value);

    private final Map<String, Message> byType = new HashMap<>();

    private EventContract(JsonNode document) {
        String text;
        try {
            text = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // AsyncAPI's default schema format is a superset of JSON Schema draft 7.
        // The document's own keywords (asyncapi, channels, messages' examples...) are not schema keywords.
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory(NON_VALIDATING)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V7,
                b -> b.metaSchema(draft7)
                        .defaultMetaSchemaIri(draft7.getIri())
                        .schemaLoaders(l -> l.schemas(Map.of(BASE, text))));
        document.path("components").path("messages").fields().forEachRemaining(e -> {
            String pointer = BASE + "#/components/messages/" + e.getKey();
            byType.put(
                    e.getValue().path("name").asText(),
                    new Message(
                            e.getKey(),
                            factory.getSchema(SchemaLocation.of(pointer + "/headers")),
                            factory.getSchema(SchemaLocation.of(pointer + "/payload")),
                            e.getValue()));
        });
    }

    static EventContract read(Path root) {
        try {
            return new EventContract(
                    new YAMLMapper().readTree(Files.readString(root.resolve("api/acse-events.asyncapi.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Message> messages() {
        return byType;
    }

    /**
     * What is wrong with a record for a consumer holding only the document: an unknown {@code ce_type}, headers or
     * data outside the message's schemas, data that is not JSON. Empty when it conforms.
     */
    List<String> violations(ConsumerRecord<String, String> record) {
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        String type = headers.path("ce_type").asText();
        Optional<Message> message = Optional.ofNullable(byType.get(type));
        if (message.isEmpty()) {
            return List.of("ce_type '" + type + "' is not a message of the document");
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (IOException e) {
            return List.of(type + ": the data is not JSON");
        }
        return violations(message.get(), headers, data);
    }

    /** A missing {@code headers} node (an example may show the data only) checks the data alone. */
    static List<String> violations(Message message, JsonNode headers, JsonNode data) {
        List<String> found = new ArrayList<>();
        String name = message.definition().path("name").asText();
        if (!headers.isMissingNode()) {
            describe(name + " headers", message.headers().validate(headers), found);
        }
        describe(
                message.definition().path("name").asText() + " data",
                message.payload().validate(data),
                found);
        return found;
    }

    /** Messages name the schema keyword and location, never the value: data may be sensitive. */
    private static void describe(String what, Set<ValidationMessage> messages, List<String> into) {
        for (ValidationMessage m : messages) {
            into.add(what + ": " + m.getType() + " at " + m.getInstanceLocation() + " (" + m.getEvaluationPath() + ")");
        }
    }
}
