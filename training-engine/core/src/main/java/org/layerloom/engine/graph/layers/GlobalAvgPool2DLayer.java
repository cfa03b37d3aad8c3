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

/** Averages each whole feature map to one number: (C, H, W) → (C). */
final class GlobalAvgPool2DLayer extends LayerType {

    GlobalAvgPool2DLayer() {
        super(LayerKind.GLOBAL_AVG_POOL2D, "GlobalAvgPool2D", Category.POOLING,
                "Averages each feature map to one number.",
                new Explanation("Global average pooling replaces each whole feature map by its mean, so C maps become"
                        + " C features whatever the image size. It is a light alternative to Flatten before the last"
                        + " Dense layer.", "y[c] = (1 / (H·W)) Σ_i Σ_j x[c, i, j]"),
                List.of(PortSpec.single()), true, List.of());
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.image(ctx) ? Optional.of(TensorShape.of(ctx.input().dim(0))) : Optional.empty();
    }
}
