package org.layerloom.engine.train.coach;

/** The learning rates the coach suggests. Stateless; any thread. */
final class LearningRates {

    private LearningRates() {
    }

    /** The learning rate after scaling {@code from} by {@code factor}, rounded to one significant digit. */
    static double scaled(double from, double factor) {
        double x = from * factor;
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        return Math.round(x / magnitude) * magnitude;
    }
}
