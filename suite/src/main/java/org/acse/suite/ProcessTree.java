package org.acse.suite;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started (a start script's JVM, say), politely first, then by force. */
public final class ProcessTree {

    public static void stop(ProcessHandle root, Duration grace) {
        // Snapshot descendants before the root goes: once it is gone its children are re-parented and lost to us.
        List<ProcessHandle> tree = root.descendants().toList();
        root.destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        awaitExit(root, deadline);
        tree.forEach(p -> awaitExit(p, deadline));
        if (root.isAlive()) {
            root.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(root, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        tree.forEach(p -> awaitExit(p, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
    }

    private static void awaitExit(ProcessHandle process, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !process.isAlive()) {
            return;
        }
        try {
            process.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still alive: the caller escalates
        }
    }

    private ProcessTree() {}
}
