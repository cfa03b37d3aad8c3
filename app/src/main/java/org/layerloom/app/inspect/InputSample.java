package org.layerloom.app.inspect;

/**
 * The input the Activations and "Why" sections look at: its values (the example shape, row-major), where
 * it came from ("test sample 12", "your drawing", "the point (0.40, -1.20)"), its true class when known
 * (-1 otherwise) and its test index (-1 for inputs the student made). Immutable; any thread.
 */
public record InputSample(float[] values, String description, int trueClass, int testIndex) {

    public InputSample {
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
