package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.acse.common.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders every overlay and checks the deployment rules (product §10, docs/deploying-to-kubernetes.md) against the rendered objects and the code. */
class KubernetesManifestsTest {
    static final List<String> SERVICES = List.of("intake-service", "placement-service", "notification-service");
    /** The web application, deployed like a service but with no database, broker or topic of its own. */
    static final String WEB = "web";
    /** Every Deployment of the suite: the three services and the web application. */
    static final List<String> WORKLOADS = List.of("intake-service", "placement-service", "notification-service", WEB);

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");
    /** Quarkus' management interface (quarkus.management.port): health and metrics, never behind the Ingress. */
    static final int MANAGEMENT_PORT = 9000;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceIsDeployedWithItsServicePdbAndNetworkPolicy(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        Set<String> deployments = Kustomize.kind(objects, "Deployment")
                .map(KubernetesManifestsTest::name)
                .collect(Collectors.toSet());
        assertThat(deployments).as("Deployments in %s", overlay).containsExactlyInAnyOrderElementsOf(WORKLOADS);
        for (String service : WORKLOADS) {
            JsonNode deployment =
                    Kustomize.named(objects, "Deployment", service).orElseThrow();
            Map<String, String> podLabels =
                    labels(deployment.path("spec").path("template").path("metadata"));
            JsonNode svc = Kustomize.named(objects, "Service", service)
                    .orElseThrow(() -> new AssertionError(overlay + ": no Service for " + service));
            assertThat(selects(svc.path("spec").path("selector"), podLabels))
                    .as("Service %s selects its pods", service)
                    .isTrue();
            assertThat(Kustomize.kind(objects, "PodDisruptionBudget")
                            .anyMatch(pdb ->
                                    selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels)))
                    .as("%s: a PodDisruptionBudget covers %s", overlay, service)
                    .isTrue();
            if (overlay.equals("production")) {
                JsonNode hpa = Kustomize.named(objects, "HorizontalPodAutoscaler", service)
                        .orElseThrow(() -> new AssertionError("production: no HorizontalPodAutoscaler for " + service));
                assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                        .isEqualTo(service);
                assertThat(hpa.path("spec").path("minReplicas").asInt())
                        .as("%s minReplicas", service)
                        .isGreaterThanOrEqualTo(2);
                assertThat(deployment
                                .path("spec")
                                .path("template")
                                .path("spec")
                                .path("affinity")
                                .path("podAntiAffinity")
                                .isMissingNode())
                        .as("production: %s has pod anti-affinity", service)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyWorkloadHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        Kustomize.kind(objects, "Deployment").forEach(deployment -> {
            String name = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as("%s runAsNonRoot", name)
                    .isTrue();
            assertThat(pod.path("securityContext")
                            .path("seccompProfile")
                            .path("type")
                            .asText())
                    .as("%s pod seccomp", name)
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as("%s mounts no API token", name)
                    .isFalse();
            for (JsonNode container : pod.path("containers")) {
                String where =
                        overlay + "/" + name + "/" + container.path("name").asText();
                assertProbe(where, container, "startupProbe", "/q/health/started");
                assertProbe(where, container, "livenessProbe", "/q/health/live");
                assertProbe(where, container, "readinessProbe", "/q/health/ready");

                JsonNode sc = container.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true))
                        .as("%s allowPrivilegeEscalation", where)
                        .isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean())
                        .as("%s readOnlyRootFilesystem", where)
                        .isTrue();
                assertThat(sc.path("privileged").asBoolean(false))
                        .as("%s privileged", where)
                        .isFalse();
                assertThat(texts(sc.path("capabilities").path("drop")))
                        .as("%s drops capabilities", where)
                        .contains("ALL");
                assertThat(texts(sc.path("capabilities").path("add")))
                        .as("%s adds no capability", where)
                        .isEmpty();

                JsonNode resources = container.path("resources");
                for (String field : List.of("requests", "limits")) {
                    assertThat(resources.path(field).path("cpu").isMissingNode())
                            .as("%s %s.cpu", where, field)
                            .isFalse();
                    assertThat(resources.path(field).path("memory").isMissingNode())
                            .as("%s %s.memory", where, field)
                            .isFalse();
                }
                long limit = mebibytes(resources.path("limits").path("memory").asText());
                assertThat(limit)
                        .as("%s memory limit (MiB): room for 300 MB RSS, no more than a service needs", where)
                        .isBetween(300L, 512L);
                assertThat(mebibytes(resources.path("requests").path("memory").asText()))
                        .isLessThanOrEqualTo(limit);

                String javaOpts = environment(objects, container).get("JAVA_OPTS");
                assertThat(javaOpts).as("%s sets JAVA_OPTS", where).isNotBlank();
                Matcher xmx = XMX.matcher(javaOpts);
                assertThat(xmx.find())
                        .as("%s JAVA_OPTS sets -Xmx: %s", where, javaOpts)
                        .isTrue();
                long heap = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
                assertThat(heap)
                        .as("%s heap leaves room for non-heap memory under the limit", where)
                        .isLessThanOrEqualTo(limit / 2);

                Set<String> tmpVolumes = new HashSet<>();
                for (JsonNode v : pod.path("volumes")) {
                    if (v.has("emptyDir")) {
                        tmpVolumes.add(v.path("name").asText());
                    }
                }
                assertThat(container.path("volumeMounts").findParents("mountPath").stream()
                                .anyMatch(m -> m.path("mountPath").asText().equals("/tmp")
                                        && tmpVolumes.contains(m.path("name").asText())))
                        .as("%s has an emptyDir on /tmp (the root filesystem is read-only)", where)
                        .isTrue();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void networkPoliciesDenyByDefaultAndCoverEveryWorkload(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        List<JsonNode> policies = Kustomize.kind(objects, "NetworkPolicy").toList();
        assertThat(policies.stream()
                        .anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                                && texts(p.path("spec").path("policyTypes")).containsAll(List.of("Ingress", "Egress"))
                                && p.path("spec").path("ingress").isEmpty()
                                && p.path("spec").path("egress").isEmpty()))
                .as("%s: a default-deny policy for all pods, ingress and egress", overlay)
                .isTrue();

        Kustomize.kind(objects, "Deployment").forEach(deployment -> {
            String name = name(deployment);
            Map<String, String> podLabels =
                    labels(deployment.path("spec").path("template").path("metadata"));
            Set<Integer> containerPorts = new HashSet<>();
            deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .forEach(c -> c.path("ports")
                            .forEach(p ->
                                    containerPorts.add(p.path("containerPort").asInt())));
            List<JsonNode> own = policies.stream()
                    .filter(p -> !p.path("spec").path("podSelector").isEmpty())
                    .filter(p -> selects(p.path("spec").path("podSelector").path("matchLabels"), podLabels))
                    .toList();
            assertThat(own).as("%s: a NetworkPolicy selects %s", overlay, name).isNotEmpty();
            assertThat(own.stream()
                            .flatMap(p -> texts(p.path("spec").path("policyTypes")).stream())
                            .collect(Collectors.toSet()))
                    .as("%s: %s's policies define ingress and egress", overlay, name)
                    .contains("Ingress", "Egress");
            for (JsonNode policy : own) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    assertThat(rule.path("from").isEmpty())
                            .as("%s: %s lets any source reach %s", overlay, name(policy), name)
                            .isFalse();
                    assertThat(rule.path("ports").isEmpty())
                            .as("%s: %s opens every port of %s", overlay, name(policy), name)
                            .isFalse();
                    rule.path("ports")
                            .forEach(p -> assertThat(containerPorts)
                                    .as("%s: %s opens a port %s does not listen on", overlay, name(policy), name)
                                    .contains(p.path("port").asInt()));
                }
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    assertThat(rule.path("ports").isEmpty())
                            .as("%s: %s lets %s reach every port of its destinations", overlay, name(policy), name)
                            .isFalse();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyTopicAndItsDeadLetterTopicIsAKafkaTopic(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        Map<String, JsonNode> topics = Kustomize.kind(objects, "KafkaTopic")
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(name(t)), t -> t));
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                JsonNode kafkaTopic = topics.get(name);
                assertThat(kafkaTopic)
                        .as("%s: KafkaTopic for %s (Topics.ALL)", overlay, name)
                        .isNotNull();
                JsonNode spec = kafkaTopic.path("spec");
                assertThat(spec.path("partitions").asInt())
                        .as("%s partitions", name)
                        .isPositive();
                assertThat(spec.path("config").path("retention.ms").asLong())
                        .as("%s retention.ms", name)
                        .isPositive();
                if (overlay.equals("production")) {
                    assertThat(spec.path("replicas").asInt())
                            .as("%s replicas", name)
                            .isEqualTo(3);
                    assertThat(spec.path("config").path("min.insync.replicas").asInt())
                            .as("%s min ISR", name)
                            .isEqualTo(2);
                }
            }
        }
        if (overlay.equals("production")) {
            // A consumer group gives each partition to one member: more replicas than partitions would sit idle.
            for (String service : SERVICES) {
                int maxReplicas = Kustomize.named(objects, "HorizontalPodAutoscaler", service)
                        .orElseThrow()
                        .path("spec")
                        .path("maxReplicas")
                        .asInt();
                for (ServiceConfig.Incoming in : ServiceConfig.of(service).incoming()) {
                    JsonNode topic = topics.get(in.topic());
                    assertThat(topic)
                            .as("%s consumes %s, which has no KafkaTopic", service, in.topic())
                            .isNotNull();
                    assertThat(topic.path("spec").path("partitions").asInt())
                            .as("%s: partitions of %s bound its %d replicas", service, in.topic(), maxReplicas)
                            .isGreaterThanOrEqualTo(maxReplicas);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyKafkaUserMayConsumeWhatItsServiceConsumes(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        for (String service : SERVICES) {
            JsonNode user = Kustomize.named(objects, "KafkaUser", service)
                    .orElseThrow(() -> new AssertionError(overlay + ": no KafkaUser " + service));
            JsonNode acls = user.path("spec").path("authorization").path("acls");
            for (ServiceConfig.Incoming in : ServiceConfig.of(service).incoming()) {
                assertThat(allows(acls, "topic", in.topic(), "Read"))
                        .as("%s may read %s", service, in.topic())
                        .isTrue();
                assertThat(allows(acls, "group", in.groupId(), "Read"))
                        .as("%s may use group %s", service, in.groupId())
                        .isTrue();
                if (in.deadLetterTopic() != null) {
                    assertThat(allows(acls, "topic", in.deadLetterTopic(), "Write"))
                            .as("%s may write its dead letters to %s", service, in.deadLetterTopic())
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyEnvironmentVariableTheProdProfileRequiresIsProvided(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        for (String service : WORKLOADS) {
            JsonNode container = Kustomize.container(objects, service);
            Set<String> provided = environment(objects, container).keySet();
            assertThat(provided)
                    .as("%s: %s's %%prod profile needs these environment variables", overlay, service)
                    .containsAll(ServiceConfig.of(service).requiredEnvironment());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everySecretReferencedExistsWithItsKeys(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        if (overlay.equals("production")) {
            assertThat(Kustomize.kind(objects, "Secret")
                            .map(KubernetesManifestsTest::name)
                            .toList())
                    .as("production commits no Secret: they come from the external store")
                    .isEmpty();
        }
        Kustomize.kind(objects, "Deployment").forEach(deployment -> {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode ref : pod.findValues("secretKeyRef")) {
                String secret = ref.path("name").asText();
                assertThat(secretKeys(objects, secret))
                        .as(
                                "%s: %s reads key %s of Secret %s",
                                overlay, name(deployment), ref.path("key").asText(), secret)
                        .contains(ref.path("key").asText());
            }
            for (JsonNode from : pod.findValues("envFrom")) {
                for (JsonNode source : from) {
                    if (source.has("secretRef")) {
                        assertThat(secretKeys(
                                        objects,
                                        source.path("secretRef").path("name").asText()))
                                .as(
                                        "%s: Secret %s exists",
                                        overlay,
                                        source.path("secretRef").path("name").asText())
                                .isNotNull();
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    assertThat(secretKeys(
                                    objects,
                                    volume.path("secret").path("secretName").asText()))
                            .as(
                                    "%s: volume Secret %s",
                                    overlay,
                                    volume.path("secret").path("secretName").asText())
                            .isNotEmpty();
                }
            }
        });
        // Secrets named by the operators' resources.
        Set<String> named = new TreeSet<>();
        Kustomize.kind(objects, "Cluster")
                .forEach(c -> c.path("spec")
                        .path("managed")
                        .path("roles")
                        .forEach(r ->
                                named.add(r.path("passwordSecret").path("name").asText())));
        Kustomize.kind(objects, "Keycloak")
                .forEach(k -> k.path("spec").path("db").findValues("name").forEach(n -> named.add(n.asText())));
        Kustomize.kind(objects, "KeycloakRealmImport")
                .forEach(r -> r.path("spec")
                        .path("placeholders")
                        .forEach(p -> named.add(p.path("secret").path("name").asText())));
        Kustomize.kind(objects, "ObjectStore")
                .forEach(o -> o.findValues("s3Credentials")
                        .forEach(c -> c.findValues("name").forEach(n -> named.add(n.asText()))));
        for (String secret : named) {
            assertThat(secretKeys(objects, secret))
                    .as("%s: Secret %s named by an operator resource", overlay, secret)
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionBackupsAreEncryptedAtRest(String overlay) {
        List<JsonNode> stores =
                Kustomize.kind(Kustomize.render(overlay), "ObjectStore").toList();
        assertThat(stores).as("production's backup object stores").isNotEmpty();
        for (JsonNode store : stores) {
            JsonNode configuration = store.path("spec").path("configuration");
            assertThat(configuration.path("wal").path("encryption").asText())
                    .as("%s: WAL archive encryption", name(store))
                    .isIn("AES256", "aws:kms");
            assertThat(configuration.path("data").path("encryption").asText())
                    .as("%s: base backup encryption", name(store))
                    .isIn("AES256", "aws:kms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionImagesArePinnedByDigest(String overlay) {
        Kustomize.kind(Kustomize.render(overlay), "Deployment")
                .forEach(d -> d.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .forEach(c -> assertThat(c.path("image").asText())
                                .as("%s image: a registry name and a sha256 digest (kustomize images: digest)", name(d))
                                .matches("[a-z0-9.:-]+(/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theNamespaceEnforcesRestrictedPodSecurity(String overlay) {
        JsonNode namespace =
                Kustomize.named(Kustomize.render(overlay), "Namespace", "acse").orElseThrow();
        JsonNode labels = namespace.path("metadata").path("labels");
        for (String mode : List.of("enforce", "warn", "audit")) {
            assertThat(labels.path("pod-security.kubernetes.io/" + mode).asText())
                    .as("%s: %s", overlay, mode)
                    .isEqualTo("restricted");
        }
    }

    /**
     * A pod told to stop (a rolling update, a drained node) drains before Kubernetes kills it: the shutdown delay
     * (readiness down, still serving), the in-flight requests' timeout, the outbox relay's last pass (5 s) and the
     * consumers' close (5 s) fit in its terminationGracePeriodSeconds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceDrainsWithinItsTerminationGracePeriod(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        for (String service : WORKLOADS) {
            ServiceConfig config = ServiceConfig.of(service);
            assertThat(config.prodValue("quarkus.shutdown.delay-enabled"))
                    .as("%s: shutdown delay enabled", service)
                    .isEqualTo("true");
            long delay = seconds(config.prodValue("quarkus.shutdown.delay"));
            long timeout = seconds(config.prodValue("quarkus.shutdown.timeout"));
            assertThat(delay)
                    .as("%s: a shutdown delay for the endpoints to drop the pod", service)
                    .isPositive();
            JsonNode spec = Kustomize.named(objects, "Deployment", service)
                    .orElseThrow()
                    .path("spec")
                    .path("template")
                    .path("spec");
            assertThat(spec.path("terminationGracePeriodSeconds").asLong(30))
                    .as(
                            "%s (%s): grace period for delay %d s + timeout %d s + relay and consumers 10 s",
                            service, overlay, delay, timeout)
                    .isGreaterThanOrEqualTo(delay + timeout + 10);
        }
    }

    /** {@code 5s}, {@code 10S}, {@code PT15S}: whole seconds. */
    private static long seconds(String duration) {
        assertThat(duration).as("a shutdown duration").isNotNull();
        String d = duration.trim().toUpperCase();
        return Duration.parse(d.startsWith("P") ? d : "PT" + d).toSeconds();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void anHpaOwnsTheReplicaCountOfItsDeployment(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        Kustomize.kind(objects, "HorizontalPodAutoscaler").forEach(hpa -> {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            JsonNode deployment = Kustomize.named(objects, "Deployment", target)
                    .orElseThrow(() -> new AssertionError(overlay + ": HPA " + name(hpa) + " targets no Deployment"));
            assertThat(deployment.path("spec").has("replicas"))
                    .as(
                            "%s: %s sets replicas that its HPA (min %d) owns: a re-apply would scale it down",
                            overlay,
                            target,
                            hpa.path("spec").path("minReplicas").asInt())
                    .isFalse();
            assertThat(hpa.path("spec").path("minReplicas").asInt())
                    .isLessThanOrEqualTo(hpa.path("spec").path("maxReplicas").asInt());
        });
        Kustomize.kind(objects, "Deployment").forEach(d -> {
            boolean scaled = Kustomize.kind(objects, "HorizontalPodAutoscaler")
                    .anyMatch(h -> name(d).equals(h.path("spec")
                            .path("scaleTargetRef")
                            .path("name")
                            .asText()));
            if (!scaled) {
                assertThat(d.path("spec").path("replicas").asInt(1))
                        .as("%s: %s without HPA", overlay, name(d))
                        .isPositive();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void healthAndMetricsAreOnTheManagementPortThatNoIngressRoutes(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        for (String service : WORKLOADS) {
            JsonNode container = Kustomize.container(objects, service);
            assertThat(container.path("ports").findValues("containerPort").stream()
                            .map(JsonNode::asInt))
                    .as("%s listens on the management port", service)
                    .contains(MANAGEMENT_PORT);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(containerPort(
                                container, container.path(probe).path("httpGet").path("port")))
                        .as("%s %s on the management interface", service, probe)
                        .isEqualTo(MANAGEMENT_PORT);
            }
            JsonNode svc = Kustomize.named(objects, "Service", service).orElseThrow();
            assertThat(svc.path("spec").path("ports").findValues("port").stream()
                            .map(JsonNode::asInt))
                    .as("Service %s exposes the management port for scraping", service)
                    .contains(MANAGEMENT_PORT);
        }
        JsonNode monitor =
                Kustomize.named(objects, "ServiceMonitor", "acse-services").orElseThrow();
        for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
            assertThat(endpoint.path("port").asText())
                    .as("metrics scraped on the management port")
                    .isEqualTo("management");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        }
        Kustomize.kind(objects, "Ingress")
                .forEach(ingress -> ingress.path("spec")
                        .path("rules")
                        .forEach(rule -> rule.path("http").path("paths").forEach(path -> {
                            String where = overlay + ": Ingress " + name(ingress) + " "
                                    + rule.path("host").asText()
                                    + path.path("path").asText();
                            assertThat(path.path("path").asText())
                                    .as("%s routes to /q/", where)
                                    .doesNotStartWith("/q");
                            // The web application has a host of its own, all of it: its /q is on the management
                            // port as everyone's, which the next checks keep out of every rule.
                            boolean web = WEB.equals(path.path("backend")
                                    .path("service")
                                    .path("name")
                                    .asText());
                            if (!web) {
                                assertThat(path.path("path").asText())
                                        .as("%s: a catch-all would route /q/", where)
                                        .isNotEqualTo("/");
                            }
                            JsonNode port = path.path("backend").path("service").path("port");
                            assertThat(port.path("name").asText())
                                    .as("%s", where)
                                    .isNotEqualTo("management");
                            assertThat(port.path("number").asInt())
                                    .as("%s", where)
                                    .isNotEqualTo(MANAGEMENT_PORT);
                        })));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void consumerLagIsExportedAndAlerted(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        JsonNode kafka = Kustomize.named(objects, "Kafka", "acse-kafka").orElseThrow();
        JsonNode exporter = kafka.path("spec").path("kafkaExporter");
        assertThat(exporter.isMissingNode()).as("%s: Kafka Exporter", overlay).isFalse();
        for (String topic : Topics.ALL) {
            assertThat(topic)
                    .as("the exporter's topicRegex covers %s", topic)
                    .matches(exporter.path("topicRegex").asText(".*"));
        }
        for (String service : SERVICES) {
            for (ServiceConfig.Incoming in : ServiceConfig.of(service).incoming()) {
                assertThat(in.groupId())
                        .as("the exporter's groupRegex covers %s", in.groupId())
                        .matches(exporter.path("groupRegex").asText(".*"));
            }
        }
        assertThat(Kustomize.kind(objects, "PodMonitor")
                        .anyMatch(p -> p.path("spec")
                                .path("selector")
                                .path("matchLabels")
                                .path("strimzi.io/name")
                                .asText()
                                .equals(name(kafka) + "-kafka-exporter")))
                .as("%s: Prometheus scrapes the exporter", overlay)
                .isTrue();
        List<String> expressions = Kustomize.kind(objects, "PrometheusRule")
                .flatMap(r -> r.findValues("expr").stream())
                .map(JsonNode::asText)
                .toList();
        assertThat(expressions)
                .as("%s: an alert on consumer lag", overlay)
                .anyMatch(e -> e.contains("kafka_consumergroup_lag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void strimziResourcesUseTheV1Api(String overlay) {
        Kustomize.render(overlay).stream()
                .filter(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .forEach(o -> assertThat(o.path("apiVersion").asText())
                        .as("%s %s", o.path("kind").asText(), name(o))
                        .isEqualTo("kafka.strimzi.io/v1"));
        Kustomize.kind(Kustomize.render(overlay), "Kafka").forEach(k -> {
            assertThat(k.path("spec").has("zookeeper")).as("KRaft only").isFalse();
            assertThat(Kustomize.kind(Kustomize.render(overlay), "KafkaNodePool")
                            .anyMatch(p -> name(k).equals(p.path("metadata")
                                    .path("labels")
                                    .path("strimzi.io/cluster")
                                    .asText())))
                    .as("%s has a KafkaNodePool", name(k))
                    .isTrue();
        });
    }

    // --- helpers ---

    /** Environment variables a container gets: env, and every key of the ConfigMaps/Secrets it takes whole. */
    static Map<String, String> environment(List<JsonNode> objects, JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String cm = source.path("configMapRef").path("name").asText();
                JsonNode data = Kustomize.named(objects, "ConfigMap", cm)
                        .orElseThrow(() -> new AssertionError("ConfigMap " + cm + " is referenced but not rendered"))
                        .path("data");
                data.fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
            if (source.has("secretRef")) {
                Set<String> keys = secretKeys(
                        objects, source.path("secretRef").path("name").asText());
                if (keys != null) {
                    keys.forEach(k -> env.put(k, "<secret>"));
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "<ref>");
        }
        return env;
    }

    /** Keys of a Secret as it will exist: rendered, made by an ExternalSecret, or written by an operator; null if none. */
    static Set<String> secretKeys(List<JsonNode> objects, String name) {
        var secret = Kustomize.named(objects, "Secret", name);
        if (secret.isPresent()) {
            Set<String> keys = new TreeSet<>();
            secret.get().path("data").fieldNames().forEachRemaining(keys::add);
            secret.get().path("stringData").fieldNames().forEachRemaining(keys::add);
            return keys;
        }
        var external = Kustomize.kind(objects, "ExternalSecret")
                .filter(e ->
                        name.equals(e.path("spec").path("target").path("name").asText(name(e))))
                .findFirst();
        if (external.isPresent()) {
            Set<String> keys = new TreeSet<>();
            external.get()
                    .path("spec")
                    .path("data")
                    .forEach(d -> keys.add(d.path("secretKey").asText()));
            external.get()
                    .path("spec")
                    .path("target")
                    .path("template")
                    .path("data")
                    .fieldNames()
                    .forEachRemaining(keys::add);
            return keys;
        }
        if (Kustomize.named(objects, "KafkaUser", name).isPresent()) {
            return Set.of("password", "sasl.jaas.config");
        }
        if (Kustomize.kind(objects, "Kafka").anyMatch(k -> (name(k) + "-cluster-ca-cert").equals(name))) {
            return Set.of("ca.crt", "ca.p12", "ca.password");
        }
        return null;
    }

    /**
     * A key's value where the overlay fixes it: a rendered Secret's, or the literal of an ExternalSecret's template;
     * empty when it comes from the external store.
     */
    static Optional<String> secretValue(List<JsonNode> objects, String name, String key) {
        var secret = Kustomize.named(objects, "Secret", name);
        if (secret.isPresent()) {
            JsonNode data = secret.get().path("data").path(key);
            if (data.isTextual()) {
                return Optional.of(new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8));
            }
            JsonNode clear = secret.get().path("stringData").path(key);
            return clear.isTextual() ? Optional.of(clear.asText()) : Optional.empty();
        }
        return Kustomize.kind(objects, "ExternalSecret")
                .filter(e ->
                        name.equals(e.path("spec").path("target").path("name").asText(name(e))))
                .map(e -> e.path("spec")
                        .path("target")
                        .path("template")
                        .path("data")
                        .path(key))
                .filter(v -> v.isTextual() && !v.asText().contains("{{"))
                .map(JsonNode::asText)
                .findFirst();
    }

    private static boolean allows(JsonNode acls, String type, String resource, String operation) {
        for (JsonNode acl : acls) {
            JsonNode r = acl.path("resource");
            boolean matches = r.path("type").asText().equals(type)
                    && (r.path("patternType").asText("literal").equals("prefix")
                            ? resource.startsWith(r.path("name").asText())
                            : resource.equals(r.path("name").asText()));
            if (matches
                    && (texts(acl.path("operations")).contains(operation)
                            || texts(acl.path("operations")).contains("All"))) {
                return true;
            }
        }
        return false;
    }

    /** The container port a probe's or a Service's port (number or name) designates; 0 if none. */
    private static int containerPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt()
                    ? p.path("containerPort").asInt() == port.asInt()
                    : p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return 0;
    }

    private static void assertProbe(String where, JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as("%s %s", where, probe).isEqualTo(path);
        JsonNode port = get.path("port");
        boolean known = false;
        for (JsonNode p : container.path("ports")) {
            known |= port.isInt()
                    ? p.path("containerPort").asInt() == port.asInt()
                    : p.path("name").asText().equals(port.asText());
        }
        assertThat(known)
                .as("%s %s port %s is a container port", where, probe, port)
                .isTrue();
    }

    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi|M|G)").matcher(quantity);
        if (!m.matches()) {
            fail("unexpected memory quantity " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "Gi" -> n * 1024;
            case "G" -> n * 1000 * 1000 / 1024;
            case "M" -> n * 1000 * 1000 / 1024 / 1024;
            default -> n;
        };
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new HashMap<>();
        metadata.path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static boolean selects(JsonNode matchLabels, Map<String, String> podLabels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(podLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
