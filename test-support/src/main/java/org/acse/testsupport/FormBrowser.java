package org.acse.testsupport;

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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without JavaScript, for the web application and Keycloak's pages: cookies, forms, and
 * redirects followed one by one (to see where they go). The cookies are kept by name and sent to every port of the
 * host, as a browser does across ports, and by hand: Keycloak marks its cookies {@code Secure}, which a browser
 * honours on 127.0.0.1 and the JDK's cookie manager does not over plain HTTP.
 */
public class FormBrowser {
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final Duration timeout;
    private Predicate<URI> stopAt = uri -> false;
    private URI at;
    private String loginPage;

    /** @param base the address relative paths are resolved against, e.g. the web application's */
    public FormBrowser(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
    }

    /** Redirects to such an address are not followed (an application this browser cannot reach, say). */
    public FormBrowser stopAt(Predicate<URI> stop) {
        this.stopAt = stop;
        return this;
    }

    /** The cookies by name, which a test may change as a person clearing some would. */
    public Map<String, String> cookies() {
        return cookies;
    }

    /** The address of Keycloak's login page at the last {@link #signIn}. */
    public String loginPage() {
        return loginPage;
    }

    /** The address of the last page reached after redirects. */
    public URI at() {
        return at;
    }

    public HttpResponse<String> get(String url) {
        return follow(HttpRequest.newBuilder(resolve(url)).GET());
    }

    /** With headers on the first request only (e.g. {@code HX-Request}), as a script's request would have. */
    public HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(url)).GET();
        headers.forEach(request::header);
        return follow(request);
    }

    public HttpResponse<String> getOnce(String url) {
        return send(HttpRequest.newBuilder(resolve(url)).GET());
    }

    public HttpResponse<String> getOnce(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A form sent, its answer's redirects followed. */
    public HttpResponse<String> post(String url, Map<String, String> form) {
        return follow(formPost(url, encode(form)));
    }

    public HttpResponse<String> postOnce(String url, Map<String, String> form) {
        return send(formPost(url, encode(form)));
    }

    /** A body sent as it is, e.g. a form with a field twice. */
    public HttpResponse<String> postRaw(String url, String body) {
        return send(formPost(url, body));
    }

    /**
     * Submits the first form of a page as a person filling some fields would: its hidden fields go with it, and the
     * answer's redirects are followed.
     */
    public HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        String form = firstForm(page.body()).orElseThrow(() -> new IllegalStateException("no form on " + page.uri()));
        Map<String, String> values = new LinkedHashMap<>(hiddenFields(page.body()));
        values.putAll(fields);
        return post(URI.create(base).resolve(attribute(form, "action")).toString(), values);
    }

    /**
     * Opens a page, signs in on Keycloak's login page, and follows the answer (back through the application's
     * callback when the sign-in is complete); returns the page reached.
     */
    public HttpResponse<String> signIn(String path, String user, String password) {
        HttpResponse<String> login = get(path);
        loginPage = at.toString();
        if (!formId(login.body()).equals("kc-form-login")) {
            throw new IllegalStateException("no login form at " + at + " (" + login.statusCode() + ")");
        }
        return submit(login, Map.of("username", user, "password", password, "credentialId", ""));
    }

    /** The {@code id} of a page's first form, or an empty string without a form. */
    public static String formId(String html) {
        return firstForm(html).map(form -> attribute(form, "id")).orElse("");
    }

    /** A page's hidden fields by name, unescaped. */
    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            String name = attribute(m.group(), "name");
            if (!name.isEmpty()) {
                fields.put(name, attribute(m.group(), "value"));
            }
        }
        return fields;
    }

    /** An attribute of one HTML tag, unescaped; empty when absent. */
    public static String attribute(String tag, String name) {
        Matcher m =
                Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? unescape(m.group(1)) : "";
    }

    private static Optional<String> firstForm(String html) {
        Matcher m = FORM.matcher(html);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private HttpRequest.Builder formPost(String url, String body) {
        return HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request);
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            if (stopAt.test(next)) {
                break;
            }
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
                    http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
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
            throw new IllegalStateException(
                    "no answer from " + request.build().uri().getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&#61;", "=")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
    }
}
