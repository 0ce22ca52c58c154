package org.acse.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The suite's HTTP APIs as the launcher uses them: JSON in and out, bearer tokens from Keycloak. */
public final class SuiteApi {
    public static final String INTAKE = "http://127.0.0.1:8081";
    public static final String PLACEMENT = "http://127.0.0.1:8082";
    public static final String NOTIFICATION = "http://127.0.0.1:8083";
    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    public static final String DEMO_PASSWORD = "demo";

    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String keycloak;

    public SuiteApi(String keycloak) {
        this.keycloak = keycloak;
    }

    /** A demo user's access token (password grant through the public {@code acse-cli} client). */
    public String token(String user) {
        String form = "grant_type=password&client_id=acse-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD;
        Response r = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/acse/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + " (" + r.status() + " "
                    + r.body().path("error_description").asText(r.body().toString()) + ")");
        }
        return r.body().path("access_token").asText();
    }

    public Response get(String url, String token) {
        return send(request(url, token).GET());
    }

    public Response post(String url, String token, Object body) {
        return send(request(url, token).POST(json(body)));
    }

    public Response put(String url, String token, Object body) {
        return send(request(url, token).PUT(json(body)));
    }

    /** Whether a URL answers 200 (health checks, discovery documents). */
    public boolean answers(String url) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? MissingNode.getInstance() : parse(r.body());
            return new Response(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
