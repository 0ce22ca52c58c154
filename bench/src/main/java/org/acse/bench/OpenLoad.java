package org.acse.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * The client is Vert.x's (one event loop, pooled keep-alive connections, no pipelining): it shares the machine with
 * the suite, and {@code java.net.http.HttpClient} cost ≈ 0.8 ms of CPU per request here, as much as a third of what
 * intake itself needs.
 */
public final class OpenLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);

    /**
     * What one run gave. Times are nanoTime; {@code accepted} maps referral id → when its 201 came back,
     * {@code intendedStart} referral id → when its request was due.
     */
    public record Result(
            String name,
            double targetRate,
            long planned,
            long sent,
            long created,
            long failed,
            long refusedByClient,
            Map<Integer, Long> statusCounts,
            Histogram latency,
            List<Histogram> perSecond,
            Map<String, Long> accepted,
            long startNanos,
            long lastAnswerNanos,
            Map<String, Long> intendedStart,
            List<Outcome> outcomes) {

        public double achievedRate() {
            double seconds = (lastAnswerNanos - startNanos) / 1e9;
            return seconds <= 0 ? 0 : created / seconds;
        }
    }

    /**
     * One request's last answer: when it was due (nanoseconds after the run's start), its status ({@code -1}: no answer,
     * connection refused, cut or timed out) and its latency from when it was due.
     */
    public record Outcome(long dueNanos, int status, long latencyNanos) {}

    /** {@code rate} per second for {@code seconds}; phases follow one another without a pause. */
    public record Phase(double rate, int seconds) {}

    private static final int MAX_CONNECTIONS = 4096;
    private final Vertx vertx;
    private final HttpClient client;

    public OpenLoad() {
        vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setConnectTimeout(5_000)
                        .setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    }

    /**
     * Sends {@code count} POSTs at {@code rate} per second ({@code rate <= 0}: a burst, all due at once), keeping at most
     * {@code maxInFlight} unanswered; a request that finds the window full is counted as refused by the client
     * (the rate was not sustainable) rather than delayed, which would hide the overload.
     */
    public Result run(
            String name,
            String url,
            Supplier<String> token,
            Supplier<String> body,
            double rate,
            long count,
            int maxInFlight) {
        return run(name, () -> url, token, body, rate, count, maxInFlight, false);
    }

    /** As above, at each phase's rate in turn, one run: the load changes without waiting for earlier answers. */
    public Result run(
            String name,
            String url,
            Supplier<String> token,
            Supplier<String> body,
            List<Phase> phases,
            int maxInFlight) {
        List<Long> due = new ArrayList<>();
        long phaseStart = 0;
        for (Phase phase : phases) {
            long count = (long) (phase.rate() * phase.seconds());
            for (long i = 0; i < count; i++) {
                due.add(phaseStart + (long) (i * 1e9 / phase.rate()));
            }
            phaseStart += TimeUnit.SECONDS.toNanos(phase.seconds());
        }
        double rate = due.size() / (phaseStart / 1e9);
        return run(
                name,
                () -> url,
                token,
                body,
                rate,
                due.stream().mapToLong(Long::longValue).toArray(),
                maxInFlight,
                false);
    }

    /**
     * As above, each request to the URL {@code url} gives at that moment (one instance of several, in turn); with
     * {@code resend}, as a careful partner would: every request carries an {@code Idempotency-Key}, and one that got no
     * answer (connection refused or cut) or a 502/503/504 is sent again with the same key and body, after the
     * {@code Retry-After} it was given (else 1 s), for up to {@link #RESEND_FOR_NANOS} from its intended start. Its
     * latency runs until the last answer; {@code statusCounts} counts every answer, resent ones included.
     */
    public Result run(
            String name,
            Supplier<String> url,
            Supplier<String> token,
            Supplier<String> body,
            double rate,
            long count,
            int maxInFlight,
            boolean resend) {
        long period = rate > 0 ? (long) (1e9 / rate) : 0;
        long[] due = new long[(int) count];
        for (int i = 0; i < count; i++) {
            due[i] = i * period;
        }
        return run(name, url, token, body, rate, due, maxInFlight, resend);
    }

    /** Request i is due {@code due[i]} ns after the start; {@code rate <= 0}: a burst. */
    private Result run(
            String name,
            Supplier<String> url,
            Supplier<String> token,
            Supplier<String> body,
            double rate,
            long[] due,
            int maxInFlight,
            boolean resend) {
        long count = due.length;
        ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_NANOS, 3);
        int seconds = (int) (count == 0 ? 1 : due[due.length - 1] / 1_000_000_000L + 2);
        List<Histogram> perSecond = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            perSecond.add(new ConcurrentHistogram(HIGHEST_NANOS, 2));
        }
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Long> intendedStart = new ConcurrentHashMap<>();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Semaphore window = new Semaphore(maxInFlight);
        String bearer = "Bearer " + token.get();
        // Bodies are made before the clock starts: making them is not the server's time.
        List<Buffer> bodies = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            bodies.add(Buffer.buffer(body.get()));
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;
        for (int i = 0; i < count; i++) {
            long intended = start + due[i];
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
            String key = resend ? UUID.randomUUID().toString() : null;
            Buffer payload = bodies.get(i);
            send(url, bearer, key, payload, intended, resend, statuses).onComplete(answer -> {
                long now = System.nanoTime();
                try {
                    long took = Math.min(HIGHEST_NANOS, now - intended);
                    latency.recordValue(took);
                    perSecond.get(second).recordValue(took);
                    lastAnswer.accumulateAndGet(now, Math::max);
                    outcomes.add(new Outcome(
                            intended - start,
                            answer.failed() ? -1 : answer.result().status(),
                            took));
                    if (answer.failed()) {
                        failed.incrementAndGet();
                        if (!resend) {
                            statuses.merge(-1, 1L, Long::sum);
                        }
                    } else if (!answer.result().id().isEmpty()) {
                        accepted.put(answer.result().id(), now);
                        intendedStart.put(answer.result().id(), intended);
                        created.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
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
        return new Result(
                name,
                rate,
                count,
                sent,
                created.get(),
                failed.get(),
                refused.get(),
                Map.copyOf(statuses),
                latency,
                perSecond,
                accepted,
                start,
                lastAnswer.get(),
                intendedStart,
                List.copyOf(outcomes));
    }

    /** How long a request is sent again, from its intended start, while it gets no answer or a 502/503/504. */
    static final long RESEND_FOR_NANOS = TimeUnit.SECONDS.toNanos(90);

    /** The last answer's status, and the referral id of a 201, else "". */
    private record Reply(int status, String id) {}

    /** One request (and, with {@code resend}, its resends). */
    private Future<Reply> send(
            Supplier<String> url,
            String bearer,
            String key,
            Buffer payload,
            long intended,
            boolean resend,
            Map<Integer, Long> statuses) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.get())
                .setTimeout(60_000)
                .putHeader("Authorization", bearer)
                .putHeader("Content-Type", "application/json");
        if (key != null) {
            request.putHeader("Idempotency-Key", key);
        }
        Promise<Reply> done = Promise.promise();
        client.request(request)
                .compose(r -> r.send(payload))
                .compose(r -> r.body().map(b -> new Answer(r.statusCode(), r.getHeader("Retry-After"), b.toString())))
                .onComplete(answer -> {
                    int status = answer.succeeded() ? answer.result().status() : -1;
                    if (answer.succeeded()) {
                        statuses.merge(status, 1L, Long::sum);
                        if (status == 503 && answer.result().retryAfter() == null) {
                            statuses.merge(STATUS_503_WITHOUT_RETRY_AFTER, 1L, Long::sum);
                        }
                    } else if (resend) {
                        statuses.merge(-1, 1L, Long::sum); // no answer: refused, cut or timed out
                    }
                    boolean again = status == -1 || status == 502 || status == 503 || status == 504;
                    if (resend && again && System.nanoTime() - intended < RESEND_FOR_NANOS) {
                        long delay =
                                status == 503 ? retryAfterMillis(answer.result().retryAfter()) : 1000;
                        vertx.setTimer(
                                delay,
                                t -> send(url, bearer, key, payload, intended, true, statuses)
                                        .onComplete(done));
                    } else if (answer.failed()) {
                        done.fail(answer.cause());
                    } else {
                        Matcher m = status == 201 ? ID.matcher(answer.result().body()) : null;
                        done.complete(new Reply(
                                status, m != null && m.find() ? m.group(1).toLowerCase() : ""));
                    }
                });
        return done.future();
    }

    /** Counted in {@code statusCounts} for each 503 that came without a {@code Retry-After}. */
    public static final int STATUS_503_WITHOUT_RETRY_AFTER = -503;

    private record Answer(int status, String retryAfter, String body) {}

    static long retryAfterMillis(String header) {
        try {
            return Math.max(200, Math.min(10_000, Long.parseLong(header.trim()) * 1000));
        } catch (RuntimeException e) {
            return 1000;
        }
    }

    public void close() {
        client.close();
        vertx.close();
    }
}
