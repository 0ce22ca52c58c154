package org.acse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU goes, from its flight recording: every execution sample charged to the first frame,
 * from the top of the stack, that is not the JDK's own (a big-integer multiplication counts for the token check that
 * called it), grouped by component. Writes a Markdown table.
 *
 * <pre>bench/profile.sh</pre> records the latency scenario and runs this over the recordings.
 */
public final class Profile {
    /** First match wins: the validator before the rest of Hibernate. */
    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        component("token verification (OIDC, jose4j)", "org/jose4j/", "io/quarkus/oidc/", "io/smallrye/jwt/");
        component("bean validation", "org/hibernate/validator/");
        component("Hibernate ORM", "org/hibernate/");
        component("PostgreSQL driver", "org/postgresql/");
        component("connection pool and transactions", "io/agroal/", "com/arjuna/", "io/quarkus/narayana/");
        component("Kafka client", "org/apache/kafka/");
        component("Reactive Messaging", "io/smallrye/reactive/messaging/");
        component("JSON (Jackson)", "com/fasterxml/jackson/");
        component("REST (Quarkus REST)", "org/jboss/resteasy/", "io/quarkus/resteasy/");
        component("HTTP and I/O (Vert.x, Netty)", "io/vertx/", "io/netty/", "io/quarkus/vertx/");
        component("logging", "org/jboss/logmanager/", "org/jboss/logging/", "io/quarkus/logging/");
        component("metrics", "io/micrometer/", "io/prometheus/", "org/HdrHistogram/", "org/LatencyUtils/");
        component("Flyway", "org/flywaydb/");
        component("application code", "org/acse/");
        component(
                "Quarkus runtime (CDI, contexts, threads, scheduler)",
                "io/quarkus/",
                "io/smallrye/",
                "org/jboss/threads/");
    }

    private static void component(String name, String... prefixes) {
        for (String prefix : prefixes) {
            COMPONENTS.put(prefix, name);
        }
    }

    /** Samples of one recording, by component. */
    record Samples(String service, long total, Map<String, Long> byComponent) {}

    public static void main(String[] args) throws IOException {
        Duration skip = Duration.ofSeconds(45);
        List<Path> files = new ArrayList<>();
        Path out = null;
        for (String arg : args) {
            if (arg.startsWith("--skip=")) {
                skip = Duration.ofSeconds(Long.parseLong(arg.substring("--skip=".length())));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else {
                files.add(Path.of(arg));
            }
        }
        List<Samples> all = new ArrayList<>();
        for (Path file : files) {
            all.add(read(file, skip));
        }
        Files.writeString(out == null ? Path.of("PROFILE.md") : out, table(all, skip));
    }

    static Samples read(Path file, Duration skip) throws IOException {
        String service = file.getFileName().toString().replaceFirst("(-\\d+)?\\.jfr$", "");
        Map<String, Long> counts = new TreeMap<>();
        long total = 0;
        Instant first = null;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                if (first == null) {
                    first = event.getStartTime();
                }
                if (event.getStartTime().isBefore(first.plus(skip))) {
                    continue; // start-up and warm-up
                }
                counts.merge(componentOf(event.getStackTrace().getFrames()), 1L, Long::sum);
                total++;
            }
        }
        return new Samples(service, total, counts);
    }

    static String componentOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName().replace('.', '/');
            if (isJdk(type)) {
                continue;
            }
            return componentOfType(type);
        }
        return "JDK only";
    }

    static String componentOfType(String type) {
        for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
            if (type.startsWith(c.getKey())) {
                return c.getValue();
            }
        }
        return "other libraries";
    }

    static boolean isJdk(String type) {
        return type.startsWith("java/")
                || type.startsWith("javax/")
                || type.startsWith("jdk/")
                || type.startsWith("sun/")
                || type.startsWith("com/sun/");
    }

    static String table(List<Samples> all, Duration skip) {
        Map<String, Boolean> components = new LinkedHashMap<>();
        all.forEach(s -> s.byComponent().keySet().forEach(c -> components.put(c, true)));
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Share of each service's Java execution samples (JFR, profile settings; the first %d s, start-up and"
                        + " warm-up, left out). GC, the JIT and the kernel are not sampled.%n%n",
                skip.toSeconds()));
        md.append("| component |");
        all.forEach(s -> md.append(' ').append(s.service()).append(" |"));
        md.append("\n|---|");
        all.forEach(s -> md.append("---|"));
        md.append('\n');
        List<String> sorted = new ArrayList<>(components.keySet());
        sorted.sort((a, b) -> Long.compare(sum(all, b), sum(all, a)));
        for (String c : sorted) {
            md.append("| ").append(c).append(" |");
            for (Samples s : all) {
                long n = s.byComponent().getOrDefault(c, 0L);
                md.append(String.format(Locale.ROOT, " %.1f %% |", s.total() == 0 ? 0.0 : 100.0 * n / s.total()));
            }
            md.append('\n');
        }
        md.append("| samples |");
        all.forEach(s -> md.append(' ').append(s.total()).append(" |"));
        md.append('\n');
        return md.toString();
    }

    private static long sum(List<Samples> all, String component) {
        return all.stream()
                .mapToLong(s -> s.total() == 0 ? 0 : 1000 * s.byComponent().getOrDefault(component, 0L) / s.total())
                .sum();
    }

    private Profile() {}
}
