package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Max or average pooling over square windows of every feature map. */
final class Pool2DLayer extends LayerType {

    static final String POOL = "pool";

    private Pool2DLayer(LayerKind kind, String name, String summary, Explanation explanation) {
        super(kind, name, Category.POOLING, summary, explanation, List.of(PortSpec.single()), true, List.of(
                ParamSpec.integer(POOL, "Pool size", 2, 1, 32, "The window is p×p pixels; 2 halves height and width."),
                ParamSpec.integer(ConvParams.STRIDE, "Stride", 2, 1, 32,
                        "How far the window moves; usually the same as the pool size."),
                ParamSpec.integer(ConvParams.PADDING, "Padding", 0, 0, 16,
                        "Border added around each map; at most half the pool size.")));
    }

    static Pool2DLayer max() {
        return new Pool2DLayer(LayerKind.MAX_POOL2D, "MaxPool2D", "Keeps the largest value of each window.",
                new Explanation("Max pooling shrinks every feature map by keeping only the largest value in each"
                        + " small window. The network keeps whether a pattern was found and forgets exactly where,"
                        + " which makes it more robust and faster.", "y[c, i, j] = max_{u,v < p} x[c, s·i + u, s·j + v]"));
    }

    static Pool2DLayer average() {
        return new Pool2DLayer(LayerKind.AVG_POOL2D, "AvgPool2D", "Averages each window.",
                new Explanation("Average pooling shrinks every feature map by replacing each small window with the"
                        + " mean of its values.", "y[c, i, j] = (1 / p²) Σ_{u,v < p} x[c, s·i + u, s·j + v]"));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        if (!Expect.image(ctx)) {
            return Optional.empty();
        }
        int pool = ctx.intParam(POOL);
        int padding = ctx.intParam(ConvParams.PADDING);
        if (2 * padding > pool) {
            return ctx.fail("The padding of " + ctx.who() + " (" + padding + ") can be at most half its pool size ("
                            + pool + "), or windows would see nothing but border.",
                    ctx.setParam("Set padding to " + pool / 2, ConvParams.PADDING, new ParamValue.Int(pool / 2)));
        }
        TensorShape in = ctx.input();
        Optional<Integer> h = ConvParams.slide(ctx, "pixels of height", in.dim(1), POOL, "pool window");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return ConvParams.slide(ctx, "pixels of width", in.dim(2), POOL, "pool window")
                .map(w -> TensorShape.of(in.dim(0), h.get(), w));
    }
}
