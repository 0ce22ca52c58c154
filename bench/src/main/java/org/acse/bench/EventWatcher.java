package org.acse.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.common.events.CloudEventHeaders;
import org.acse.common.events.EventType;
import org.acse.common.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the suite's topics from the beginning, as an outside observer: how many {@code referral.submitted} each
 * referral has on the broker, and whether and when it reached a final state of the flow (proposed or no match).
 */
public final class EventWatcher implements AutoCloseable {
    /** What the broker says about one referral. */
    public static final class Seen {
        public final AtomicInteger submitted = new AtomicInteger();
        public final AtomicInteger proposed = new AtomicInteger();
        public final AtomicInteger noMatch = new AtomicInteger();
        public final AtomicInteger accepted = new AtomicInteger();
        public final AtomicInteger declined = new AtomicInteger();
        public final AtomicInteger arrived = new AtomicInteger();
        /** Placements proposed and not yet declined, expired or cancelled; above 1 means two live proposals. */
        public final Set<String> livePlacements = ConcurrentHashMap.newKeySet();
        /** CloudEvent ids seen, to tell a redelivered record (same id) from a second proposal. */
        public final Set<String> eventIds = ConcurrentHashMap.newKeySet();

        public final AtomicInteger redelivered = new AtomicInteger();
        public final AtomicInteger maxLiveProposals = new AtomicInteger();
        public volatile long finalAtNanos;
        /** Broker timestamps (producer create time, epoch ms) of the first referral.submitted and first proposal. */
        public volatile long submittedAtMillis;

        public volatile long proposedAtMillis;

        public boolean isFinal() {
            return proposed.get() > 0 || noMatch.get() > 0;
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Seen> referrals = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong submittedTotal = new AtomicLong();
    private final AtomicLong finalTotal = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<Proposal> onProposal = p -> {};

    /** A {@code placement.proposed} as the receiving shelter's team would answer it. */
    public record Proposal(String referralId, String placementId, String shelterId) {}

    /** Told of each new proposal (once per event id), on the watcher's thread: hand it off, do not block. */
    public void onProposal(Consumer<Proposal> listener) {
        this.onProposal = listener;
    }

    public EventWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "acse-bench-watcher-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.REFERRALS, Topics.PLACEMENTS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::loop, "event-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                // A stopped broker only makes poll come back empty: the watcher goes on when it is back.
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    records.incrementAndGet();
                    on(r);
                }
            }
        } catch (WakeupException stop) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void on(ConsumerRecord<String, String> r) {
        Header h = r.headers().lastHeader(CloudEventHeaders.TYPE);
        if (h == null || r.key() == null) {
            return;
        }
        EventType type = EventType.fromType(new String(h.value(), StandardCharsets.UTF_8))
                .orElse(null);
        if (type == null) {
            return;
        }
        Seen seen = referrals.computeIfAbsent(r.key().toLowerCase(), k -> new Seen());
        Header id = r.headers().lastHeader(CloudEventHeaders.ID);
        if (id != null && !seen.eventIds.add(new String(id.value(), StandardCharsets.UTF_8))) {
            // The same event again (at-least-once publishing): consumers drop it by its id.
            seen.redelivered.incrementAndGet();
            return;
        }
        switch (type) {
            case REFERRAL_SUBMITTED -> {
                if (seen.submitted.getAndIncrement() == 0) {
                    seen.submittedAtMillis = r.timestamp();
                }
                submittedTotal.incrementAndGet();
            }
            case PLACEMENT_PROPOSED -> {
                if (seen.proposed.getAndIncrement() == 0) {
                    seen.proposedAtMillis = r.timestamp();
                }
                placementId(r.value()).ifPresent(seen.livePlacements::add);
                seen.maxLiveProposals.accumulateAndGet(seen.livePlacements.size(), Math::max);
                markFinal(seen);
                Optional<String> placement = placementId(r.value());
                Matcher shelter = SHELTER_ID.matcher(r.value() == null ? "" : r.value());
                if (placement.isPresent() && shelter.find()) {
                    onProposal.accept(new Proposal(r.key().toLowerCase(), placement.get(), shelter.group(1)));
                }
            }
            case PLACEMENT_DECLINED -> {
                seen.declined.incrementAndGet();
                placementId(r.value()).ifPresent(seen.livePlacements::remove);
            }
            case PLACEMENT_EXPIRED, PLACEMENT_CANCELLED ->
                placementId(r.value()).ifPresent(seen.livePlacements::remove);
            case PLACEMENT_ACCEPTED -> seen.accepted.incrementAndGet();
            case PLACEMENT_ARRIVED -> seen.arrived.incrementAndGet();
            case PLACEMENT_NO_MATCH -> {
                seen.noMatch.incrementAndGet();
                markFinal(seen);
            }
            default -> {}
        }
    }

    private static final Pattern SHELTER_ID = Pattern.compile("\"shelterId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PLACEMENT_ID = Pattern.compile("\"placementId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    static Optional<String> placementId(String json) {
        Matcher m = PLACEMENT_ID.matcher(json == null ? "" : json);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private void markFinal(Seen seen) {
        if (seen.finalAtNanos == 0) {
            seen.finalAtNanos = System.nanoTime();
            finalTotal.incrementAndGet();
        }
    }

    /** Every referral.submitted record seen so far (duplicates included). */
    public long submittedTotal() {
        return submittedTotal.get();
    }

    /** Referrals seen reaching a final state so far. */
    public long finalTotal() {
        return finalTotal.get();
    }

    public Seen seen(String referralId) {
        return referrals.get(referralId.toLowerCase());
    }

    public long records() {
        return records.get();
    }

    /** How many of these referrals have their referral.submitted on the broker. */
    public long submittedAmong(Iterable<String> ids) {
        long n = 0;
        for (String id : ids) {
            Seen s = seen(id);
            if (s != null && s.submitted.get() > 0) {
                n++;
            }
        }
        return n;
    }

    public long finalAmong(Iterable<String> ids) {
        long n = 0;
        for (String id : ids) {
            Seen s = seen(id);
            if (s != null && s.isFinal()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
