package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.train.optimizer.StatefulOptimizer;

/**
 * Puts an optimizer's moving average of the weights into a block's parameters for a while (validation,
 * saving the best epoch) and the raw weights back on {@link #close()}. The arrays are overwritten in
 * place, because a DJL {@code Trainer} keeps the arrays it was initialised with. Nothing happens when
 * the optimizer keeps no average. Use in try-with-resources on the training worker thread, between two
 * steps.
 */
final class AveragedWeights implements AutoCloseable {

    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> raw = new ArrayList<>();

    private AveragedWeights() {
    }

    /** Swaps the averages in; the raw weights are kept in {@code scope} until {@link #close()}. */
    static AveragedWeights swapIn(Block block, StatefulOptimizer optimizer, NDManager scope) {
        AveragedWeights swap = new AveragedWeights();
        if (optimizer == null || !optimizer.averagesWeights()) {
            return swap;
        }
        for (Map.Entry<String, Parameter> entry : ParameterUpdater.trainable(block).entrySet()) {
            NDArray average = optimizer.averagedWeights(entry.getKey());
            if (average != null) {
                NDArray weight = entry.getValue().getArray();
                NDArray kept = weight.duplicate();
                kept.attach(scope);
                overwrite(weight, average);
                swap.live.add(weight);
                swap.raw.add(kept);
            }
        }
        return swap;
    }

    /** Puts the raw weights back. */
    @Override
    public void close() {
        for (int i = 0; i < live.size(); i++) {
            overwrite(live.get(i), raw.get(i));
            raw.get(i).close();
        }
        live.clear();
        raw.clear();
    }

    /** {@code target := source}, in place (grad mode is off outside a gradient collector). */
    private static void overwrite(NDArray target, NDArray source) {
        target.muli(0f).addi(source);
    }
}
