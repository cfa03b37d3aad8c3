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

/** Adds fixed sine/cosine position signals to a sequence, so attention can tell the order of steps. */
final class PositionalEncodingLayer extends LayerType {

    PositionalEncodingLayer() {
        super(LayerKind.POSITIONAL_ENCODING, "Positional encoding", Category.ATTENTION,
                "Adds the position of each step, so attention knows the order.",
                new Explanation("Attention by itself does not know which step came first. Positional encoding adds to"
                        + " every step a fixed pattern of sines and cosines of different frequencies that is unique"
                        + " to its position. Nothing is learned.",
                        "PE(t, 2i) = sin(t / 10000^{2i/d}),  PE(t, 2i+1) = cos(t / 10000^{2i/d});  y = x + PE"),
                List.of(PortSpec.single()), true, List.of());
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        return Expect.sequence(ctx) ? Optional.of(ctx.input()) : Optional.empty();
    }
}
