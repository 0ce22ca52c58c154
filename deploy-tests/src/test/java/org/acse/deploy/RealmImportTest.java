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
