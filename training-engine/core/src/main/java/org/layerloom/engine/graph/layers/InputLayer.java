package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ElementType;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Where one example enters the network: its shape (without the batch) and what its numbers mean. */
final class InputLayer extends LayerType {

    static final String SHAPE = "shape";
    static final String VALUES = "values";
    static final String REAL = "real";
    static final String TOKEN_IDS = "token_ids";
    /** The most values one example may have (a 4-channel 4096×4096 image is about 67 million). */
    static final long MAX_VALUES = 100_000_000;

    InputLayer() {
        super(LayerKind.INPUT, "Input", Category.INPUT_OUTPUT, "Where the data enters: one example's shape.",
                new Explanation("The Input layer says what one example looks like: 784 numbers for a flattened"
                        + " 28×28 image, (1, 28, 28) for a greyscale image kept as a picture, or a sentence as 50 token"
                        + " ids. Examples arrive in batches; the batch size is not part of the shape.", ""),
                List.of(), true, List.of(
                        ParamSpec.dims(SHAPE, "Shape", ParamValue.Dims.of(1, 28, 28), 1_000_000,
                                "The size of one example, e.g. (784) for a vector, (50) for 50 token ids,"
                                        + " (1, 28, 28) for a greyscale image (channels, height, width)."),
                        ParamSpec.choice(VALUES, "Values", REAL, List.of(
                                        new ChoiceOption(REAL, "real numbers (pixels, measurements)"),
                                        new ChoiceOption(TOKEN_IDS, "token ids (words as whole numbers)")),
                                "Real numbers for images and tables; token ids for text that an Embedding will read.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        List<Integer> dims = ctx.params().dims(SHAPE);
        boolean tokens = TOKEN_IDS.equals(ctx.choiceParam(VALUES));
        if (tokens && dims.size() != 1) {
            long length = dims.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            return ctx.fail("Token ids come as one sequence per example, so the shape of " + ctx.who()
                            + " must be a single length such as (50), not " + new ParamValue.Dims(dims).display() + ".",
                    ctx.setParam("Set the shape to (" + length + ")", SHAPE,
                            ParamValue.Dims.of((int) Math.min(length, Integer.MAX_VALUE))));
        }
        TensorShape shape = new TensorShape(dims, tokens ? ElementType.TOKEN_ID : ElementType.REAL);
        if (shape.size() > MAX_VALUES) {
            return ctx.fail("The shape " + new ParamValue.Dims(dims).display() + " of " + ctx.who() + " has "
                    + (shape.size() == Long.MAX_VALUE ? "more values than a computer can count" : Expect.count(shape.size())
                    + " values") + " per example; LayerLoom takes at most " + Expect.count(MAX_VALUES)
                    + ". Check the shape: a 28×28 greyscale image is (1, 28, 28).");
        }
        return Optional.of(shape);
    }
}
