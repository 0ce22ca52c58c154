package org.acse.launcher;

import java.io.PrintStream;

/**
 * What the launcher tells the person at the terminal: progress, the demo's story, URLs. This is the command's user
 * interface, not logging (which goes to .acse/logs/launcher.log); it never carries personal data.
 */
public final class Console {
    private final PrintStream out;
    private long stepStarted;

    public Console(PrintStream out) {
        this.out = out;
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void line(String format, Object... args) {
        line(String.format(format, args));
    }

    /** Starts a progress line: "  Kafka broker ........ " (completed by {@link #done}). */
    public void step(String what) {
        stepStarted = System.nanoTime();
        String label = "  " + what + " ";
        out.print(label + ".".repeat(Math.max(3, 44 - label.length())) + " ");
        out.flush();
    }

    public void done(String detail) {
        long ms = (System.nanoTime() - stepStarted) / 1_000_000;
        line("ok  %-46s %5.1f s", detail, ms / 1000.0);
    }

    public void failed(String reason) {
        line("FAILED");
        line("    " + reason);
    }
}
