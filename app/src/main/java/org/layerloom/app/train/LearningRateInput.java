package org.layerloom.app.train;

/**
 * A learning rate typed by the student: the number ("0,001" reads as 0.001), or the problem in their words
 * when it is not a number above 0 and at most 10. Immutable; any thread.
 *
 * @param rate    the rate, or NaN when there is a problem
 * @param problem what is wrong with the text, or null
 */
record LearningRateInput(double rate, String problem) {

    static LearningRateInput parse(String text) {
        double rate;
        try {
            rate = Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return new LearningRateInput(Double.NaN,
                    "\"" + text.strip() + "\" is not a number; type a learning rate such as 0.001.");
        }
        if (!(rate > 0) || rate > 10 || Double.isInfinite(rate)) {
            return new LearningRateInput(Double.NaN, "A learning rate is a number above 0 and at most 10, such as 0.001.");
        }
        return new LearningRateInput(rate, null);
    }
}
