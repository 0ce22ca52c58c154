package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser without JavaScript: cookies, and redirects followed one by one (to see where they go). */
final class Browser {
    private static final Pattern LOGIN_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /**
     * The cookies by name, sent to both the application and Keycloak (one host, as a browser shares cookies across
     * ports). Kept by hand: Keycloak marks its cookies Secure, which a browser honours on 127.0.0.1 and the JDK's
     * cookie manager does not over plain HTTP.
     */
    final Map<String, String> cookies = new LinkedHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final String base;
    /** The address of Keycloak's login page at the last sign-in. */
    String loginPage;
    /** The URL of the last page reached after redirects. */
    URI at;

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    HttpResponse<String> get(String url) {
        return follow(HttpRequest.newBuilder(resolve(url)).GET());
    }

    HttpResponse<String> getOnce(String url) {
        return send(HttpRequest.newBuilder(resolve(url)).GET());
    }

    HttpResponse<String> getOnce(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> postOnce(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    HttpResponse<String> postRaw(String url, String body) {
        return send(HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
        return follow(HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Opens a page, signs in on Keycloak's page and comes back through the callback; returns the page reached. */
    HttpResponse<String> signIn(String path, String user, String password) {
        HttpResponse<String> login = get(path);
        assertThat(at.getPath()).as("Keycloak's login page").contains("/realms/acse/protocol/openid-connect/auth");
        loginPage = at.toString();
        Matcher action = LOGIN_ACTION.matcher(login.body());
        assertThat(action.find()).as("login form on " + at).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("credentialId", "");
        return post(action.group(1).replace("&amp;", "&"), form);
    }

    static String csrfToken(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page's CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        at = response.uri();
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                String attributes = set.toLowerCase(Locale.ROOT);
                if (value.isEmpty()
                        || attributes.contains("max-age=0")
                        || attributes.contains("expires=thu, 01 jan 1970")
                        || attributes.contains("expires=thu, 01-jan-1970")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
