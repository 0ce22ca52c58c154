package org.acse.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.acse.suite.Database;

/**
 * CPU time spent by each part of the suite (user + system), so that a step can be charged per referral: the
 * services' JVMs, the PostgreSQL backends serving the benchmark's database, and inside the benchmark's own JVM the
 * load generator, the event watcher and the in-process Kafka broker (every other thread). CPU time, unlike
 * throughput, barely depends on what else runs on the machine.
 */
final class CpuAccount {
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux
    private final SuiteUnderTest suite;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    CpuAccount(SuiteUnderTest suite) {
        this.suite = suite;
    }

    /** Cumulative CPU nanoseconds per part now. */
    Map<String, Long> snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String name : SuiteUnderTest.SERVICES) {
            var p = suite.service(name);
            if (p != null && p.isAlive()) {
                cpu.put(name, ofPid(p.pid()));
            }
        }
        cpu.put("postgres (bench db backends)", postgres(suite.database));
        Map<String, Long> bench = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long t = threads.getThreadCpuTime(id);
            if (info == null || t < 0) {
                continue;
            }
            bench.merge(part(info.getThreadName()), t, Long::sum);
        }
        cpu.put("bench: load generator", bench.getOrDefault("load", 0L));
        cpu.put("bench: event watcher", bench.getOrDefault("watcher", 0L));
        cpu.put("bench: Kafka broker and rest", bench.getOrDefault("broker", 0L));
        return cpu;
    }

    private static String part(String thread) {
        if (thread.startsWith("load-client") || thread.startsWith("HttpClient") || thread.equals("main")) {
            return "load";
        }
        return thread.startsWith("event-watcher") ? "watcher" : "broker";
    }

    /** Differences between two snapshots, per part. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, Math.max(0, v - before.getOrDefault(k, 0L))));
        return d;
    }

    private static long postgres(Database database) {
        long total = 0;
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
            while (r.next()) {
                total += ofPid(r.getLong(1));
            }
        } catch (SQLException e) {
            return -1;
        }
        return total;
    }

    static long ofPid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime); f[0] is field 3.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
