package org.layerloom.engine.train.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One weight element through one optimizer step, as the engine computed it (float32 values read back as
 * doubles): the parameter ({@code parameter}, its name in the network, e.g. {@code "hidden1_weight"}) and the
 * element's {@code index} in it; the optimizer's kind ({@code "sgd"}, {@code "adam"}, {@code "adamw"},
 * {@code "rmsprop"}, {@code "adagrad"}), its {@code settings} by name (e.g. {@code momentum}, {@code beta1},
 * {@code epsilon}, {@code weight decay}) and the learning rate of this step; the value before; the gradient
 * ∂L/∂w as the backward pass left it ({@code rawGradient}) and as the optimizer got it after clipping to the
 * global norm {@code gradientClip} (0: no clipping, both equal); the optimizer's state of this element before
 * and after the step by name (e.g. {@code m} and {@code v} for Adam, {@code b} the momentum buffer, {@code s} a
 * running sum of squares); {@code update}, the number of this parameter's update (Adam's t); and the value
 * after. Immutable; any thread.
 */
public record WeightStep(String parameter, List<Integer> index, String optimizer, Map<String, Double> settings,
                         double learningRate, double valueBefore, double rawGradient, double gradient,
                         double gradientClip, Map<String, Double> stateBefore, Map<String, Double> stateAfter,
                         long update, double valueAfter) {

    public WeightStep {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(optimizer, "optimizer");
        index = List.copyOf(index);
        settings = ordered(settings);
        stateBefore = ordered(stateBefore);
        stateAfter = ordered(stateAfter);
    }

    /** Whether the gradient was scaled down by clipping in this step. */
    public boolean clipped() {
        return gradientClip > 0 && gradient != rawGradient;
    }

    /** A setting by name, or {@code fallback} when the optimizer has none of that name. */
    public double setting(String name, double fallback) {
        return settings.getOrDefault(name, fallback);
    }

    /** An unmodifiable copy that keeps the order of {@code values}. */
    private static Map<String, Double> ordered(Map<String, Double> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
