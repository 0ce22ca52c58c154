package org.acse.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shelter's webhook endpoint that notes when each referral's alert arrived ({@link System#nanoTime()}, taken
 * before the body is parsed). Unlike test-support's WebhookReceiver it keeps no bodies: a load run sends thousands.
 */
public final class AlertReceiver implements AutoCloseable {
    private static final Pattern REFERRAL_ID = Pattern.compile("\"referralId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "alert-receiver");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> firstArrival;
    private final Map<String, Integer> deliveriesPerReferral = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    /** Standard Webhooks' {@code webhook-id} (one per delivery, the same on a resend) → times received. */
    private final Map<String, Integer> receiptsPerWebhookId = new ConcurrentHashMap<>();

    /** @param firstArrival shared by every shelter's receiver: referral id → nanoTime of its first alert */
    public AlertReceiver(Map<String, Long> firstArrival) {
        this.firstArrival = firstArrival;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.incrementAndGet();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (webhookId != null) {
                receiptsPerWebhookId.merge(webhookId, 1, Integer::sum);
            }
            referralId(body).ifPresent(id -> {
                firstArrival.putIfAbsent(id, now);
                deliveriesPerReferral.merge(id, 1, Integer::sum);
            });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    static Optional<String> referralId(String body) {
        Matcher m = REFERRAL_ID.matcher(body);
        return m.find() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    public long deliveries() {
        return deliveries.get();
    }

    public Map<String, Integer> receiptsPerWebhookId() {
        return receiptsPerWebhookId;
    }

    public Map<String, Integer> deliveriesPerReferral() {
        return deliveriesPerReferral;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
