package org.layerloom.engine.train.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch trained as one step asked for while paused (epoch {@code epoch}, batch {@code batch}, optimizer step
 * {@code step}), sent after its {@link BatchEnded}: the watched weight element through the update
 * ({@code weight}), and the batch's loss before and after the update, both from a forward pass of the same batch
 * without gradient in evaluation mode (no dropout; BatchNorm with its running averages), so they compare like
 * with like. {@code parameters} lists every trainable parameter with its shape, in the network's order, so a
 * weight to watch can be picked. Immutable; any thread.
 */
public record BatchStepped(int epoch, int batch, long step, WeightStep weight, double lossBefore, double lossAfter,
                           Map<String, List<Integer>> parameters) implements TrainingEvent {

    public BatchStepped {
        Objects.requireNonNull(weight, "weight");
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        parameters.forEach((name, shape) -> copy.put(name, List.copyOf(shape)));
        parameters = Collections.unmodifiableMap(copy);
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.batchStepped(this);
    }

    @Override
    public String type() {
        return "step";
    }
}
