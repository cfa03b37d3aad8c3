package org.layerloom.app.inspect;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.inspect.FilterBank;
import org.layerloom.engine.inspect.WeightMatrix;

/**
 * The learned weights the "Why this prediction" section draws: the first Conv2D node's filters (absent
 * without convolutions) and every Dense node's weight matrix, in running order. Immutable; any thread.
 */
public record Weights(Optional<FilterBank> firstFilters, List<WeightMatrix> dense) {

    public Weights {
        dense = List.copyOf(dense);
    }
}
