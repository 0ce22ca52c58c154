package org.acse.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * The schema of every kind the manifests render, unknown fields rejected:
 * <ul>
 * <li>Kubernetes' own kinds: the fabric8 Kubernetes model (generated from the Kubernetes OpenAPI). An unknown field
 * lands in a model object's {@code additionalProperties}, which must stay empty everywhere;</li>
 * <li>{@code kafka.strimzi.io/v1}: Strimzi's API model, the classes its CRDs are generated from, the same way; and a
 * property Strimzi marks as present only in older versions ({@code @PresentInVersions}) is refused in v1;</li>
 * <li>the other operators' kinds: the vendored subsets of their CRDs in {@code schemas/} (see its README), and the
 * Kubernetes types nested in them through the fabric8 model.</li>
 * </ul>
 * A kind with no schema is a failure: adding a resource means adding its schema.
 */
final class Schemas {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory JSON_SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** apiVersion/kind → the model class. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** apiVersion/kind → the vendored schema, under src/test/resources/schemas. */
    static final Map<String, String> VENDORED = Map.ofEntries(
            Map.entry("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/Cluster.yaml"),
            Map.entry("postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/Database.yaml"),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io/ScheduledBackup.yaml"),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", "barmancloud.cnpg.io/ObjectStore.yaml"),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/Keycloak.yaml"),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "k8s.keycloak.org/KeycloakRealmImport.yaml"),
            Map.entry("external-secrets.io/v1/ExternalSecret", "external-secrets.io/ExternalSecret.yaml"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/ServiceMonitor.yaml"),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", "monitoring.coreos.com/PodMonitor.yaml"),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", "monitoring.coreos.com/PrometheusRule.yaml"));

    /** Kubernetes types nested in the vendored kinds: checked against the fabric8 model (JSON pointer → type). */
    static final Map<String, Map<String, Class<?>>> NESTED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Map.of("/spec/resources", ResourceRequirements.class),
            "k8s.keycloak.org/v2alpha1/Keycloak",
                    Map.of(
                            "/spec/resources",
                            ResourceRequirements.class,
                            "/spec/unsupported/podTemplate",
                            PodTemplateSpec.class),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Map.of("/spec/resources", ResourceRequirements.class),
            "monitoring.coreos.com/v1/ServiceMonitor", Map.of("/spec/selector", LabelSelector.class),
            "monitoring.coreos.com/v1/PodMonitor", Map.of("/spec/selector", LabelSelector.class));

    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();
    private static volatile Set<String> strimziOlderOnly;

    private Schemas() {}

    /** What is wrong with one rendered object; empty when it matches its schema. */
    static List<String> check(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String where = key + " " + object.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(key);
        String vendored = VENDORED.get(key);
        if (model != null) {
            checkModel(object, model, where, problems);
        } else if (vendored != null) {
            for (ValidationMessage m : schema(vendored).validate(object)) {
                problems.add(where + ": " + m.getMessage());
            }
            checkModel(object.path("metadata"), ObjectMeta.class, where + " metadata", problems);
            NESTED.getOrDefault(key, Map.of()).forEach((pointer, type) -> {
                JsonNode nested = object.at(pointer);
                if (!nested.isMissingNode()) {
                    checkModel(nested, type, where + " " + pointer, problems);
                }
            });
        } else {
            problems.add(where + ": no schema for " + key + " (add its model or its CRD's schema to Schemas)");
        }
        return problems;
    }

    private static void checkModel(JsonNode node, Class<?> type, String where, List<String> problems) {
        Object value;
        try {
            value = STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            problems.add(where + ": " + e.getOriginalMessage());
            return;
        }
        boolean strimzi = type.getName().startsWith("io.strimzi.");
        walk(value, where, problems, strimzi, 0);
    }

    /** Every model object reached must have no additional (unknown) property. */
    private static void walk(Object value, String path, List<String> problems, boolean strimzi, int depth) {
        if (value == null
                || depth > 40
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, strimzi, depth + 1));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems, strimzi, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("io.fabric8.") && !type.getName().startsWith("io.strimzi.")) {
            return;
        }
        Map<?, ?> additional = additionalProperties(value);
        if (additional != null && !additional.isEmpty()) {
            problems.add(path + ": unknown field(s) " + additional.keySet());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                Object child;
                try {
                    field.setAccessible(true);
                    child = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (child == null) {
                    continue;
                }
                if (strimzi && strimziOlderOnly().contains(c.getName() + "#" + field.getName())) {
                    problems.add(
                            path + "." + field.getName() + ": not in kafka.strimzi.io/v1 (older API versions only)");
                }
                walk(child, path + "." + field.getName(), problems, strimzi, depth + 1);
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object result = getter.invoke(value);
            return result instanceof Map<?, ?> map ? map : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static JsonSchema schema(String resource) {
        return LOADED.computeIfAbsent(resource, r -> {
            try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + r)) {
                if (in == null) {
                    throw new AssertionError("schemas/" + r + " is missing");
                }
                return JSON_SCHEMAS.getSchema(YAML.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // --- Strimzi's @PresentInVersions, read from its class files ---

    private static final DotName PRESENT_IN_VERSIONS =
            DotName.createSimple("io.strimzi.crdgenerator.annotations.PresentInVersions");
    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    /** {@code class#property} of every Strimzi model property absent from v1. */
    static Set<String> strimziOlderOnly() {
        if (strimziOlderOnly == null) {
            strimziOlderOnly = readOlderOnly();
        }
        return strimziOlderOnly;
    }

    private static Set<String> readOlderOnly() {
        Indexer indexer = new Indexer();
        try (JarFile jar = new JarFile(Path.of(Kafka.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toFile())) {
            var entries = jar.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (entry.getName().startsWith("io/strimzi/api/")
                        && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        indexer.index(in);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read Strimzi's API model", e);
        }
        Index index = indexer.complete();
        Set<String> olderOnly = new HashSet<>();
        for (AnnotationInstance a : index.getAnnotations(PRESENT_IN_VERSIONS)) {
            if (includesV1(a.value().asString())) {
                continue;
            }
            AnnotationTarget target = a.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                String method = target.asMethod().name();
                String property = method.startsWith("get")
                        ? method.substring(3)
                        : method.startsWith("is") ? method.substring(2) : method;
                if (!property.isEmpty()) {
                    property = Character.toLowerCase(property.charAt(0)) + property.substring(1);
                }
                olderOnly.add(target.asMethod().declaringClass().name() + "#" + property);
            } else if (target.kind() == AnnotationTarget.Kind.FIELD) {
                olderOnly.add(target.asField().declaringClass().name() + "#"
                        + target.asField().name());
            }
        }
        return Set.copyOf(olderOnly);
    }

    /** A Strimzi version range: {@code v1beta2}, {@code v1beta2+}, {@code v1alpha1-v1beta2}, {@code all}. */
    static boolean includesV1(String range) {
        String r = range.trim();
        if (r.equals("all")) {
            return true;
        }
        if (r.endsWith("+")) {
            return rank(r.substring(0, r.length() - 1)) <= rank("v1");
        }
        int dash = r.indexOf('-');
        if (dash > 0) {
            return rank(r.substring(0, dash)) <= rank("v1") && rank("v1") <= rank(r.substring(dash + 1));
        }
        for (String v : r.split(",")) {
            if (rank(v.trim()) == rank("v1")) {
                return true;
            }
        }
        return false;
    }

    private static int rank(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected Strimzi API version " + version);
        }
        int major = Integer.parseInt(m.group(1)) * 1000;
        if (m.group(2) == null) {
            return major + 999;
        }
        return major + (m.group(2).equals("alpha") ? 0 : 500) + Integer.parseInt(m.group(3));
    }
}
