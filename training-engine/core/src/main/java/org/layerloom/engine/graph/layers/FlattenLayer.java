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

/** Lays all values of an example out in one long vector. */
final class FlattenLayer extends LayerType {

    FlattenLayer() {
        super(LayerKind.FLATTEN, "Flatten", Category.CORE, "Turns feature maps or a sequence into one long vector.",
                new Explanation("Flatten lays all the numbers of one example out in a single row, so a Dense layer"
                        + " can read them. Nothing is learned and nothing is lost: 32 maps of 5×5 become 800 features.",
                        "(C, H, W) → C·H·W"),
                List.of(PortSpec.single()), true, List.of());
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        TensorShape in = ctx.input();
        if (in.size() > Integer.MAX_VALUE) {
            return ctx.fail(ctx.who() + " would make " + Expect.count(in.size()) + " features, more than one"
                    + " layer can hold. Shrink the feature maps first, for example with pooling.");
        }
        return Optional.of(new TensorShape(List.of((int) in.size()), in.elements()));
    }
}
