package org.layerloom.engine.train.event;

import java.util.Objects;

/**
 * The embedding view after epoch {@code epoch}: the last hidden layer's outputs on a fixed sample of the
 * test split, projected on their first two principal axes (see {@link EmbeddingProjection}; the indices
 * are those of the test split). The inspect views take a saved run's projection as epoch 0. Immutable;
 * any thread.
 */
public record EmbeddingProjected(int epoch, EmbeddingProjection projection) implements TrainingEvent {

    public EmbeddingProjected {
        Objects.requireNonNull(projection, "projection");
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.embeddingProjected(this);
    }

    @Override
    public String type() {
        return "embedding";
    }
}
