package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The health of one node at one moment of training, for the health charts, the coloured graph and the
 * coach: its output on the probe batch (mean, standard deviation, fraction of zeros; the fraction of
 * dead units, zero for every probe example, for ReLU nodes; the fraction of saturated values, beyond
 * 0.01/0.99 for sigmoid and ±0.99 for tanh, for those nodes), its parameters' gradient norm (before
 * clipping) and weight norm, the update-to-parameter ratio ‖Δw‖/‖w‖ of the step (rule of thumb about
 * 1e-3) and a histogram of its parameters. Numbers that do not apply are NaN; {@code kind} is the layer
 * kind's id (e.g. "Conv2D"). Immutable; any thread.
 */
public record LayerHealth(String nodeId, String kind, String activation, double activationMean, double activationStd,
                          double zeroFraction, double deadFraction, double saturatedFraction, double gradientNorm,
                          double weightNorm, double updateRatio, WeightHistogram weights) {

    public LayerHealth {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(weights, "weights");
    }

    /** Whether the node has trainable parameters (and so a gradient norm and an update ratio). */
    public boolean hasParameters() {
        return !Double.isNaN(gradientNorm);
    }
}
