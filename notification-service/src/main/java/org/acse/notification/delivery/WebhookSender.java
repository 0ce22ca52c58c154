package org.acse.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * POSTs the signed JSON body to a webhook, with the Standard Webhooks headers ({@link WebhookSignature}). Returns
 * null on a 2xx, else a short reason (never the body).
 */
@ApplicationScoped
public class WebhookSender {
    @Inject
    DeliveryConfig config;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public String send(String url, String secret, UUID deliveryId, String eventType, String body) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID, deliveryId.toString())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(
                        WebhookSignature.SIGNATURE,
                        WebhookSignature.sign(secret, deliveryId.toString(), timestamp, body))
                .header(WebhookSignature.EVENT, eventType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
