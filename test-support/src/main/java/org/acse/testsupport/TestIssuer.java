package org.acse.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A minimal OpenID Connect issuer for service tests: publishes its discovery document and JWKS over real HTTP and
 * signs real RS256 tokens shaped like Keycloak's ({@code aud}, {@code realm_access.roles}, {@code org_id},
 * {@code shelter_id}).
 * quarkus-oidc verifies them exactly as it verifies Keycloak's. End-to-end tests use the real Keycloak instead.
 */
public final class TestIssuer implements AutoCloseable {
    private static TestIssuer shared;

    private final HttpServer server;
    private final KeyPair keys = rsa();
    private final KeyPair otherKeys = rsa();
    private final String keyId = "acse-test-" + UUID.randomUUID().toString().substring(0, 8);

    private TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/realms/acse/.well-known/openid-configuration", exchange -> reply(exchange, """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "token_endpoint":"%1$s/protocol/openid-connect/token",\
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer())));
        server.createContext("/realms/acse/protocol/openid-connect/certs", exchange -> reply(exchange, jwks()));
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    /** The {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/acse";
    }

    /** A token for the {@code audience} (its {@code aud} claim: the client ids of the services it may call). */
    public String token(
            String subject, List<String> roles, Map<String, String> claims, List<String> audience, Duration validFor) {
        return builder(subject, roles, claims, audience, Instant.now().plus(validFor))
                .jws()
                .keyId(keyId)
                .sign(keys.getPrivate());
    }

    /** A token that expired a minute ago, otherwise valid. */
    public String expiredToken(String subject, List<String> roles, Map<String, String> claims, List<String> audience) {
        return builder(subject, roles, claims, audience, Instant.now().minusSeconds(60))
                .jws()
                .keyId(keyId)
                .sign(keys.getPrivate());
    }

    /** A well-formed token signed by a key this issuer never published. */
    public String tokenSignedByAnotherKey(
            String subject, List<String> roles, Map<String, String> claims, List<String> audience) {
        return builder(subject, roles, claims, audience, Instant.now().plusSeconds(600))
                .jws()
                .keyId(keyId)
                .sign(otherKeys.getPrivate());
    }

    private JwtClaimsBuilder builder(
            String subject, List<String> roles, Map<String, String> claims, List<String> audience, Instant expiry) {
        JwtClaimsBuilder b = Jwt.issuer(issuer())
                .audience(Set.copyOf(audience))
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", roles))
                .claim("typ", "Bearer")
                .issuedAt(Instant.now().minusSeconds(120))
                .expiresAt(expiry);
        claims.forEach(b::claim);
        return b;
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}""".formatted(keyId, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
