package org.acse.placement.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.acse.common.events.DangerZone;
import org.acse.common.events.Gender;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;
import org.acse.common.events.Urgency;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.jboss.logging.Logger;

/**
 * The matching benchmark (product §11: ≤ 5 ms p99 over 10,000 shelters / 100,000 places): p50/p99 of one candidate
 * search (what every hold runs) and of a full explanation, for 100, 1,000 and 10,000 shelters of 10 units each,
 * at real communes, with varied referrals. A plain harness, not a test (surefire does not pick it up). Run:
 * <pre>
 * ./mvnw -o -q -pl placement-service test-compile exec:java \
 *     -Dexec.mainClass=org.acse.placement.matching.MatchingBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class MatchingBenchmark {
    private static final int WARMUP = 2_000;
    private static final int MEASURED = 3_000;
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    /** {@code -Dbench.schemes=true}: a shelter in five in one of 20 schemes, every referral preferring one. */
    private static final boolean SCHEMES = Boolean.getBoolean("bench.schemes");

    public static void main(String[] args) {
        // Under exec:java the Maven JVM's own logging would swallow the report: log through java.util.logging.
        System.setProperty("org.jboss.logging.provider", "jdk");
        Logger log = Logger.getLogger(MatchingBenchmark.class);
        Gazetteer france = Gazetteer.france();
        List<Commune> communes = new ArrayList<>(france.communes());
        communes.sort((a, b) -> a.code().compareTo(b.code()));
        MatchingEngine engine = new MatchingEngine(MatchingRules.defaults());
        DangerZones zones = new DangerZones(france);
        for (int shelters : new int[] {100, 1_000, 10_000}) {
            Random random = new Random(42);
            long heapBefore = heapAfterGc();
            List<ShelterProfile> network = network(shelters, communes, random);
            long profilesHeap = heapAfterGc() - heapBefore;
            ShelterIndex built = ShelterIndex.of(network);
            long indexHeap = heapAfterGc() - heapBefore - profilesHeap;
            log.infof(
                    "%,6d shelters: profiles %.1f MB, index %.1f MB of heap",
                    built.size(), profilesHeap / 1e6, indexHeap / 1e6);
            List<MatchRequest> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                requests.add(request(communes, zones, random));
            }
            // 5 % of the places held or given right now, as matching finds them in production.
            Set<UUID> busy = new HashSet<>();
            for (ShelterProfile shelter : network) {
                for (UnitProfile unit : shelter.units()) {
                    if (random.nextInt(20) == 0 && !Boolean.getBoolean("bench.noBusy")) {
                        busy.add(unit.id());
                    }
                }
            }
            MatchContext context = new MatchContext(NOW, busy, Set.of());
            // The service builds the index once per change of the network, not per search: measured apart.
            long[][] build = measure(() -> ShelterIndex.of(network), 20, 200);
            ShelterIndex index = ShelterIndex.of(network);
            long[][] search =
                    measure(() -> engine.candidates(requests.get(next(random)), context, index, 32), WARMUP, MEASURED);
            long[][] explain =
                    measure(() -> engine.explain(requests.get(next(random)), context, index), WARMUP, MEASURED);
            log.infof(
                    "%,6d shelters / %,7d places: candidates wall p50 %.3f p99 %.3f ms, cpu p50 %.3f p99 %.3f ms"
                            + " | explain wall p50 %.3f p99 %.3f ms, cpu p50 %.3f p99 %.3f ms"
                            + " | index build cpu p50 %.3f p99 %.3f ms",
                    shelters,
                    shelters * 10,
                    ms(search[0], 50),
                    ms(search[0], 99),
                    ms(search[1], 50),
                    ms(search[1], 99),
                    ms(explain[0], 50),
                    ms(explain[0], 99),
                    ms(explain[1], 50),
                    ms(explain[1], 99),
                    ms(build[1], 50),
                    ms(build[1], 99));
        }
    }

    /** The heap in use after a full collection (approximate: a few collections, then the used size). */
    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int next(Random random) {
        return random.nextInt(200);
    }

    /**
     * Wall-clock and thread CPU time of each run, sorted. On a loaded machine the wall time also counts the time the
     * thread waited for a core; the CPU time is what the search itself costs.
     */
    private static long[][] measure(Runnable search, int warmup, int measured) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            search.run();
        }
        long[] wall = new long[measured];
        long[] cpu = new long[measured];
        for (int i = 0; i < measured; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            search.run();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new long[][] {wall, cpu};
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static List<ShelterProfile> network(int size, List<Commune> communes, Random random) {
        List<ShelterProfile> network = new ArrayList<>(size);
        Gender[] genders = Gender.values();
        for (int s = 0; s < size; s++) {
            Commune commune = communes.get(random.nextInt(communes.size()));
            List<UnitProfile> units = new ArrayList<>();
            for (int u = 0; u < 10; u++) {
                int roll = random.nextInt(10);
                UnitStatus status =
                        roll < 6 ? UnitStatus.FREE : roll < 9 ? UnitStatus.OCCUPIED : UnitStatus.OUT_OF_SERVICE;
                Instant from = status == UnitStatus.OCCUPIED && random.nextBoolean()
                        ? NOW.plus(Duration.ofHours(random.nextInt(200)))
                        : null;
                units.add(new UnitProfile(
                        new UUID(s, u),
                        1 + random.nextInt(4),
                        status,
                        from,
                        NOW.minus(Duration.ofHours(random.nextInt(48)))));
            }
            Set<Gender> accepted = random.nextInt(3) == 0 ? Set.of(Gender.FEMALE) : Set.of(genders);
            Set<Support> support = random.nextBoolean()
                    ? Set.of(Support.PSYCHOLOGICAL, Support.INTERPRETER)
                    : Set.of(Support.MEDICAL, Support.LEGAL);
            network.add(new ShelterProfile(
                    new UUID(s, -1),
                    "S" + s,
                    random.nextInt(20) != 0,
                    commune.centre(),
                    commune.departmentCode(),
                    accepted,
                    random.nextBoolean(),
                    3,
                    null,
                    null,
                    random.nextBoolean(),
                    support,
                    random.nextBoolean() ? Set.of("fr", "en") : Set.of("fr", "ro", "ar"),
                    units,
                    SCHEMES && s % 5 == 0 ? "S" + (s / 5 % 20) : null));
        }
        return network;
    }

    private static MatchRequest request(List<Commune> communes, DangerZones zones, Random random) {
        Commune danger = communes.get(random.nextInt(communes.size()));
        List<Integer> children = random.nextInt(3) == 0 ? List.of(3, 8) : List.of();
        Gender gender = Gender.values()[random.nextInt(3)];
        Urgency urgency = Urgency.values()[random.nextInt(3)];
        return new MatchRequest(
                UUID.randomUUID(),
                new Household(gender, 30, children),
                new Needs(random.nextInt(5) == 0, random.nextInt(4) == 0, false, random.nextBoolean()),
                List.of(random.nextBoolean() ? "ro" : "en"),
                urgency,
                zones.resolve(List.of(DangerZone.commune(danger.code()))),
                danger.centre(),
                200,
                SCHEMES ? "S" + random.nextInt(20) : null);
    }

    private MatchingBenchmark() {}
}
