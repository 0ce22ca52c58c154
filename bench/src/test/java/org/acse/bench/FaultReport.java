package org.acse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** {@code bench/results/faults/REPORT.md}: what each fault of {@link ClusterFaultIT} cost, and the invariants. */
final class FaultReport {
    private static final Logger LOG = Logger.getLogger(FaultReport.class);

    /** One fault under its load: nanoTimes of the fault's start and of the suite being whole again. */
    record Phase(String name, long faultAt, long wholeAt, OpenLoad.Result load) {}

    /** A phase's figures, in milliseconds ({@code -1}: none). */
    record Figures(
            long wholeAfter, long flowBackAfter, long worst201, long e2eMedian, long e2eWorst, long e2eWorstDuring) {}

    /** One live stream subscriber's figures; delays in milliseconds ({@code -1}: none). */
    record LiveRow(
            String subscriber,
            int streams,
            int listReads,
            int checked,
            long pushed,
            long listedOnly,
            int missing,
            int foreign,
            int notPushedWhileOpen,
            long worstPushed,
            long worst) {}

    static Figures figures(Phase p, Map<String, Long> firstAlert) {
        List<Long> e2e = new ArrayList<>();
        long worstDuring = -1;
        long flowBack = Long.MAX_VALUE;
        for (var entry : p.load().intendedStart().entrySet()) {
            Long alert = firstAlert.get(entry.getKey());
            if (alert == null) {
                continue;
            }
            long intended = entry.getValue();
            long millis = (alert - intended) / 1_000_000;
            e2e.add(millis);
            if (intended >= p.faultAt() && intended <= p.wholeAt()) {
                worstDuring = Math.max(worstDuring, millis);
            }
            if (intended >= p.faultAt()) {
                flowBack = Math.min(flowBack, (alert - p.faultAt()) / 1_000_000);
            }
        }
        Collections.sort(e2e);
        return new Figures(
                (p.wholeAt() - p.faultAt()) / 1_000_000,
                flowBack == Long.MAX_VALUE ? -1 : flowBack,
                p.load().latency().getMaxValue() / 1_000_000,
                e2e.isEmpty() ? -1 : e2e.get(e2e.size() / 2),
                e2e.isEmpty() ? -1 : e2e.get(e2e.size() - 1),
                worstDuring);
    }

    static void write(
            Path root,
            List<Phase> phases,
            Network network,
            Map<String, Object> invariants,
            ShelterTeams teams,
            List<LiveRow> live) {
        StringBuilder md = new StringBuilder();
        md.append("# Cluster fault suite\n\n")
                .append("`ClusterFaultIT` (`./mvnw verify -Pfaults -pl bench`), ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", commit ")
                .append(Machine.commit(root))
                .append(".\n\n")
                .append(Machine.describe())
                .append(", load average at the end ")
                .append(Machine.loadAverage())
                .append(".\n\nThree Kafka nodes (KRaft, each its own JVM; topics 3 replicas, `min.insync.replicas` 2,")
                .append(" `acse.referrals` and `acse.placements` 6 partitions), two instances of each service taken in")
                .append(
                        " turn by readiness, a shared PostgreSQL. The load sends referrals with an `Idempotency-Key` and")
                .append(" sends again what got no answer or a 503 (after its `Retry-After`); the shelters' teams")
                .append(
                        " decline one referral in four once and accept every other proposal, then record the arrival.\n\n")
                .append("End to end: from the moment a referral was due to be sent until its first alert reached the")
                .append(" shelter's webhook. *Whole again*: the fault's end (the instance or node ready again, every")
                .append(
                        " replica in sync, the database back and every instance ready). *Flow back*: the first alert of")
                .append(" a referral sent after the fault began.\n\n")
                .append("| fault | referrals (201) | answers | whole again after | flow back after |")
                .append(" slowest 201 | end to end p50 | worst end to end (sent during the fault) | worst overall |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Figures f = figures(p, network.firstAlert());
            md.append("| ")
                    .append(p.name())
                    .append(" | ")
                    .append(p.load().planned())
                    .append(" (")
                    .append(p.load().created())
                    .append(") | ")
                    .append(statuses(p.load().statusCounts()))
                    .append(" | ")
                    .append(seconds(f.wholeAfter()))
                    .append(" | ")
                    .append(seconds(f.flowBackAfter()))
                    .append(" | ")
                    .append(seconds(f.worst201()))
                    .append(" | ")
                    .append(seconds(f.e2eMedian()))
                    .append(" | ")
                    .append(seconds(f.e2eWorstDuring()))
                    .append(" | ")
                    .append(seconds(f.e2eWorst()))
                    .append(" |\n");
        }
        md.append("\nShelter teams' answers (accept, decline, arrival; resends included): ")
                .append(statuses(teams.statusCounts()))
                .append(".\n\n");
        if (!live.isEmpty()) {
            md.append("Live alert streams (`GET /api/v1/alerts/stream`), held open on each notification instance for")
                    .append(" the whole run with tokens of ")
                    .append(LiveSubscriber.TOKEN_LIFETIME.toMinutes())
                    .append(" minutes: a stream that ends (token expired, instance stopped or killed) is opened again")
                    .append(" on the same instance with a fresh token, and the alert list read from a minute before")
                    .append(" the stream was last heard (the stream has no resume). *Checked*: the alerts this")
                    .append(" subscriber should see; *pushed*: received on the stream; *listed only*: created while no")
                    .append(" stream was open, read from the list on opening again. Delays from the alert's creation:"
                            + " *worst delay pushed* over the alerts first received on the stream, *overall*"
                            + " over every alert's first reception, pushed or listed.\n\n")
                    .append("| subscriber | streams opened | list reads | alerts checked | pushed | listed only |")
                    .append(" never received | not its own | created while open, not pushed | worst delay pushed |")
                    .append(" worst delay overall |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (LiveRow r : live) {
                md.append("| ")
                        .append(r.subscriber())
                        .append(" | ")
                        .append(r.streams())
                        .append(" | ")
                        .append(r.listReads())
                        .append(" | ")
                        .append(r.checked())
                        .append(" | ")
                        .append(r.pushed())
                        .append(" | ")
                        .append(r.listedOnly())
                        .append(" | ")
                        .append(r.missing())
                        .append(" | ")
                        .append(r.foreign())
                        .append(" | ")
                        .append(r.notPushedWhileOpen())
                        .append(" | ")
                        .append(seconds(r.worstPushed()))
                        .append(" | ")
                        .append(seconds(r.worst()))
                        .append(" |\n");
            }
            md.append("\n");
        }
        md.append("| invariant | count |\n|---|---|\n");
        invariants.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Path out = root.resolve("bench/results/faults/REPORT.md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, md);
            LOG.infof("report written to %s", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 201×58, 503×12, no answer×2}. */
    static String statuses(Map<Integer, Long> counts) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(counts).forEach((status, n) -> {
            if (status == OpenLoad.STATUS_503_WITHOUT_RETRY_AFTER) {
                parts.add("503 without Retry-After×" + n);
            } else {
                parts.add((status == -1 ? "no answer" : String.valueOf(status)) + "×" + n);
            }
        });
        return String.join(", ", parts);
    }

    static String seconds(long millis) {
        return millis < 0 ? "–" : String.format("%.1f s", millis / 1000.0);
    }

    private FaultReport() {}
}
