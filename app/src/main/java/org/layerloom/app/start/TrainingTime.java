package org.layerloom.app.start;

import org.layerloom.engine.text.Numbers;

/**
 * A sample's full training time: scaled from a few timed batches to the sample's epochs and examples, and worded
 * for its card ("about 2 min on a typical laptop", "about 3 min on this computer"). Pure; any thread.
 */
public final class TrainingTime {

    private TrainingTime() {
    }

    /**
     * Minutes for the whole training: {@code epochs} passes over {@code examples} in batches of {@code batchSize},
     * each batch taking {@code secondsPerBatch}.
     *
     * @throws IllegalArgumentException when a count is not positive or the batch time is not a positive number
     */
    public static double minutes(double secondsPerBatch, long examples, int batchSize, int epochs) {
        if (!(secondsPerBatch > 0) || Double.isInfinite(secondsPerBatch)) {
            throw new IllegalArgumentException("a batch must take a positive time, not " + secondsPerBatch + " s");
        }
        if (examples <= 0 || batchSize <= 0 || epochs <= 0) {
            throw new IllegalArgumentException("examples (" + examples + "), batch size (" + batchSize
                    + ") and epochs (" + epochs + ") must be positive");
        }
        long batchesPerEpoch = (examples + batchSize - 1) / batchSize;
        return epochs * batchesPerEpoch * secondsPerBatch / 60.0;
    }

    /** The card's text: the catalog's figure "on a typical laptop", or a measured one "on this computer". */
    public static String label(double minutes, boolean measuredHere) {
        String where = measuredHere ? "on this computer" : "on a typical laptop";
        if (minutes < 1) {
            return "under 1 min " + where;
        }
        return "about " + Numbers.count(minutes) + " min " + where;
    }
}
