package org.layerloom.app.smoke;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The smoke test's log: one line per finished step with the seconds it took and the time since the
 * process started (what a student waits for), and the step now running, so that a failure or the
 * watchdog can say where it happened. Lines start with {@code smoke:} so scripts can pick them out.
 * Thread-safe: steps finish on the JavaFX thread and on the training thread.
 */
public final class SmokeReport {

    private final PrintWriter out;
    private final Optional<Instant> processStart;
    private String current = "starting";
    private long currentStart = System.nanoTime();

    /**
     * @param processStart when the process started (from {@link ProcessHandle}), empty when the system
     *                     does not tell; lines then leave out the time since start
     */
    public SmokeReport(PrintWriter out, Optional<Instant> processStart) {
        this.out = out;
        this.processStart = processStart;
    }

    /** A report for this process. */
    public static SmokeReport forThisProcess(PrintWriter out) {
        return new SmokeReport(out, ProcessHandle.current().info().startInstant());
    }

    /** Marks the start of a step; its time runs until {@link #done}. */
    public synchronized void begin(String step) {
        current = step;
        currentStart = System.nanoTime();
    }

    /** Ends the current step, printing it with {@code detail} (may be empty). */
    public synchronized void done(String detail) {
        double seconds = (System.nanoTime() - currentStart) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "smoke: %-28s %6.2f s", current, seconds));
        sinceStart().ifPresent(ms -> line.append(String.format(Locale.ROOT, "  (at %.2f s)", ms / 1000.0)));
        if (!detail.isEmpty()) {
            line.append("  ").append(detail);
        }
        out.println(line);
        out.flush();
        current = "between steps after " + current;
    }

    /** Prints a line that is not a step (the summary, a budget). */
    public synchronized void note(String text) {
        out.println("smoke: " + text);
        out.flush();
    }

    /** The step running now, for failure messages. */
    public synchronized String currentStep() {
        return current;
    }

    /** Milliseconds since the process started, if known. */
    public Optional<Long> sinceStart() {
        return processStart.map(start -> Duration.between(start, Instant.now()).toMillis());
    }
}
