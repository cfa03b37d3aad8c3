package org.layerloom.engine.inspect.perturb;

import java.util.List;
import org.layerloom.engine.inspect.Inspector;
import org.layerloom.engine.inspect.Prediction;

/**
 * The network as a perturbation explainer sees it: inputs in, the probability of the explained class out,
 * one number per input. The explainers call it with many perturbed copies at once so that a network
 * evaluates them in batches. Thread: that of whatever it wraps (for {@link #of}, the model's thread).
 */
@FunctionalInterface
public interface ClassProbe {

    /** The explained class's probability for each of {@code inputs} (each the full example, row-major). */
    float[] probabilities(float[][] inputs);

    /**
     * The probability of class {@code classIndex} as the network of {@code inspector} gives it, in inference
     * mode and batches of 256 ({@link Inspector#predict}).
     *
     * @throws IllegalArgumentException when the network is not a classifier or has no such class
     */
    static ClassProbe of(Inspector inspector, int classIndex) {
        int classes = inspector.model().classCount();
        if (classes == 0) {
            throw new IllegalArgumentException("perturbation explanations need a classifier; this network predicts"
                    + " numbers");
        }
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " is not one of the " + classes + " classes");
        }
        return inputs -> {
            List<Prediction> predictions = inspector.predict(inputs);
            float[] p = new float[inputs.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = predictions.get(i).probabilities()[classIndex];
            }
            return p;
        };
    }
}
