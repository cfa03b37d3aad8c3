package org.layerloom.engine.inspect.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A Dense layer's computation: for every unit j, {@code y_j = f(Σᵢ xᵢ·w_ji + b_j)} on the last axis of
 * its input (one row for a vector, one per step for a sequence). Immutable; any thread.
 *
 * @param input      the layer's input, (F) or (T, F)
 * @param weight     PyTorch's layout (units, F)
 * @param bias       (units), or null when the layer has no bias
 * @param activation the layer's activation option
 */
public record DenseWorking(String nodeId, FloatTensor input, FloatTensor weight, FloatTensor bias,
                           ActivationFunction activation) implements LayerWorking {

    /** One input's part in a unit's sum: xᵢ·wᵢ. */
    public record Contribution(int input, double x, double w, double product) {
    }

    /**
     * A unit's sum for one row: contributions sorted by size (largest |xᵢ·wᵢ| first), their sum, the bias,
     * the pre-activation z and the output f(z).
     */
    public record UnitSum(int row, int unit, List<Contribution> contributions, double sum, double bias,
                          double preActivation, ActivationFunction activation, double output) {

        public UnitSum {
            contributions = List.copyOf(contributions);
        }
    }

    public DenseWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the input of " + nodeId, input, 1, 2);
        Numbers.requireRank("the weight of " + nodeId, weight, 2);
        if (weight.dim(1) != Numbers.last(input)) {
            throw new IllegalArgumentException(nodeId + " has weights for " + weight.dim(1) + " inputs, but its input"
                    + " has " + Numbers.last(input));
        }
        if (bias != null) {
            Numbers.requireSize("the bias of " + nodeId, bias, weight.dim(0));
        }
    }

    @Override
    public LayerKind kind() {
        return LayerKind.DENSE;
    }

    public int units() {
        return weight.dim(0);
    }

    public int inputs() {
        return weight.dim(1);
    }

    /** 1 for a vector input, the number of steps for a sequence. */
    public int rows() {
        return input.size() / inputs();
    }

    /** The working of {@code unit} for input row {@code row} (0 for a vector). */
    public UnitSum unit(int row, int unit) {
        Objects.checkIndex(row, rows());
        Objects.checkIndex(unit, units());
        int n = inputs();
        List<Contribution> parts = new ArrayList<>(n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = input.value(row * n + i);
            double w = weight.value(unit * n + i);
            parts.add(new Contribution(i, x, w, x * w));
            sum += x * w;
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.product())));
        double b = bias == null ? 0 : bias.value(unit);
        double z = sum + b;
        return new UnitSum(row, unit, parts, sum, b, z, activation, activation.apply(z));
    }

    @Override
    public FloatTensor output() {
        int rows = rows();
        int units = units();
        int n = inputs();
        double[] out = new double[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                double z = bias == null ? 0 : bias.value(u);
                for (int i = 0; i < n; i++) {
                    z += (double) input.value(r * n + i) * weight.value(u * n + i);
                }
                out[r * units + u] = activation.apply(z);
            }
        }
        int[] shape = input.shape();
        shape[shape.length - 1] = units;
        return Numbers.tensor(shape, out);
    }
}
