package org.acse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.acse.suite.ServiceProcess;
import org.acse.suite.Suite;

/**
 * The instances of one service taken in turn, as a Kubernetes Service spreads connections over its ready pods: an
 * instance whose readiness ({@code /q/health/ready}, polled every 250 ms) is not up is skipped until it is again, so a
 * pod that shuts down gracefully stops being chosen before it stops listening. A killed one is chosen until the next
 * poll notices, as a Service's endpoint lingers until its probe fails: the client must send again (docs/adr/0013).
 */
public final class RoundRobin implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Suite suite;
    private final String service;
    private final List<String> urls;
    private final AtomicIntegerArray ready;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Thread poller;
    private volatile boolean running = true;

    public RoundRobin(Suite suite, String service) {
        this.suite = suite;
        this.service = service;
        this.urls = suite.urls(service);
        this.ready = new AtomicIntegerArray(urls.size());
        poll();
        poller = new Thread(this::loop, "round-robin-" + service);
        poller.setDaemon(true);
        poller.start();
    }

    private void loop() {
        while (running) {
            poll();
            try {
                Thread.sleep(POLL.toMillis()); // a probe period, as the kubelet's
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll() {
        List<ServiceProcess> processes = suite.instances(service);
        for (int i = 0; i < processes.size() && i < urls.size(); i++) {
            ServiceProcess p = processes.get(i);
            ready.set(i, p.isAlive() && ready(p.managementUrl()) ? 1 : 0);
        }
    }

    private boolean ready(String managementUrl) {
        try {
            return client.send(
                                    HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                                            .timeout(Duration.ofSeconds(1))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The base URL of the next ready instance; when none is ready, the next one anyway (the caller sends again). */
    public String next() {
        int n = urls.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (ready.get(i) == 1) {
                return urls.get(i);
            }
        }
        return urls.get(start);
    }

    /** How many instances answered ready at the last poll. */
    public int readyCount() {
        int count = 0;
        for (int i = 0; i < ready.length(); i++) {
            count += ready.get(i);
        }
        return count;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
