package org.acse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** keycloak/acse-realm.json is the realm's one source of truth: the Kubernetes imports must follow it. */
class RealmImportTest {
    private static final String REGENERATE = "; regenerate with ./mvnw -q -pl deploy-tests exec:java and commit";
    private final JsonNode realm = RealmImportGenerator.readRealm(Kustomize.ROOT);

    @Test
    void generatedFilesAreUpToDateWithTheRealmFile() throws Exception {
        assertThat(Files.readString(Kustomize.ROOT.resolve(RealmImportGenerator.DEV_FILE), StandardCharsets.UTF_8))
                .as(RealmImportGenerator.DEV_FILE + " differs from " + RealmImportGenerator.REALM_FILE + REGENERATE)
                .isEqualTo(RealmImportGenerator.devImport(realm));
        assertThat(Files.readString(
                        Kustomize.ROOT.resolve(RealmImportGenerator.PRODUCTION_FILE), StandardCharsets.UTF_8))
                .as(RealmImportGenerator.PRODUCTION_FILE + " differs from " + RealmImportGenerator.REALM_FILE
                        + REGENERATE)
                .isEqualTo(RealmImportGenerator.productionImport(realm));
    }

    @Test
    void devImportsTheRealmFileAsItIs() {
        JsonNode imported = renderedRealm("dev");
        assertThat(imported)
                .as("dev realm == " + RealmImportGenerator.REALM_FILE + REGENERATE)
                .isEqualTo(realm);
    }

    @Test
    void productionImportsTheRealmWithoutDemoUsersOrCommittedSecrets() throws Exception {
        JsonNode imported = renderedRealm("production");
        for (JsonNode user : imported.path("users")) {
            assertThat(user.has("serviceAccountClientId"))
                    .as("production imports user %s", user.path("username").asText())
                    .isTrue();
        }
        assertThat(imported.findValues("credentials"))
                .as("production imports no password")
                .isEmpty();
        List<String> clients = new ArrayList<>();
        for (JsonNode client : imported.path("clients")) {
            clients.add(client.path("clientId").asText());
            if (client.has("secret")) {
                assertThat(client.path("secret").asText())
                        .as(
                                "client %s secret is a placeholder",
                                client.path("clientId").asText())
                        .matches(Pattern.quote("${") + "ACSE_KC_[A-Z0-9_]+_SECRET}");
            }
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as(
                            "production client %s allows the password grant",
                            client.path("clientId").asText())
                    .isFalse();
            client.path("redirectUris")
                    .forEach(u -> assertThat(u.asText()).as("redirect URI").startsWith("https://"));
        }
        assertThat(clients).doesNotContain(RealmImportGenerator.CLI_CLIENT);
        JsonNode web = client(imported, RealmImportGenerator.WEB_CLIENT);
        assertThat(web.path("redirectUris"))
                .as("the web application's redirect URIs are exact, no wildcard")
                .containsExactly(new ObjectMapper().getNodeFactory().textNode("https://app.acse.example.org/callback"));
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("https://app.acse.example.org/");
        assertThat(web.path("webOrigins").toString()).isEqualTo("[\"https://app.acse.example.org\"]");
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");

        // Everything else is the realm file, untouched.
        JsonNode expected = new ObjectMapper()
                .readTree(new YAMLMapper()
                        .readTree(RealmImportGenerator.productionImport(realm))
                        .path("spec")
                        .path("realm")
                        .toString());
        assertThat(imported).isEqualTo(expected);
        List<String> fileUsers = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                fileUsers.add(u.path("username").asText());
            }
        });
        List<String> importedUsers = new ArrayList<>();
        imported.path("users").forEach(u -> importedUsers.add(u.path("username").asText()));
        assertThat(importedUsers).as("service accounts keep their roles").containsExactlyElementsOf(fileUsers);
    }

    @Test
    void productionAsksStaffAndCoordinatorsForAnOtpAndLocksGuessedAccounts() {
        JsonNode imported = renderedRealm("production");
        assertThat(imported.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(imported.path("permanentLockout").asBoolean()).isFalse();
        assertThat(imported.path("failureFactor").asInt()).isBetween(1, 10);
        String policy = imported.path("passwordPolicy").asText();
        assertThat(policy).contains("notUsername").contains("passwordHistory(");
        assertThat(Integer.parseInt(policy.replaceAll(".*length\\((\\d+)\\).*", "$1")))
                .isGreaterThanOrEqualTo(12);

        String browser = imported.path("browserFlow").asText();
        JsonNode forms = subflows(imported, flow(imported, browser)).stream()
                .filter(f -> executions(f).contains("auth-username-password-form"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the browser flow asks for no password"));
        List<String> otpRoles = new ArrayList<>();
        for (JsonNode conditional : subflows(imported, forms)) {
            assertThat(executions(conditional)).containsExactly("conditional-user-role", "auth-otp-form");
            for (JsonNode execution : conditional.path("authenticationExecutions")) {
                assertThat(execution.path("requirement").asText()).isEqualTo("REQUIRED");
                if (execution.has("authenticatorConfig")) {
                    otpRoles.add(authenticatorConfig(
                                    imported,
                                    execution.path("authenticatorConfig").asText())
                            .path("condUserRole")
                            .asText());
                }
            }
        }
        assertThat(otpRoles).containsExactlyInAnyOrder("shelter-staff", "coordinator");
        assertThat(renderedRealm("dev").has("passwordPolicy"))
                .as("the demo users keep their short passwords")
                .isFalse();
    }

    @Test
    void everyClientThatCallsTheServicesPutsThemInTheAudience() {
        List<String> services = List.of("intake-service", "placement-service", "notification-service");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            List<String> audience = new ArrayList<>();
            client.path("protocolMappers").forEach(m -> {
                if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
                    audience.add(
                            m.path("config").path("included.client.audience").asText());
                }
            });
            List<String> expected = services.stream().filter(s -> !s.equals(id)).toList();
            assertThat(audience).as("audience of %s's tokens", id).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no authentication flow " + alias);
    }

    private static List<JsonNode> subflows(JsonNode realm, JsonNode flow) {
        List<JsonNode> subflows = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(e -> {
            if (e.path("authenticatorFlow").asBoolean()) {
                subflows.add(flow(realm, e.path("flowAlias").asText()));
            }
        });
        return subflows;
    }

    private static List<String> executions(JsonNode flow) {
        List<String> authenticators = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(e -> {
            if (e.has("authenticator")) {
                authenticators.add(e.path("authenticator").asText());
            }
        });
        return authenticators;
    }

    private static JsonNode authenticatorConfig(JsonNode realm, String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (alias.equals(config.path("alias").asText())) {
                return config.path("config");
            }
        }
        throw new AssertionError("no authenticator config " + alias);
    }

    @Test
    void theLoginPageIsFrenchFirstWithEnglishOffered() {
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("fr");
        assertThat(realm.path("supportedLocales").toString()).isEqualTo("[\"fr\",\"en\"]");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode renderedRealm(String overlay) {
        List<JsonNode> imports =
                Kustomize.kind(Kustomize.render(overlay), "KeycloakRealmImport").toList();
        assertThat(imports).as("%s has one KeycloakRealmImport", overlay).hasSize(1);
        assertThat(imports.get(0).path("spec").path("keycloakCRName").asText())
                .isEqualTo(Kustomize.kind(Kustomize.render(overlay), "Keycloak")
                        .findFirst()
                        .orElseThrow()
                        .path("metadata")
                        .path("name")
                        .asText());
        return imports.get(0).path("spec").path("realm");
    }
}
