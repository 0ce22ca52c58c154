package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service runs as its runtime role and migrates as its schema's owner (ADR 16): the cluster creates both roles,
 * each with a password Secret that exists in the overlay (rendered or made by an ExternalSecret); the Deployment gives
 * the datasource the runtime role and Flyway the owner, through the variables the service's %prod profile reads; the
 * runtime role owns no database and has no power beyond logging in, so the grants of R__runtime_role.sql are all it
 * has.
 */
class DatabaseRolesTest {
    /** {@code ${NAME}} or {@code ${NAME:default}}: the environment variable a setting reads first. */
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceRunsAsItsRuntimeRoleAndMigratesAsTheOwner(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        JsonNode roles = Kustomize.named(objects, "Cluster", "acse-postgres")
                .orElseThrow()
                .path("spec")
                .path("managed")
                .path("roles");
        for (String service : KubernetesManifestsTest.SERVICES) {
            String schema = service.replace("-service", "");
            String owner = Kustomize.kind(objects, "Database")
                    .filter(d -> schema.equals(d.path("spec").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no Database " + schema))
                    .path("spec")
                    .path("owner")
                    .asText();
            String runtime = "acse_" + schema + "_app";
            String where = overlay + ": " + service;
            assertThat(runtime)
                    .as(where + ": the runtime role is not the owner")
                    .isNotEqualTo(owner);
            JsonNode ownerRole =
                    role(roles, owner).orElseThrow(() -> new AssertionError(where + ": no managed role " + owner));
            JsonNode runtimeRole =
                    role(roles, runtime).orElseThrow(() -> new AssertionError(where + ": no managed role " + runtime));
            assertThat(runtimeRole.path("login").asBoolean())
                    .as(where + ": " + runtime + " logs in")
                    .isTrue();
            for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertThat(runtimeRole.path(power).asBoolean(false))
                        .as("%s: %s has no %s", where, runtime, power)
                        .isFalse();
            }
            assertThat(KubernetesManifestsTest.texts(runtimeRole.path("inRoles")))
                    .as(where + ": " + runtime + " is a member of no role (not the owner's)")
                    .isEmpty();
            assertThat(Kustomize.kind(objects, "Database")
                            .map(d -> d.path("spec").path("owner").asText())
                            .toList())
                    .as(where + ": " + runtime + " owns no database")
                    .doesNotContain(runtime);

            String runtimeSecret = secretOf(where, objects, runtimeRole, runtime);
            String ownerSecret = secretOf(where, objects, ownerRole, owner);
            assertThat(runtimeSecret).as(where + ": a Secret per role").isNotEqualTo(ownerSecret);

            // The settings the packaged service reads, and where the Deployment takes them from.
            ServiceConfig config = ServiceConfig.of(service);
            assertThat(config.prodValue("quarkus.flyway.placeholders.runtime_role"))
                    .as(where + ": R__runtime_role.sql grants to the datasource's user")
                    .isEqualTo("${quarkus.datasource.username}");
            JsonNode container = Kustomize.container(objects, service);
            assertReads(where, container, config, "quarkus.datasource.username", runtimeSecret, "username");
            assertReads(where, container, config, "quarkus.datasource.password", runtimeSecret, "password");
            assertReads(where, container, config, "quarkus.flyway.username", ownerSecret, "username");
            assertReads(where, container, config, "quarkus.flyway.password", ownerSecret, "password");
        }
    }

    private static Optional<JsonNode> role(JsonNode roles, String name) {
        for (JsonNode role : roles) {
            if (name.equals(role.path("name").asText())
                    && "present".equals(role.path("ensure").asText("present"))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * The role's password Secret: it exists with a username and a password, and names the role (CloudNativePG takes
     * the password only from a Secret whose username is the role) wherever the overlay says so.
     */
    private static String secretOf(String where, List<JsonNode> objects, JsonNode role, String name) {
        String secret = role.path("passwordSecret").path("name").asText();
        assertThat(secret).as(where + ": " + name + " has a password Secret").isNotEmpty();
        assertThat(KubernetesManifestsTest.secretKeys(objects, secret))
                .as("%s: Secret %s of role %s exists with its keys", where, secret, name)
                .isNotNull()
                .contains("username", "password");
        KubernetesManifestsTest.secretValue(objects, secret, "username")
                .ifPresent(username -> assertThat(username)
                        .as("%s: Secret %s names role %s", where, secret, name)
                        .isEqualTo(name));
        return secret;
    }

    /** The setting's environment variable comes from {@code key} of {@code secret}. */
    private static void assertReads(
            String where, JsonNode container, ServiceConfig config, String setting, String secret, String key) {
        String value = config.prodValue(setting);
        Matcher m = VARIABLE.matcher(value == null ? "" : value);
        assertThat(m.find())
                .as("%s: %s reads an environment variable (%s)", where, setting, value)
                .isTrue();
        String variable = m.group(1);
        JsonNode ref = null;
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                ref = env.path("valueFrom").path("secretKeyRef");
            }
        }
        assertThat(ref)
                .as("%s: the Deployment sets %s (%s)", where, variable, setting)
                .isNotNull();
        assertThat(ref.path("name").asText() + "/" + ref.path("key").asText())
                .as("%s: %s (%s) comes from", where, variable, setting)
                .isEqualTo(secret + "/" + key);
    }
}
