package org.acse.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.acse.testsupport.Tokens;
import org.jboss.logging.Logger;

/**
 * The receiving shelters' teams: every proposal seen on the broker is answered through placement-service, as staff
 * of that shelter would. One referral in four is declined at its first proposal (the next shelter is then held and
 * answered in turn); every other proposal is accepted and the person's arrival recorded. An answer that gets no
 * response or a 502/503/504 is sent again (the same request: a second accept of an accepted placement is a 409, which
 * means the first one went through), for up to two minutes.
 */
public final class ShelterTeams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ShelterTeams.class);
    private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final Supplier<String> placementUrl;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "shelter-team");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> declinedOnce = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    private final AtomicLong abandoned = new AtomicLong();

    /** {@code placementUrl}: placement-service's base URL for each request (one instance of several, in turn). */
    public ShelterTeams(Supplier<String> placementUrl, EventWatcher events) {
        this.placementUrl = placementUrl;
        events.onProposal(p -> pool.execute(() -> answer(p)));
    }

    /** Every answer's status (-1: no response), resends included. */
    public Map<Integer, Long> statusCounts() {
        return Map.copyOf(statuses);
    }

    /** Answers that still had no final response after two minutes of resending. */
    public long abandoned() {
        return abandoned.get();
    }

    private void answer(EventWatcher.Proposal p) {
        String staff = Tokens.staff(UUID.fromString(p.shelterId()));
        String placement = "/api/v1/placements/" + p.placementId();
        boolean decline = Math.floorMod(p.referralId().hashCode(), 4) == 0 && declinedOnce.add(p.referralId());
        if (decline) {
            send(placement + "/decline", staff, Map.of("reason", "STAFF_UNAVAILABLE"));
            return;
        }
        if (send(placement + "/accept", staff, Map.of())) {
            send(placement + "/arrival", staff, null);
        }
    }

    /** True once the request went through (2xx, or a 409 after a resend: an earlier attempt did). */
    private boolean send(String path, String token, Object body) {
        long begin = System.nanoTime();
        boolean resent = false;
        while (System.nanoTime() - begin < GIVE_UP_NANOS) {
            int status;
            try {
                status = Json.send("POST", placementUrl.get() + path, token, body)
                        .status();
            } catch (RuntimeException noAnswer) {
                status = -1;
            }
            statuses.merge(status, 1L, Long::sum);
            if (status / 100 == 2 || (status == 409 && resent)) {
                return true;
            }
            if (status != -1 && status != 502 && status != 503 && status != 504) {
                LOG.warnf("%s answered %d", path.replaceAll("[0-9a-f-]{36}", "{id}"), status);
                return false;
            }
            resent = true;
            try {
                Thread.sleep(Duration.ofMillis(500).toMillis()); // a team that got no answer tries again shortly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        abandoned.incrementAndGet();
        return false;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
