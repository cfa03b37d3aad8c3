package org.layerloom.engine.train.event;

/**
 * Where a run is, worked out from its events: the epoch and batch of the last batch trained, the samples per
 * second, the share of the run done, the time trained (pauses left out) and an estimate of the time left. A
 * pure value: each event gives a new one ({@link #started}, {@link #after}, {@link #paused}, {@link #resumed}),
 * and the times are computed for a clock reading in nanoseconds that the caller passes in. Shared by the
 * dashboard and the command line's progress bar. Immutable; any thread.
 */
public final class RunProgress {

    /** Before a run has started: nothing trained, nothing known. */
    public static final RunProgress NONE = new RunProgress(0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0, -1);

    private final int epochs;
    private final int batchesPerEpoch;
    private final int epoch;
    private final int batch;
    private final int batchesInEpoch;
    private final double samplesPerSecond;
    private final long stepsDone;
    private final long stepsThisSession;
    private final long startNanos;
    private final long pausedNanos;
    private final long pauseBegan;

    private RunProgress(int epochs, int batchesPerEpoch, int epoch, int batch, int batchesInEpoch,
                        double samplesPerSecond, long stepsDone, long stepsThisSession, long startNanos,
                        long pausedNanos, long pauseBegan) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.epoch = epoch;
        this.batch = batch;
        this.batchesInEpoch = batchesInEpoch;
        this.samplesPerSecond = samplesPerSecond;
        this.stepsDone = stepsDone;
        this.stepsThisSession = stepsThisSession;
        this.startNanos = startNanos;
        this.pausedNanos = pausedNanos;
        this.pauseBegan = pauseBegan;
    }

    /**
     * A run that starts (or resumes a saved one) at clock reading {@code nanos}: the batches before its first
     * one count as done, but not towards its speed.
     */
    public static RunProgress started(RunStarted s, long nanos) {
        long done = (long) (s.firstEpoch() - 1) * s.batchesPerEpoch() + s.firstBatch() - 1;
        return new RunProgress(s.epochs(), s.batchesPerEpoch(), s.firstEpoch(), 0, s.batchesPerEpoch(), Double.NaN,
                done, 0, nanos, 0, -1);
    }

    /** This run after batch {@code b}. */
    public RunProgress after(BatchEnded b) {
        long done = (long) (b.epoch() - 1) * b.batchesInEpoch() + b.batch();
        return new RunProgress(epochs, batchesPerEpoch, b.epoch(), b.batch(), b.batchesInEpoch(), b.samplesPerSecond(),
                done, stepsThisSession + 1, startNanos, pausedNanos, pauseBegan);
    }

    /** This run paused at clock reading {@code nanos} (no change while it is paused already). */
    public RunProgress paused(long nanos) {
        return pauseBegan >= 0 ? this : new RunProgress(epochs, batchesPerEpoch, epoch, batch, batchesInEpoch,
                samplesPerSecond, stepsDone, stepsThisSession, startNanos, pausedNanos, nanos);
    }

    /** This run going on at clock reading {@code nanos}; the pause does not count as time trained. */
    public RunProgress resumed(long nanos) {
        return pauseBegan < 0 ? this : new RunProgress(epochs, batchesPerEpoch, epoch, batch, batchesInEpoch,
                samplesPerSecond, stepsDone, stepsThisSession, startNanos, pausedNanos + nanos - pauseBegan, -1);
    }

    /** The epochs the run trains in all, or 0 before it started. */
    public int epochs() {
        return epochs;
    }

    /** The 1-based epoch of the last batch (the first epoch before any batch), or 0 before the run started. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based batch last trained within {@link #epoch()}, or 0 before the first. */
    public int batch() {
        return batch;
    }

    /** The batches of {@link #epoch()}. */
    public int batchesInEpoch() {
        return batchesInEpoch;
    }

    /** The last batch's samples per second, or NaN before the first batch. */
    public double samplesPerSecond() {
        return samplesPerSecond;
    }

    public boolean isPaused() {
        return pauseBegan >= 0;
    }

    /** The share of the whole run done, from 0 to 1. */
    public double fraction() {
        long total = totalSteps();
        return total == 0 ? 0 : Math.min(1, (double) stepsDone / total);
    }

    /** The share of the current epoch done, from 0 to 1. */
    public double epochFraction() {
        return batchesInEpoch == 0 ? 0 : Math.min(1, (double) batch / batchesInEpoch);
    }

    /** Seconds trained by clock reading {@code now}, pauses left out; 0 before the run started. */
    public double secondsTrained(long now) {
        if (this == NONE) {
            return 0;
        }
        return (now - startNanos - pausedNanos - (pauseBegan >= 0 ? now - pauseBegan : 0)) / 1e9;
    }

    /**
     * About how many seconds are left at clock reading {@code now}, at the speed of this session's batches so
     * far; NaN while that is unknown (no batch yet) or nothing is left.
     */
    public double secondsLeft(long now) {
        double trained = secondsTrained(now);
        long left = totalSteps() - stepsDone;
        if (stepsThisSession == 0 || trained <= 0 || left <= 0) {
            return Double.NaN;
        }
        return left / (stepsThisSession / trained);
    }

    private long totalSteps() {
        return (long) epochs * batchesPerEpoch;
    }
}
