package org.acse.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by processes, from {@code /proc/<pid>/stat}. Unlike latency it hardly depends on what else the
 * machine is doing, so "CPU per referral" compares runs taken on a busy machine.
 */
public final class CpuTime {
    /** Linux's USER_HZ: /proc reports times in 1/100 s on every architecture Java runs on here. */
    private static final long MILLIS_PER_TICK = 10;

    /** One reading: each service's CPU time and all PostgreSQL processes' together (backends that ended included). */
    public record Reading(Map<String, Long> millis) {
        /** CPU milliseconds per unit of work between an earlier reading and this one. */
        public Map<String, Double> perUnitSince(Reading earlier, long units) {
            Map<String, Double> per = new LinkedHashMap<>();
            millis.forEach((name, ms) -> per.put(name, units == 0 || !earlier.millis.containsKey(name) ? -1
                    : (double) (ms - earlier.millis.get(name)) / units));
            return per;
        }
    }

    public static Reading read(SuiteUnderTest suite) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (String name : SuiteUnderTest.SERVICES) {
            var service = suite.service(name);
            if (service != null && service.isAlive()) {
                millis.put(name, ofPid(service.pid(), false));
            }
        }
        millis.put("PostgreSQL (all databases)", postgres());
        return new Reading(millis);
    }

    /** utime + stime (+ the children's it has waited for, when asked), in ms; 0 if the process is gone. */
    static long ofPid(long pid, boolean withChildren) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withChildren);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Fields 14–17 of a stat line (utime, stime, cutime, cstime), counted after the ")" that ends the name. */
    static long parse(String stat, boolean withChildren) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14 → f[11].
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks * MILLIS_PER_TICK;
    }

    /** Every postgres process, with the reaped backends' time that the postmaster carries. */
    static long postgres() {
        long total = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        total += parse(stat, true);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended while listed
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private CpuTime() {
    }
}
