package org.acse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, read from {@code /proc/<pid>/status}. */
public final class Rss {
    public static long ofPid(long pid) {
        try {
            return parseVmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * User + system CPU time of a process so far, from {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks of
     * 10 ms: USER_HZ is 100 on Linux), in ms; -1 if unknown.
     */
    public static long cpuMillisOfPid(long pid) {
        try {
            return parseCpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    static long parseCpuMillis(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** The VmRSS line of a {@code /proc/<pid>/status} text, in kB; -1 if absent. */
    static long parseVmRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private Rss() {}
}
