package org.acse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-model load: request i is due at {@code start + i / rate}, whether or not earlier ones have answered, and
 * its latency is measured from that intended time, not from when it actually left (coordinated omission corrected:
 * a stalled server is charged for every request that queued behind the stall).
 */
public final class OpenLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);

    /** What one run gave. Times are nanoTime; {@code accepted} maps referral id → when its 201 came back. */
    public record Result(String name, double targetRate, long planned, long sent, long created, long failed,
            long refusedByClient, Map<Integer, Long> statusCounts, Histogram latency, List<Histogram> perSecond,
            Map<String, Long> accepted, long startNanos, long lastAnswerNanos) {

        public double achievedRate() {
            double seconds = (lastAnswerNanos - startNanos) / 1e9;
            return seconds <= 0 ? 0 : created / seconds;
        }
    }

    private final HttpClient client;
    private final ExecutorService executor;

    public OpenLoad() {
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Sends {@code count} POSTs at {@code rate} per second ({@code rate <= 0}: a burst, all due at once), keeping at most
     * {@code maxInFlight} unanswered; a request that finds the window full is counted as refused by the client
     * (the rate was not sustainable) rather than delayed, which would hide the overload.
     */
    public Result run(String name, String url, Supplier<String> token, Supplier<String> body, double rate, long count,
            int maxInFlight) {
        ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_NANOS, 3);
        int seconds = (int) Math.ceil(rate > 0 ? count / rate : 1) + 1;
        List<Histogram> perSecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            perSecond.add(new ConcurrentHistogram(HIGHEST_NANOS, 2));
        }
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Semaphore window = new Semaphore(maxInFlight);
        String bearer = "Bearer " + token.get();
        // Bodies are made before the clock starts: making them is not the server's time.
        List<String> bodies = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            bodies.add(body.get());
        }
        long period = rate > 0 ? (long) (1e9 / rate) : 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;
        for (int i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (rate > 0 && !window.tryAcquire()) {
                refused.incrementAndGet();
                continue;
            }
            if (rate <= 0) {
                // A burst: everything is due at once; the window only bounds the sockets open at a time.
                window.acquireUninterruptibly();
            }
            sent++;
            int second = (int) Math.min(perSecond.size() - 1, (intended - start) / 1_000_000_000L);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                try {
                    long took = Math.min(HIGHEST_NANOS, now - intended);
                    latency.recordValue(took);
                    perSecond.get(second).recordValue(took);
                    lastAnswer.accumulateAndGet(now, Math::max);
                    if (error != null) {
                        failed.incrementAndGet();
                        statuses.merge(-1, 1L, Long::sum);
                    } else {
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        Matcher m = ID.matcher(response.body());
                        if (response.statusCode() == 201 && m.find()) {
                            accepted.put(m.group(1).toLowerCase(), now);
                            created.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    // Released last: run() returns only once every answer has been counted.
                    window.release();
                }
            });
        }
        // Every sent request answers or times out (60 s).
        try {
            if (!window.tryAcquire(maxInFlight, 90, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": requests still unanswered after 90 s");
            }
            window.release(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(name, rate, count, sent, created.get(), failed.get(), refused.get(), Map.copyOf(statuses),
                latency, perSecond, accepted, start, lastAnswer.get());
    }

    public void close() {
        executor.shutdownNow();
    }
}
