package org.layerloom.app.smoke;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Bounds the smoke test in time: unless {@link #cancel()} is called first, after the timeout it prints
 * which step was running and ends the process with {@link #EXIT_TIMED_OUT} (by {@code halt}, so a hung
 * JavaFX or engine thread cannot keep it alive). A daemon thread; {@link #start} and {@link #cancel} from
 * any thread.
 */
public final class Watchdog {

    /** The exit code when the smoke test ran out of time. */
    public static final int EXIT_TIMED_OUT = 3;

    private final long timeoutMillis;
    private final SmokeReport report;
    private final PrintWriter err;
    private final IntConsumer halt;
    private final Thread thread;

    /** @param halt ends the process with the given code ({@code Runtime.getRuntime()::halt} in the app) */
    public Watchdog(long timeoutMillis, SmokeReport report, PrintWriter err, IntConsumer halt) {
        this.timeoutMillis = timeoutMillis;
        this.report = report;
        this.err = err;
        this.halt = halt;
        this.thread = new Thread(this::watch, "layerloom-smoke-watchdog");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void cancel() {
        thread.interrupt();
    }

    private void watch() {
        try {
            Thread.sleep(timeoutMillis);
        } catch (InterruptedException cancelled) {
            return;
        }
        err.printf(Locale.ROOT, "smoke test FAILED: it did not finish within %.0f s; it was at the step '%s'.%n",
                timeoutMillis / 1000.0, report.currentStep());
        err.flush();
        halt.accept(EXIT_TIMED_OUT);
    }
}
