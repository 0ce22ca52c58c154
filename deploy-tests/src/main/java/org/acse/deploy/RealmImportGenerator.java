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
import java.util.List;
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
 *   {@value #CLIENT_SECRETS}; and people's accounts hardened: a one-time password (OTP) for shelter staff and
 *   coordinators, who see identities and shelter addresses, a password policy ({@value #PASSWORD_POLICY}) and
 *   brute-force detection.</li>
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

    /** At least 12 characters, not the username, none of the last 5 passwords. */
    public static final String PASSWORD_POLICY = "length(12) and notUsername and passwordHistory(5)";
    /** The browser flow of production: the password, then an OTP for the roles of {@link #OTP_ROLES}. */
    public static final String BROWSER_FLOW = "acse browser";

    public static final List<String> OTP_ROLES = List.of("shelter-staff", "coordinator");

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
        harden(prod);
        return prod;
    }

    /**
     * Password policy, brute-force detection (the account is locked for a growing time after 5 failures) and the
     * browser flow asking shelter staff and coordinators for an OTP after their password. A user of those roles
     * without an OTP yet must configure one at the next login (Keycloak's OTP form, REQUIRED, sets the
     * {@code CONFIGURE_TOTP} action).
     */
    private static void harden(ObjectNode realm) {
        realm.put("passwordPolicy", PASSWORD_POLICY);
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 5);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("maxDeltaTimeSeconds", 43200);
        realm.put("otpPolicyType", "totp");
        realm.put("otpPolicyAlgorithm", "HmacSHA1");
        realm.put("otpPolicyDigits", 6);
        realm.put("otpPolicyPeriod", 30);
        ArrayNode flows = realm.putArray("authenticationFlows");
        ArrayNode configs = realm.putArray("authenticatorConfig");
        ObjectNode browser = flow(flows, BROWSER_FLOW, true);
        execution(browser, "auth-cookie", "ALTERNATIVE", 10);
        execution(browser, "identity-provider-redirector", "ALTERNATIVE", 25);
        subflow(browser, BROWSER_FLOW + " forms", "ALTERNATIVE", 30);
        ObjectNode forms = flow(flows, BROWSER_FLOW + " forms", false);
        execution(forms, "auth-username-password-form", "REQUIRED", 10);
        int priority = 20;
        for (String role : OTP_ROLES) {
            String alias = BROWSER_FLOW + " otp " + role;
            subflow(forms, alias, "CONDITIONAL", priority);
            priority += 10;
            ObjectNode otp = flow(flows, alias, false);
            execution(otp, "conditional-user-role", "REQUIRED", 10).put("authenticatorConfig", alias);
            execution(otp, "auth-otp-form", "REQUIRED", 20);
            ObjectNode config = configs.addObject();
            config.put("alias", alias);
            config.putObject("config").put("condUserRole", role).put("negate", "false");
        }
        realm.put("browserFlow", BROWSER_FLOW);
    }

    private static ObjectNode flow(ArrayNode flows, String alias, boolean topLevel) {
        ObjectNode flow = flows.addObject();
        flow.put("alias", alias);
        flow.put("providerId", "basic-flow");
        flow.put("topLevel", topLevel);
        flow.put("builtIn", false);
        flow.putArray("authenticationExecutions");
        return flow;
    }

    private static ObjectNode execution(ObjectNode flow, String authenticator, String requirement, int priority) {
        ObjectNode execution = flow.withArray("authenticationExecutions").addObject();
        execution.put("authenticator", authenticator);
        execution.put("authenticatorFlow", false);
        execution.put("requirement", requirement);
        execution.put("priority", priority);
        execution.put("userSetupAllowed", false);
        return execution;
    }

    private static void subflow(ObjectNode flow, String alias, String requirement, int priority) {
        ObjectNode execution = flow.withArray("authenticationExecutions").addObject();
        execution.put("flowAlias", alias);
        execution.put("authenticatorFlow", true);
        execution.put("requirement", requirement);
        execution.put("priority", priority);
        execution.put("userSetupAllowed", false);
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
