package org.acse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.acse.testsupport.TestIssuer;
import org.acse.testsupport.Tokens;
import org.jboss.logging.Logger;

/**
 * A dashboard following the live alert stream ({@code GET /api/v1/alerts/stream}) on one notification-service
 * instance for the whole run, as a coordinator or as one shelter's staff. The stream has no resume (no event ids,
 * no {@code Last-Event-ID}): when it ends (its token expired, its instance stopped or killed), the dashboard opens it
 * again on the same instance with a fresh token, as soon as that instance answers, then reads the alert list from
 * just before it last heard the stream, so that nothing created meanwhile is missed (ADR 13).
 */
final class LiveSubscriber implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveSubscriber.class);
    /** Tokens short enough for every stream to end at its expiry a few times during the run. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(4);
    /** How far before the last item heard the list is read again: alerts are stamped before they commit. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(60);

    private static final int PAGE = 500;

    /** One stream's life: wall-clock millis of its opening and of its end (-1 while open). */
    record Opening(long openedAt, long endedAt) {}

    private final String name;
    private final String baseUrl;
    private final Optional<UUID> shelter;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Alert id → wall-clock millis it first came on the stream. */
    private final Map<String, Long> live = new ConcurrentHashMap<>();
    /** Alert id → wall-clock millis it was first read from the list on opening the stream again. */
    private final Map<String, Long> listed = new ConcurrentHashMap<>();
    /** Alerts on this stream or list this viewer may not see (another shelter's, a coordinators' kind). */
    private final Set<String> foreign = ConcurrentHashMap.newKeySet();

    private final List<Opening> openings = new ArrayList<>();
    private final AtomicInteger catchUps = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream current;
    /** Start of the stretch not yet read from the list (wall-clock millis), -1 when none. */
    private long gapFrom;

    private LiveSubscriber(String name, String baseUrl, Optional<UUID> shelter) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.shelter = shelter;
        this.gapFrom = System.currentTimeMillis();
        this.thread = new Thread(this::run, "live-" + name);
        thread.setDaemon(true);
    }

    static LiveSubscriber coordinator(String baseUrl, int instance) {
        return new LiveSubscriber("coordinator on instance " + instance, baseUrl, Optional.empty());
    }

    static LiveSubscriber staff(String baseUrl, int instance, UUID shelter, String shelterCode) {
        return new LiveSubscriber(
                "staff of " + shelterCode + " on instance " + instance, baseUrl, Optional.of(shelter));
    }

    LiveSubscriber start() {
        thread.start();
        return this;
    }

    String name() {
        return name;
    }

    /** Empty for a coordinator. */
    Optional<UUID> shelter() {
        return shelter;
    }

    /** Whether this viewer should see that alert: coordinators every one, staff their shelter's proposals. */
    boolean concerns(String kind, String shelterId) {
        return shelter.isEmpty()
                || ("PROPOSAL".equals(kind) && shelter.get().toString().equals(shelterId));
    }

    Map<String, Long> live() {
        return live;
    }

    Map<String, Long> listed() {
        return listed;
    }

    Set<String> foreign() {
        return foreign;
    }

    synchronized List<Opening> openings() {
        return List.copyOf(openings);
    }

    int catchUps() {
        return catchUps.get();
    }

    /** Whether the stream is open now (after the run, before closing: it should be). */
    synchronized boolean open() {
        return !openings.isEmpty() && openings.get(openings.size() - 1).endedAt() < 0;
    }

    private String token() {
        return shelter.map(s -> TestIssuer.shared()
                        .token(
                                "staff@" + s,
                                List.of("shelter-staff"),
                                Map.of("shelter_id", s.toString()),
                                Tokens.SERVICES,
                                TOKEN_LIFETIME))
                .orElseGet(() -> TestIssuer.shared()
                        .token("coordinator", List.of("coordinator"), Map.of(), Tokens.SERVICES, TOKEN_LIFETIME));
    }

    private void run() {
        while (!closed) {
            String token = token();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts/stream"))
                    .header("Authorization", Tokens.bearer(token))
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 200) {
                        current = body;
                        follow(body, token);
                    }
                }
            } catch (IOException notThere) {
                // the instance is down or went down: open again once it answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            current = null;
            pause();
        }
    }

    /** Reads one stream to its end; the list from before the last gap once the stream is open. */
    private void follow(InputStream body, String token) throws IOException {
        int index;
        synchronized (this) {
            openings.add(new Opening(System.currentTimeMillis(), -1));
            index = openings.size() - 1;
        }
        long lastHeard = System.currentTimeMillis();
        try {
            if (gapFrom >= 0 && catchUp(token, gapFrom - CATCH_UP_MARGIN.toMillis())) {
                gapFrom = -1;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                long now = System.currentTimeMillis();
                lastHeard = now;
                JsonNode event = Json.MAPPER.readTree(line.substring("data:".length()));
                if ("alert".equals(event.path("type").asText())) {
                    note(event.path("alert"), now, true);
                }
            }
        } finally {
            synchronized (this) {
                openings.set(index, new Opening(openings.get(index).openedAt(), System.currentTimeMillis()));
            }
            if (gapFrom < 0) {
                gapFrom = lastHeard;
            }
        }
    }

    /** Every alert of the list (newest first) created since {@code since}; false if the list could not be read. */
    private boolean catchUp(String token, long since) {
        try {
            for (int page = 0; ; page++) {
                Json.Answer answer =
                        Json.send("GET", baseUrl + "/api/v1/alerts?size=" + PAGE + "&page=" + page, token, null);
                if (answer.status() != 200 || answer.body() == null) {
                    return false;
                }
                long now = System.currentTimeMillis();
                JsonNode items = answer.body().path("items");
                boolean older = false;
                for (JsonNode alert : items) {
                    if (Instant.parse(alert.path("createdAt").asText()).toEpochMilli() < since) {
                        older = true;
                        break;
                    }
                    note(alert, now, false);
                }
                if (older || items.size() < PAGE) {
                    catchUps.incrementAndGet();
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s: the list could not be read (%s)", name, e.getMessage());
            return false;
        }
    }

    private void note(JsonNode alert, long at, boolean live) {
        String id = alert.path("id").asText();
        if (!concerns(alert.path("kind").asText(), alert.path("shelterId").asText(null))) {
            foreign.add(id);
        }
        (live ? this.live : listed).putIfAbsent(id, at);
    }

    private void pause() {
        try {
            Thread.sleep(500); // a dashboard that lost its stream tries again shortly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream body = current;
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                LOG.debug("closing the stream", e);
            }
        }
        thread.interrupt();
    }
}
