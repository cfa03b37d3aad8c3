package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/**
 * Batch normalisation per feature (vectors and sequences) or per channel (feature maps); two learned
 * numbers per feature or channel (the running statistics are not trained).
 */
final class BatchNormLayer extends LayerType {

    static final String MOMENTUM = "momentum";
    static final String EPSILON = "epsilon";

    BatchNormLayer() {
        super(LayerKind.BATCH_NORM, "BatchNorm", Category.NORMALISATION,
                "Normalises each feature over the batch; speeds up training.",
                new Explanation("Batch normalisation rescales every feature (or every channel of feature maps) to mean"
                        + " 0 and variance 1 over the current batch, then lets the network choose its own scale γ and"
                        + " shift β. Deep networks train faster and more stably with it. While predicting it uses the"
                        + " running averages collected during training.",
                        "y = γ · (x − μ_B) / √(σ²_B + ε) + β"),
                List.of(PortSpec.single()), true, List.of(
                        ParamSpec.real(MOMENTUM, "Momentum", 0.1, Range.closed(0, 1),
                                "How fast the running mean and variance follow new batches (0.1 = 10 % per batch)."),
                        ParamSpec.real(EPSILON, "Epsilon", 1e-5, Range.leftOpen(0, 0.1),
                                "A tiny number added to the variance so it never divides by zero.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.real(ctx, ctx.input()) ? Optional.of(ctx.input()) : Optional.empty();
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        TensorShape in = inputs.get(0);
        return 2L * (in.isImage() ? in.dim(0) : in.last());
    }
}
