package org.layerloom.engine.train;

import org.layerloom.engine.project.ScheduleSettings;

/**
 * The learning rate at every step of a run, from the project's schedule: fixed, step decay, cosine
 * decay or linear warm-up. A student's change during the run rescales the whole schedule from then on
 * ({@link #rescaleTo}). Used by the worker thread only.
 */
public final class LearningRateSchedule {

    private final ScheduleSettings settings;
    private final double baseRate;
    private final long stepsPerEpoch;
    private final long totalSteps;
    private double factor = 1;

    public LearningRateSchedule(ScheduleSettings settings, double baseRate, int epochs, int stepsPerEpoch) {
        this.settings = settings;
        this.baseRate = baseRate;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.totalSteps = Math.max(1, (long) epochs * this.stepsPerEpoch);
    }

    /** The rate for the 0-based global step. */
    public double rateAt(long step) {
        return factor * scheduled(step);
    }

    private double scheduled(long step) {
        switch (settings.kind()) {
            case STEP: {
                long epoch = step / stepsPerEpoch;
                return baseRate * Math.pow(settings.gamma(), epoch / Math.max(1, settings.stepEpochs()));
            }
            case COSINE: {
                double progress = Math.min(1.0, (double) step / totalSteps);
                double min = Math.min(settings.minLearningRate(), baseRate);
                return min + (baseRate - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
            case WARMUP: {
                long warmupSteps = (long) settings.warmupEpochs() * stepsPerEpoch;
                return step < warmupSteps ? baseRate * (step + 1) / warmupSteps : baseRate;
            }
            case FIXED:
            default:
                return baseRate;
        }
    }

    /** The factor the student's changes have put on the schedule (1 when unchanged). */
    double factor() {
        return factor;
    }

    /** Puts back the factor of a run being resumed. */
    void restoreFactor(double savedFactor) {
        if (!(savedFactor > 0) || Double.isInfinite(savedFactor)) {
            throw new IllegalArgumentException("a schedule factor must be a positive number, not " + savedFactor);
        }
        factor = savedFactor;
    }

    /** From {@code step} on, scales the schedule so that its rate there is {@code rate}. */
    public void rescaleTo(double rate, long step) {
        double scheduled = scheduled(step);
        factor = scheduled > 0 ? rate / scheduled : 1;
    }
}
