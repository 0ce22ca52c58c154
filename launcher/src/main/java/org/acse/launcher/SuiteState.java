package org.acse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes a running {@code ./acse up} started, in start order, as lines {@code name pid startEpochMillis}
 * in {@code .acse/state}. The start time guards against a recycled pid: a process is ours only if both match.
 */
public final class SuiteState {
    public record Entry(String name, long pid, long startMillis) {

        /** The live process this entry names, if it is still the same process. */
        public Optional<ProcessHandle> process() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startMillis);
        }

        static Entry of(String name, ProcessHandle process) {
            return new Entry(
                    name,
                    process.pid(),
                    process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L));
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private SuiteState(Path file) {
        this.file = file;
    }

    public static SuiteState empty(Path file) {
        return new SuiteState(file);
    }

    public static SuiteState read(Path file) {
        SuiteState state = new SuiteState(file);
        if (!Files.exists(file)) {
            return state;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && !line.startsWith("#")) {
                    state.entries.put(f[0], new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("unreadable " + file + ": " + e.getMessage(), e);
        }
        return state;
    }

    /** Records a process and writes the file at once, so that {@code ./acse down} finds it even mid-start. */
    public synchronized void record(String name, ProcessHandle process) {
        entries.put(name, Entry.of(name, process));
        write();
    }

    public synchronized void forget(String name) {
        entries.remove(name);
        write();
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public synchronized Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public synchronized void delete() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        StringBuilder text = new StringBuilder("# processes started by ./acse up: name pid start-epoch-millis\n");
        entries.values()
                .forEach(e -> text.append(e.name())
                        .append(' ')
                        .append(e.pid())
                        .append(' ')
                        .append(e.startMillis())
                        .append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path staging = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(staging, text);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
