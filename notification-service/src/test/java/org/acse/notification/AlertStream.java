package org.acse.notification;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.acse.testsupport.Tokens;

/**
 * The live alert stream ({@code GET /api/v1/alerts/stream}) as a client sees it: every {@code data:} line received
 * with this token, kept until closed. Returned once the response started, as a dashboard shows "live".
 */
final class AlertStream implements AutoCloseable, Flow.Subscriber<List<ByteBuffer>> {
    private final List<String> data = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;

    private AlertStream() {}

    static AlertStream open(String baseUrl, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts/stream"))
                .header("Authorization", Tokens.bearer(token))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        // the publisher is there as soon as the headers are: the body streams on
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofPublisher())
                .orTimeout(20, TimeUnit.SECONDS)
                .join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        AlertStream stream = new AlertStream();
        response.body().subscribe(stream);
        return stream;
    }

    /** The data lines received so far that mention this text (an id). */
    List<String> mentioning(Object text) {
        return data.stream().filter(d -> d.contains(String.valueOf(text))).toList();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    if (text.startsWith("data:")) {
                        data.add(text.substring("data:".length()).trim());
                    }
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        }
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void onError(Throwable throwable) {
        ended = true;
    }

    @Override
    public void onComplete() {
        ended = true;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
