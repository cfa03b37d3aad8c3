package org.layerloom.app.train.settings;

import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.LearningRateSchedule;

/**
 * The learning rate of a project's schedule over its epochs, as the settings panel plots it: computed by the very
 * {@link LearningRateSchedule} the engine trains with, at {@link #STEPS_PER_EPOCH} steps per epoch (the real number
 * depends on the data; the shape does not, except for the steps of a warm-up). Immutable; any thread.
 *
 * @param epochs the run's epochs
 * @param rates  the rate at each of {@code epochs × STEPS_PER_EPOCH} steps, in order
 */
public record SchedulePreview(int epochs, double[] rates) {

    /** The steps per epoch of the preview. */
    public static final int STEPS_PER_EPOCH = 20;

    /** The preview of {@code settings}' schedule, learning rate and epochs. */
    public static SchedulePreview of(TrainingSettings settings) {
        int epochs = settings.epochs();
        int stepsPerEpoch = epochs > 2_000 ? 1 : STEPS_PER_EPOCH;
        LearningRateSchedule schedule = new LearningRateSchedule(settings.schedule(),
                settings.optimizer().learningRate(), epochs, stepsPerEpoch);
        int steps = (int) Math.min(4_000, (long) epochs * stepsPerEpoch);
        double[] rates = new double[steps];
        for (int i = 0; i < steps; i++) {
            long step = (long) Math.floor(i * ((double) epochs * stepsPerEpoch / steps));
            rates[i] = schedule.rateAt(step);
        }
        return new SchedulePreview(epochs, rates);
    }

    /** The rate at the start of epoch {@code epoch} (1-based). */
    public double rateAtEpoch(int epoch) {
        return rates[(int) Math.min(rates.length - 1, (long) (epoch - 1) * rates.length / epochs)];
    }

    /** The epoch (0 at the start, {@code epochs} at the end) of point {@code i}. */
    public double epochOf(int i) {
        return i * (double) epochs / rates.length;
    }

    public double highest() {
        double max = 0;
        for (double r : rates) {
            max = Math.max(max, r);
        }
        return max;
    }

    public double lowest() {
        double min = Double.POSITIVE_INFINITY;
        for (double r : rates) {
            min = Math.min(min, r);
        }
        return min;
    }
}
