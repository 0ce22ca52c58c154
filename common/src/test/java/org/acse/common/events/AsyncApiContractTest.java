package org.acse.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The AsyncAPI document {@code api/acse-events.asyncapi.yaml} says what the records of this package and the outbox
 * relay put on Kafka. Any drift fails here: a type without its message, a message on the wrong topic, a payload
 * schema whose properties are not exactly the record's components, an enum whose values are not the Java enum's.
 */
class AsyncApiContractTest {
    private static final Path DOCUMENT =
            Path.of(System.getProperty("acse.repo.root", "..")).resolve("api/acse-events.asyncapi.yaml");
    /** String components that carry the code of an enum on the wire. */
    private static final Map<String, Class<? extends Enum<?>>> CODES =
            Map.of("PlacementDecided.reason", DeclineReason.class);
    /** The producer of each topic: the {@code ce_source} its relay sets ({@code acse.outbox.source}). */
    private static final Map<String, String> SOURCES = Map.of(
            Topics.REFERRALS, "/acse/intake-service",
            Topics.PLACEMENTS, "/acse/placement-service",
            Topics.ALERTS, "/acse/notification-service");

    private static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        assertThat(DOCUMENT).as("the AsyncAPI document").isRegularFile();
        doc = new YAMLMapper().readTree(Files.readString(DOCUMENT));
    }

    @Test
    void isAnAsyncApi3DocumentWithAKafkaServer() {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        assertThat(doc.path("defaultContentType").asText()).isEqualTo(CloudEventHeaders.JSON);
        List<String> protocols = new ArrayList<>();
        doc.path("servers").forEach(s -> protocols.add(s.path("protocol").asText()));
        assertThat(protocols).isNotEmpty().allMatch(p -> p.startsWith("kafka"));
        doc.path("servers")
                .forEach(s -> assertThat(s.path("bindings").has("kafka")).isTrue());
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannel() {
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(c -> {
            addresses.add(c.path("address").asText());
            assertThat(c.path("bindings").path("kafka").path("topic").asText())
                    .as("the Kafka binding of %s", c.path("address").asText())
                    .isEqualTo(c.path("address").asText());
        });
        assertThat(addresses).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOnItsTopicWithItsRecordAsPayload(EventType type) {
        JsonNode message = messageOf(type);
        assertThat(message)
                .as("a message with ce_type %s on channel %s", type.type(), type.topic())
                .isNotNull();
        assertThat(message.path("name").asText()).isEqualTo(type.type());
        JsonNode payload = message.path("payload");
        assertThat(payload.path("$ref").asText())
                .as("%s payload", type.type())
                .isEqualTo("#/components/schemas/" + type.dataClass().getSimpleName());
        assertThat(headerConst(message, CloudEventHeaders.SOURCE))
                .as("%s ce_source", type.type())
                .isEqualTo(SOURCES.get(type.topic()));
        JsonNode key = resolve(message.path("traits").path(0))
                .path("bindings")
                .path("kafka")
                .path("key");
        assertThat(key.path("format").asText())
                .as("%s key: the referral id", type.type())
                .isEqualTo("uuid");
    }

    @Test
    void everyMessageOfAnEventChannelIsAKnownEventType() {
        Set<String> documented = new TreeSet<>();
        for (String topic : Topics.ALL) {
            channel(topic)
                    .path("messages")
                    .forEach(m -> documented.add(resolve(m).path("name").asText()));
        }
        Set<String> types = new TreeSet<>();
        Arrays.stream(EventType.values()).forEach(t -> types.add(t.type()));
        assertThat(documented).isEqualTo(types);
    }

    @Test
    void theCloudEventHeadersAreTheOnesTheRelaySends() {
        JsonNode headers = schema("CloudEventHeaders");
        assertThat(fieldNames(headers.path("properties")))
                .containsExactlyInAnyOrder(
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.ID,
                        CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE,
                        CloudEventHeaders.SUBJECT,
                        CloudEventHeaders.TIME,
                        CloudEventHeaders.CONTENT_TYPE,
                        CloudEventHeaders.TRACEPARENT);
        assertThat(headers.path("properties")
                        .path(CloudEventHeaders.SPEC_VERSION)
                        .path("const")
                        .asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(headers.path("properties")
                        .path(CloudEventHeaders.CONTENT_TYPE)
                        .path("const")
                        .asText())
                .isEqualTo(CloudEventHeaders.JSON);
        assertThat(texts(headers.path("required")))
                .doesNotContain(CloudEventHeaders.TRACEPARENT)
                .contains(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void thePayloadSchemaIsExactlyTheRecord(EventType type) {
        assertRecord(
                type.dataClass(),
                schema(type.dataClass().getSimpleName()),
                type.dataClass().getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theExamplesAreEventsOfTheirRecord(EventType type) throws IOException {
        ObjectMapper strict = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        JsonNode examples = messageOf(type).path("examples");
        assertThat(examples.isEmpty()).as("%s has an example", type.type()).isFalse();
        for (JsonNode example : examples) {
            AcseEvent event = strict.treeToValue(example.path("payload"), type.dataClass());
            assertThat(event.referralId()).isNotNull();
            // What the suite would write for it has the same fields as the example.
            JsonNode written = strict.readTree(EventJson.write(event));
            assertThat(fieldNames(written)).isEqualTo(fieldNames(example.path("payload")));
        }
    }

    @Test
    void aRecordWrittenByTheSuiteHasOnlyDocumentedFields() throws IOException {
        UUID id = UUID.randomUUID();
        ReferralSubmitted event = new ReferralSubmitted(
                id,
                "R-7KQ2M9XD",
                "org-nice",
                new Household(Gender.FEMALE, 30, List.of(4)),
                Needs.NONE,
                List.of("en"),
                Urgency.IMMEDIATE,
                List.of(DangerZone.commune("06088")),
                "06088",
                200,
                Instant.now(),
                null,
                null);
        JsonNode written = new ObjectMapper().readTree(EventJson.write(event));
        assertThat(fieldNames(written))
                .isEqualTo(fieldNames(schema("ReferralSubmitted").path("properties")));
        assertThat(fieldNames(written.path("household")))
                .isEqualTo(fieldNames(schema("Household").path("properties")));
    }

    // --- the record ↔ schema comparison ---

    private void assertRecord(Class<?> record, JsonNode schema, String where) {
        assertThat(record.isRecord()).as("%s is a record", record).isTrue();
        assertThat(schema.path("type").asText()).as("%s type", where).isEqualTo("object");
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
        }
        assertThat(fieldNames(schema.path("properties")))
                .as("%s properties are the components of %s", where, record.getSimpleName())
                .isEqualTo(components);
        assertThat(texts(schema.path("required"))).as("%s required", where).isSubsetOf(components);
        for (RecordComponent c : record.getRecordComponents()) {
            String path = where + "." + c.getName();
            assertType(
                    c.getGenericType(),
                    schema.path("properties").path(c.getName()),
                    record.getSimpleName() + "." + c.getName(),
                    path);
        }
    }

    private void assertType(Type type, JsonNode property, String component, String where) {
        JsonNode schema = resolve(property);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(types(schema)).as("%s is an array", where).contains("array");
            assertType(list.getActualTypeArguments()[0], schema.path("items"), component, where + "[]");
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            assertRecord(raw, schema, where);
        } else if (raw.isEnum()) {
            assertThat(enumValues(schema))
                    .as("%s enum is %s", where, raw.getSimpleName())
                    .isEqualTo(constants(raw));
        } else if (raw == UUID.class) {
            assertThat(format(schema)).as("%s format", where).isEqualTo("uuid");
        } else if (raw == Instant.class) {
            assertThat(format(schema)).as("%s format", where).isEqualTo("date-time");
        } else if (raw == String.class) {
            assertThat(types(schema)).as("%s type", where).contains("string");
            Class<? extends Enum<?>> codes = CODES.get(component);
            if (codes != null) {
                assertThat(enumValues(schema))
                        .as("%s holds %s codes", where, codes.getSimpleName())
                        .isEqualTo(constants(codes));
            }
        } else if (raw == int.class || raw == Integer.class) {
            assertThat(types(schema)).as("%s type", where).contains("integer");
            assertThat(raw.isPrimitive() && types(schema).contains("null"))
                    .as("%s is never null", where)
                    .isFalse();
        } else if (raw == boolean.class) {
            assertThat(types(schema)).as("%s type", where).containsExactly("boolean");
        } else if (raw == double.class || raw == Double.class) {
            assertThat(types(schema)).as("%s type", where).contains("number");
        } else {
            throw new AssertionError(where + ": no rule for " + raw + "; teach AsyncApiContractTest its schema");
        }
    }

    /** The enum values a schema allows, through {@code $ref} and {@code anyOf}/{@code oneOf}, nulls aside. */
    private Set<String> enumValues(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        for (String combinator : List.of("anyOf", "oneOf")) {
            schema.path(combinator).forEach(s -> values.addAll(enumValues(resolve(s))));
        }
        return values;
    }

    private Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            schema.path(combinator).forEach(s -> types.addAll(types(resolve(s))));
        }
        return types;
    }

    private String format(JsonNode schema) {
        assertThat(types(schema)).contains("string");
        return schema.path("format").asText();
    }

    private static Set<String> constants(Class<?> enumType) {
        Set<String> names = new TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }

    // --- navigating the document ---

    private JsonNode channel(String topic) {
        for (JsonNode c : doc.path("channels")) {
            if (topic.equals(c.path("address").asText())) {
                return c;
            }
        }
        throw new AssertionError("no channel with address " + topic);
    }

    private JsonNode messageOf(EventType type) {
        for (JsonNode m : channel(type.topic()).path("messages")) {
            JsonNode message = resolve(m);
            if (type.type().equals(headerConst(message, CloudEventHeaders.TYPE))) {
                return message;
            }
        }
        return null;
    }

    /** The {@code const} a message's headers schema gives one header, through {@code allOf} and {@code $ref}. */
    private String headerConst(JsonNode message, String header) {
        List<JsonNode> parts = new ArrayList<>();
        JsonNode headers = resolve(message.path("headers"));
        parts.add(headers);
        headers.path("allOf").forEach(p -> parts.add(resolve(p)));
        for (JsonNode part : parts) {
            JsonNode value = part.path("properties").path(header).path("const");
            if (!value.isMissingNode()) {
                return value.asText();
            }
        }
        return null;
    }

    private JsonNode schema(String name) {
        JsonNode schema = doc.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("components.schemas.%s", name).isFalse();
        return schema;
    }

    /** Follows a local {@code $ref} ({@code #/a/b/c}), as often as it takes. */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            assertThat(ref).as("only local references").startsWith("#/");
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
            node = target;
        }
        return node;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
