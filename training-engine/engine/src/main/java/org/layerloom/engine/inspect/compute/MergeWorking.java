package org.layerloom.engine.inspect.compute;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * An Add or Concatenate computation: the operands in wire order and their element-wise sum, or their
 * concatenation along {@code axis} (counted without the batch axis, −1 the last). Immutable; any thread.
 */
public record MergeWorking(String nodeId, LayerKind kind, List<FloatTensor> operands, int axis)
        implements LayerWorking {

    public MergeWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException(nodeId + " merges " + operands.size() + " inputs; it needs two or more");
        }
        if (kind != LayerKind.ADD && kind != LayerKind.CONCATENATE) {
            throw new IllegalArgumentException(kind + " is not a merge");
        }
    }

    @Override
    public FloatTensor output() {
        FloatTensor first = operands.get(0);
        if (kind == LayerKind.ADD) {
            double[] sum = new double[first.size()];
            for (FloatTensor t : operands) {
                Numbers.requireSize("an input of " + nodeId, t, first.size());
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += t.value(i);
                }
            }
            return Numbers.tensor(first.shape(), sum);
        }
        int rank = first.rank();
        int a = axis < 0 ? rank + axis : axis;
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= first.dim(i);
        }
        int[] shape = first.shape();
        shape[a] = 0;
        for (FloatTensor t : operands) {
            shape[a] += t.dim(a);
        }
        float[] out = new float[Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
        int at = 0;
        for (int o = 0; o < outer; o++) {
            for (FloatTensor t : operands) {
                int block = t.size() / outer;
                for (int i = 0; i < block; i++) {
                    out[at++] = t.value(o * block + i);
                }
            }
        }
        return new FloatTensor(shape, out);
    }
}
