package org.layerloom.engine.graph.layers;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.Explanation;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortSpec;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** Turns every token id into a learned vector. */
final class EmbeddingLayer extends LayerType {

    static final String VOCABULARY = "vocabulary";
    static final String DIMENSION = "dimension";

    EmbeddingLayer() {
        super(LayerKind.EMBEDDING, "Embedding", Category.CORE, "Turns each token id into a learned vector.",
                new Explanation("An Embedding is a table with one row of numbers per word of the vocabulary. For every"
                        + " token id in the sentence it looks up that row. Training moves the rows so that words used"
                        + " alike end up with similar vectors.", "y_t = E[id_t]   (E has one learned row per token)"),
                List.of(PortSpec.single()), true, List.of(
                        ParamSpec.integer(VOCABULARY, "Vocabulary size", Expect.DEFAULT_VOCABULARY, 2, 10_000_000,
                                "How many different token ids exist; ids must be below this number."),
                        ParamSpec.integer(DIMENSION, "Vector size", Expect.DEFAULT_EMBEDDING, 1, 4096,
                                "How many numbers describe each token.")));
    }

    @Override
    public Optional<TensorShape> outputShape(ShapeContext ctx) {
        TensorShape in = ctx.input();
        if (!in.isTokenIds()) {
            Node upstream = ctx.single().source();
            Fix[] fixes = upstream.kind() == LayerKind.INPUT && in.rank() == 1
                    ? new Fix[] {ctx.setParamOf("Make " + upstream.name() + " give token ids", upstream,
                            InputLayer.VALUES, new ParamValue.Choice(InputLayer.TOKEN_IDS))}
                    : new Fix[0];
            return ctx.fail(ctx.who() + " looks up token ids (whole-number word codes), but receives real numbers ("
                    + in.describe() + "). Feed it straight from an Input whose values are token ids.", fixes);
        }
        if (in.rank() != 1) {
            return ctx.fail(ctx.who() + " reads one sequence of token ids per example, but receives " + in
                            + " token ids arranged on " + in.rank() + " axes. Insert a Flatten before it.",
                    ctx.insertBefore("Insert a Flatten before it", LayerKind.FLATTEN, Parameters.empty()));
        }
        return Optional.of(TensorShape.of(in.dim(0), ctx.intParam(DIMENSION)));
    }

    @Override
    public long parameterCount(List<TensorShape> inputs, Parameters params) {
        return (long) params.intValue(VOCABULARY) * params.intValue(DIMENSION);
    }
}
