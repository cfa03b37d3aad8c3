package org.layerloom.engine.inspect.compute;

import java.util.Arrays;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * An Embedding's computation: each token id t looks up row t of the (vocabulary, dimension) table.
 * Immutable; any thread.
 *
 * @param ids   the input token ids (T), as the network holds them (floats)
 * @param table PyTorch's {@code weight}, (vocabulary, dimension)
 */
public record EmbeddingWorking(String nodeId, FloatTensor ids, FloatTensor table) implements LayerWorking {

    public EmbeddingWorking {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the table of " + nodeId, table, 2);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.EMBEDDING;
    }

    public int dimension() {
        return table.dim(1);
    }

    /** The id of the token at step {@code step}. */
    public int id(int step) {
        int id = Math.round(ids.value(step));
        if (id < 0 || id >= table.dim(0)) {
            throw new IllegalArgumentException("token id " + id + " at step " + step + " is outside the vocabulary of "
                    + table.dim(0) + " of " + nodeId);
        }
        return id;
    }

    /** The table row the token at {@code step} looks up. */
    public float[] row(int step) {
        int id = id(step);
        float[] all = table.values();
        return Arrays.copyOfRange(all, id * dimension(), (id + 1) * dimension());
    }

    @Override
    public FloatTensor output() {
        int[] shape = Arrays.copyOf(ids.shape(), ids.rank() + 1);
        shape[ids.rank()] = dimension();
        float[] out = new float[ids.size() * dimension()];
        for (int t = 0; t < ids.size(); t++) {
            int id = id(t);
            for (int d = 0; d < dimension(); d++) {
                out[t * dimension() + d] = table.value(id * dimension() + d);
            }
        }
        return new FloatTensor(shape, out);
    }
}
