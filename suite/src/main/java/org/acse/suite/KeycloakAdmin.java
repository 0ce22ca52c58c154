package org.acse.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code acse} realm (or another, {@link #inRealm}) through Keycloak's admin REST API: people with one realm role and their tenant attribute,
 * partner organisations' service accounts, redirect URIs. Used on the local suite and, by {@code ./acse onboard},
 * on a deployed Keycloak with an administrator's credentials.
 */
public final class KeycloakAdmin {
    public static final String REALM = "acse";

    /** A person's first password: permanent (local demo users) or to be changed at first sign-in. */
    public record Password(String value, boolean temporary) {}

    /** A partner organisation's confidential client for machine-to-machine submissions. */
    public record PartnerClient(String clientId, String secret) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The services a partner calls: intake (referrals), placement (arrival arrangements). */
    private static final List<String> PARTNER_AUDIENCES = List.of("intake-service", "placement-service");

    private final String url;
    private final String realm;
    private final String adminRealm;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;
    private long adminTokenValidUntil;

    /** An administrator of {@code master}, as the bootstrap admin of a local server is. */
    public KeycloakAdmin(String url, String adminUser, String adminPassword) {
        this(url, "master", adminUser, adminPassword);
    }

    /** An administrator of {@code adminRealm}: {@code acse} itself for a realm administrator (realm-admin role). */
    public KeycloakAdmin(String url, String adminRealm, String adminUser, String adminPassword) {
        this(url, REALM, adminRealm, adminUser, adminPassword);
    }

    private KeycloakAdmin(String url, String realm, String adminRealm, String adminUser, String adminPassword) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.realm = realm;
        this.adminRealm = adminRealm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** The same administrator working on another realm, e.g. one {@link #importRealm} created. */
    public KeycloakAdmin inRealm(String otherRealm) {
        return new KeycloakAdmin(url, otherRealm, adminRealm, adminUser, adminPassword);
    }

    /**
     * Creates a realm from its full representation (roles, clients, flows, users), as the operator's realm import
     * does: used to try a realm as it is rendered for production on a running server.
     */
    public void importRealm(JsonNode representation) {
        expect(
                send(adminRequest(adminToken(), url + "/admin/realms").POST(body(representation))),
                201,
                "import realm " + representation.path("realm").asText());
    }

    /**
     * Creates a person in the realm (or updates them if the username exists) with one realm role, user-profile
     * attributes such as {@code org_id} or {@code shelter_id}, and required actions (e.g. {@code CONFIGURE_TOTP}).
     * Returns the Keycloak user id.
     */
    public String createUser(
            String username,
            Password password,
            String realmRole,
            Map<String, String> attributes,
            List<String> requiredActions) {
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true);
        ObjectNode attrs = user.putObject("attributes");
        attributes.forEach((k, v) -> attrs.putArray(k).add(v));
        ArrayNode actions = user.putArray("requiredActions");
        requiredActions.forEach(actions::add);
        ObjectNode credential = JSON.createObjectNode()
                .put("type", "password")
                .put("value", password.value())
                .put("temporary", password.temporary());
        user.putArray("credentials").add(credential);
        String users = realm() + "/users";
        HttpResponse<String> created = send(adminRequest(admin, users).POST(body(user)));
        String id;
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else if (created.statusCode() == 409) {
            id = userId(admin, username);
            expect(send(adminRequest(admin, users + "/" + id).PUT(body(user))), 204, "update user " + username);
            expect(
                    send(adminRequest(admin, users + "/" + id + "/reset-password")
                            .PUT(body(credential))),
                    204,
                    "reset password of " + username);
        } else {
            throw refused("create user " + username, created);
        }
        grantRealmRole(admin, users + "/" + id, realmRole);
        return id;
    }

    /**
     * A confidential client {@code partner-<org>} for an organisation's own system: client credentials only, its
     * tokens carry the {@code partner} role, the organisation as {@code org_id} and the audiences of the services a
     * partner calls. Created once; asked again, it keeps the client and returns its current secret.
     */
    public PartnerClient createPartnerClient(String orgId) {
        String admin = adminToken();
        String clientId = "partner-" + orgId;
        String clients = realm() + "/clients";
        String internalId = clientInternalId(admin, clientId);
        if (internalId == null) {
            ObjectNode client = JSON.createObjectNode()
                    .put("clientId", clientId)
                    .put("name", "Partner organisation " + orgId)
                    .put("protocol", "openid-connect")
                    .put("publicClient", false)
                    .put("serviceAccountsEnabled", true)
                    .put("standardFlowEnabled", false)
                    .put("implicitFlowEnabled", false)
                    .put("directAccessGrantsEnabled", false)
                    .put("frontchannelLogout", false)
                    .put("fullScopeAllowed", false);
            ArrayNode mappers = client.putArray("protocolMappers");
            mappers.addObject()
                    .put("name", "org_id")
                    .put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-hardcoded-claim-mapper")
                    .putObject("config")
                    .put("claim.name", "org_id")
                    .put("claim.value", orgId)
                    .put("jsonType.label", "String")
                    .put("access.token.claim", "true")
                    .put("id.token.claim", "false")
                    .put("userinfo.token.claim", "false");
            for (String audience : PARTNER_AUDIENCES) {
                mappers.addObject()
                        .put("name", "audience-" + audience)
                        .put("protocol", "openid-connect")
                        .put("protocolMapper", "oidc-audience-mapper")
                        .putObject("config")
                        .put("included.client.audience", audience)
                        .put("access.token.claim", "true")
                        .put("id.token.claim", "false");
            }
            HttpResponse<String> created = send(adminRequest(admin, clients).POST(body(client)));
            if (created.statusCode() != 201) {
                throw refused("create client " + clientId, created);
            }
            internalId = clientInternalId(admin, clientId);
            HttpResponse<String> account =
                    send(adminRequest(admin, clients + "/" + internalId + "/service-account-user")
                            .GET());
            expect(account, 200, "find the service account of " + clientId);
            grantRealmRole(
                    admin, realm() + "/users/" + json(account.body()).path("id").asText(), "partner");
            // Without the full scope, the token carries only the roles the client's scope allows.
            grantScope(admin, clients + "/" + internalId + "/scope-mappings/realm", "partner");
        }
        HttpResponse<String> secret = send(adminRequest(admin, clients + "/" + internalId + "/client-secret")
                .GET());
        expect(secret, 200, "read the secret of " + clientId);
        return new PartnerClient(clientId, json(secret.body()).path("value").asText());
    }

    /** Adds a valid redirect URI (and its web origin) to a client, e.g. a web application on a random test port. */
    public void addRedirectUri(String clientId, String uri) {
        String admin = adminToken();
        String clients = realm() + "/clients";
        HttpResponse<String> found =
                send(adminRequest(admin, clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))
                        .GET());
        expect(found, 200, "find client " + clientId);
        JsonNode list = json(found.body());
        if (list.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        ObjectNode client = (ObjectNode) list.get(0);
        client.withArray("redirectUris").add(uri);
        expect(
                send(adminRequest(admin, clients + "/" + client.path("id").asText())
                        .PUT(body(client))),
                204,
                "update client " + clientId);
    }

    private String clientInternalId(String admin, String clientId) {
        HttpResponse<String> found = send(adminRequest(
                        admin, realm() + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))
                .GET());
        expect(found, 200, "find client " + clientId);
        JsonNode list = json(found.body());
        return list.isEmpty() ? null : list.get(0).path("id").asText();
    }

    private void grantRealmRole(String admin, String userUrl, String realmRole) {
        ArrayNode roles = JSON.createArrayNode().add(realmRole(admin, realmRole));
        expect(
                send(adminRequest(admin, userUrl + "/role-mappings/realm").POST(body(roles))),
                204,
                "grant " + realmRole);
    }

    private void grantScope(String admin, String scopeUrl, String realmRole) {
        ArrayNode roles = JSON.createArrayNode().add(realmRole(admin, realmRole));
        expect(send(adminRequest(admin, scopeUrl).POST(body(roles))), 204, "allow " + realmRole + " in the scope");
    }

    private JsonNode realmRole(String admin, String realmRole) {
        HttpResponse<String> role =
                send(adminRequest(admin, realm() + "/roles/" + URLEncoder.encode(realmRole, StandardCharsets.UTF_8))
                        .GET());
        expect(role, 200, "find realm role " + realmRole);
        return json(role.body());
    }

    private String userId(String admin, String username) {
        HttpResponse<String> r = send(adminRequest(
                        admin,
                        realm() + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
                .GET());
        expect(r, 200, "find user " + username);
        JsonNode users = json(r.body());
        if (users.isEmpty()) {
            throw new IllegalStateException("user " + username + " reported as existing but not found");
        }
        return users.get(0).path("id").asText();
    }

    private String realm() {
        return url + "/admin/realms/" + realm;
    }

    /** The administrator's token, reused for 30 s: each password grant costs a slow password hash. */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() > adminTokenValidUntil) {
            String form = Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "admin-cli",
                            "username",
                            adminUser,
                            "password",
                            adminPassword)
                    .entrySet()
                    .stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> r = send(
                    HttpRequest.newBuilder(URI.create(url + "/realms/" + adminRealm + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (r.statusCode() != 200) {
                // Keycloak's error body names the error (invalid_grant...), never the password.
                throw refused("give an administrator's token", r);
            }
            adminToken = json(r.body()).path("access_token").asText();
            adminTokenValidUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        }
        return adminToken;
    }

    private static HttpRequest.Builder adminRequest(String token, String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(JsonNode node) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw refused(what, r);
        }
    }

    private static IllegalStateException refused(String what, HttpResponse<String> r) {
        return new IllegalStateException("Keycloak refused to " + what + ": " + r.statusCode() + " " + r.body());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak on " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
