package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A softmax over the last axis, as a small table per row: the logits zᵢ, e^zᵢ, their sum, and
 * pᵢ = e^zᵢ / Σ e^z. Immutable; any thread.
 */
public record SoftmaxWorking(String nodeId, FloatTensor input) implements LayerWorking {

    /** One row's table. */
    public record Row(double[] logits, double[] exps, double sum, double[] probabilities) {
    }

    public SoftmaxWorking {
        Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public LayerKind kind() {
        return LayerKind.SOFTMAX;
    }

    public int width() {
        return Numbers.last(input);
    }

    public int rows() {
        return input.size() / width();
    }

    public Row row(int r) {
        Objects.checkIndex(r, rows());
        return of(input, r * width(), width());
    }

    /** The table of {@code width} logits of {@code values} from {@code from}. */
    static Row of(FloatTensor values, int from, int width) {
        double[] z = new double[width];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < width; i++) {
            z[i] = values.value(from + i);
            max = Math.max(max, z[i]);
        }
        double[] e = new double[width];
        double shiftedSum = 0;
        for (int i = 0; i < width; i++) {
            shiftedSum += Math.exp(z[i] - max);
        }
        double[] p = new double[width];
        double sum = 0;
        for (int i = 0; i < width; i++) {
            e[i] = Math.exp(z[i]);
            sum += e[i];
            p[i] = Math.exp(z[i] - max) / shiftedSum; // the same ratio, without overflow for large logits
        }
        return new Row(z, e, sum, p);
    }

    @Override
    public FloatTensor output() {
        double[] out = new double[input.size()];
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(row(r).probabilities(), 0, out, r * width(), width());
        }
        return Numbers.tensor(input.shape(), out);
    }
}
