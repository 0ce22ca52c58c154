package org.acse.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples each service's VmRSS twice a second and keeps the peak and the last value. */
public final class RssSampler implements AutoCloseable {
    private final SuiteUnderTest suite;
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private final Map<String, Long> last = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private final List<String> names;

    public RssSampler(SuiteUnderTest suite) {
        this(suite, SuiteUnderTest.SERVICES);
    }

    /** Samples these services (the web application too, say). */
    public RssSampler(SuiteUnderTest suite, List<String> names) {
        this.suite = suite;
        this.names = List.copyOf(names);
        thread = new Thread(this::loop, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void sample() {
        for (String name : names) {
            long kb = suite.rssKb(name);
            if (kb > 0) {
                last.put(name, kb);
                peak.merge(name, kb, Math::max);
            }
        }
    }

    /** Peak since the last reset, in MB, per service. */
    public Map<String, Long> peakMb() {
        Map<String, Long> mb = new LinkedHashMap<>();
        for (String name : names) {
            mb.put(name, peak.getOrDefault(name, -1024L) / 1024);
        }
        return mb;
    }

    public Map<String, Long> lastMb() {
        Map<String, Long> mb = new LinkedHashMap<>();
        for (String name : names) {
            mb.put(name, last.getOrDefault(name, -1024L) / 1024);
        }
        return mb;
    }

    public void reset() {
        peak.clear();
        sample();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
