package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Randomly silences values during training, so the network cannot rely on any single one. */
final class DropoutLayer extends LayerType {

    static final String RATE = "rate";

    DropoutLayer() {
        super(LayerKind.DROPOUT, "Dropout", Category.CORE, "Randomly zeroes values while training, against overfitting.",
                new Explanation("During training, Dropout sets each value to zero with probability p and scales the"
                        + " others up, so the network cannot depend on any single neuron and generalises better."
                        + " When testing or predicting it does nothing.",
                        "training: y = m ⊙ x / (1 − p), m ~ Bernoulli(1 − p);  testing: y = x"),
                List.of(PortSpec.single()), true, List.of(
                        CommonParams.dropout(RATE, 0.5, "The fraction p of values set to zero in each training step;"
                                + " 0.2 to 0.5 is usual.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.real(ctx, ctx.input()) ? Optional.of(ctx.input()) : Optional.empty();
    }
}
