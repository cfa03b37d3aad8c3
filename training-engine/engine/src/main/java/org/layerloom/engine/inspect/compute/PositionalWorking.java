package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * A PositionalEncoding's computation: x(t, i) + PE(t, i), with PE(t, 2i) = sin(t / 10000^(2i/F)) and
 * PE(t, 2i+1) = cos(t / 10000^(2i/F)) on a sequence (T, F). Immutable; any thread.
 */
public record PositionalWorking(String nodeId, FloatTensor input) implements LayerWorking {

    public PositionalWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the input of " + nodeId, input, 2);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.POSITIONAL_ENCODING;
    }

    /** PE(t, f), computed in double and rounded to float as the engine's table is. */
    public float signal(int t, int f) {
        int features = input.dim(1);
        double angle = t / Math.pow(10_000, (f - f % 2) / (double) features);
        return (float) (f % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
    }

    /** The added table, (T, F). */
    public FloatTensor table() {
        float[] values = new float[input.size()];
        for (int t = 0; t < input.dim(0); t++) {
            for (int f = 0; f < input.dim(1); f++) {
                values[t * input.dim(1) + f] = signal(t, f);
            }
        }
        return new FloatTensor(input.shape(), values);
    }

    @Override
    public FloatTensor output() {
        double[] out = new double[input.size()];
        FloatTensor table = table();
        for (int i = 0; i < out.length; i++) {
            out[i] = input.value(i) + table.value(i);
        }
        return Numbers.tensor(input.shape(), out);
    }
}
