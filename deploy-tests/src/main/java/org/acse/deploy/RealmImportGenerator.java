package org.acse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Makes the overlays' {@code KeycloakRealmImport} from {@code keycloak/acse-realm.json}, the realm's single source of
 * truth (local launcher, tests and Kubernetes alike). Run {@code ./mvnw -q -pl deploy-tests exec:java} after editing
 * the realm file; {@code RealmImportTest} fails while the generated files differ from what this produces.
 * <ul>
 *   <li>dev: the realm exactly as in the file (demo users, local client secrets);</li>
 *   <li>production: no demo users (service-account users stay: they carry the {@code service} role), no
 *   password-grant CLI client, the web application redirected to its exact callback and sign-out URIs on its public host, and every client secret replaced by a
 *   {@code ${ACSE_KC_<CLIENT>_SECRET}} placeholder the operator fills from the Secret
 *   {@value #CLIENT_SECRETS}.</li>
 * </ul>
 */
public final class RealmImportGenerator {
    public static final String REALM_FILE = "keycloak/acse-realm.json";
    public static final String DEV_FILE = "k8s/overlays/dev/keycloak-realm-import.yaml";
    public static final String PRODUCTION_FILE = "k8s/overlays/production/keycloak-realm-import.yaml";
    public static final String CLIENT_SECRETS = "acse-keycloak-client-secrets";
    /** Local-only client: password grant for {@code ./acse token} and the e2e tests. */
    public static final String CLI_CLIENT = "acse-cli";

    public static final String WEB_CLIENT = "acse-web";
    public static final String WEB_PUBLIC_URL = "https://app.acse.example.org";
    /** The web application's one redirect URI (its {@code quarkus.oidc.authentication.redirect-path}). */
    public static final String WEB_CALLBACK = WEB_PUBLIC_URL + "/callback";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private RealmImportGenerator() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        JsonNode realm = readRealm(root);
        write(root.resolve(DEV_FILE), devImport(realm));
        write(root.resolve(PRODUCTION_FILE), productionImport(realm));
    }

    public static JsonNode readRealm(Path root) {
        Path file = root.resolve(REALM_FILE);
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + file, e);
        }
    }

    public static String devImport(JsonNode realm) {
        return render(
                "Generated from " + REALM_FILE + " by RealmImportGenerator: do not edit. Dev only: demo users.",
                realm.deepCopy(),
                null);
    }

    public static String productionImport(JsonNode realm) {
        ObjectNode prod = productionRealm(realm);
        ObjectNode placeholders = JSON.createObjectNode();
        for (JsonNode client : prod.path("clients")) {
            if (client.has("secret")) {
                String id = client.get("clientId").asText();
                ObjectNode ref = placeholders.putObject(placeholder(id)).putObject("secret");
                ref.put("name", CLIENT_SECRETS);
                ref.put("key", id);
                ((ObjectNode) client).put("secret", "${" + placeholder(id) + "}");
            }
        }
        return render(
                "Generated from " + REALM_FILE + " by RealmImportGenerator: do not edit. "
                        + "Production: no demo users, client secrets from " + CLIENT_SECRETS + ".",
                prod,
                placeholders);
    }

    /** The production realm before client secrets become placeholders. */
    public static ObjectNode productionRealm(JsonNode realm) {
        ObjectNode prod = realm.deepCopy();
        ArrayNode users = prod.withArray("users");
        for (Iterator<JsonNode> it = users.elements(); it.hasNext(); ) {
            if (!it.next().has("serviceAccountClientId")) {
                it.remove();
            }
        }
        ArrayNode clients = prod.withArray("clients");
        for (Iterator<JsonNode> it = clients.elements(); it.hasNext(); ) {
            JsonNode client = it.next();
            if (CLI_CLIENT.equals(client.path("clientId").asText())) {
                it.remove();
            } else if (WEB_CLIENT.equals(client.path("clientId").asText())) {
                ObjectNode web = (ObjectNode) client;
                web.putArray("redirectUris").add(WEB_CALLBACK);
                web.putArray("webOrigins").add(WEB_PUBLIC_URL);
                web.with("attributes").put("post.logout.redirect.uris", WEB_PUBLIC_URL + "/");
            }
        }
        prod.put("sslRequired", "external");
        return prod;
    }

    public static String placeholder(String clientId) {
        return "ACSE_KC_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    private static String render(String comment, JsonNode realm, ObjectNode placeholders) {
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "acse-realm");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "acse-keycloak");
        if (placeholders != null && !placeholders.isEmpty()) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        try {
            return "# " + comment + "\n" + YAML.writeValueAsString(cr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
