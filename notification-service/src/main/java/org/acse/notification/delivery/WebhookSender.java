package org.acse.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.acse.notification.channel.WebhookAddresses;

/**
 * POSTs the signed JSON body to a webhook, with the Standard Webhooks headers ({@link WebhookSignature}). The host
 * is resolved once and checked ({@link WebhookAddresses}); the call goes to that address, with the URL's host in the
 * {@code Host} header and TLS's server name, so a second lookup cannot send it elsewhere. Returns null on a 2xx, else
 * a short reason (never the URL or the body); a reason starting with {@value #REFUSED} will not change by retrying.
 */
@ApplicationScoped
public class WebhookSender {
    /** The prefix of a refusal's reason ({@link WebhookAddresses.Refusal#code()}). */
    public static final String REFUSED = "refused-";

    private final WebhookAddresses addresses;
    private final Duration timeout;
    private final HttpClient client;

    @Inject
    WebhookSender(Vertx vertx, DeliveryConfig config, WebhookAddresses addresses) {
        this(vertx, config.requestTimeout(), addresses);
    }

    WebhookSender(Vertx vertx, Duration timeout, WebhookAddresses addresses) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 5000))
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    public String send(String url, String secret, UUID deliveryId, String eventType, String body) {
        URI uri = URI.create(url);
        boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        WebhookAddresses.Outcome outcome = addresses.check(host);
        if (outcome instanceof WebhookAddresses.Refused refused) {
            return refused.reason().code();
        }
        if (!(outcome instanceof WebhookAddresses.Pinned pinned)) {
            return "unresolved-host";
        }
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(uri))
                // the checked address, as a literal: the client connects to it and never resolves the name again
                .setServer(
                        SocketAddress.inetSocketAddress(port, pinned.address().getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSignature.ID, deliveryId.toString())
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(
                        WebhookSignature.SIGNATURE,
                        WebhookSignature.sign(secret, deliveryId.toString(), timestamp, body))
                .putHeader(WebhookSignature.EVENT, eventType);
        try {
            int status = client.request(request)
                    .compose(r -> r.send(body))
                    .compose(response -> response.end().map(ignored -> response.statusCode()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (ExecutionException e) {
            return e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName();
        } catch (TimeoutException e) {
            return "timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
