package org.layerloom.engine.graph.layers;

import java.util.Optional;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;

/** The head count of attention layers and the check that heads divide the features evenly. */
final class AttentionParams {

    static final String HEADS = "heads";
    static final ParamSpec HEADS_SPEC = ParamSpec.integer(HEADS, "Heads", 4, 1, 64,
            "How many attention patterns are learned side by side; the features are split evenly between them.");

    private AttentionParams() {
    }

    /** Q, K, V and output projections, each F·F weights and F biases, as {@code nn.MultiheadAttention}. */
    static long attentionParameters(long features) {
        return 4 * features * features + 4 * features;
    }

    /** The input sequence when its features split evenly into the heads; empty after a reported problem. */
    static Optional<TensorShape> evenHeads(ShapeContext ctx) {
        if (!Expect.sequence(ctx)) {
            return Optional.empty();
        }
        TensorShape in = ctx.input();
        int features = in.dim(1);
        int heads = ctx.intParam(HEADS);
        if (features % heads == 0) {
            return Optional.of(in);
        }
        int fitting = heads;
        while (features % fitting != 0) {
            fitting--;
        }
        return ctx.fail(ctx.who() + " splits the " + features + " features of every step evenly between its heads,"
                        + " but " + features + " does not divide into " + heads + " heads. Use a head count that"
                        + " divides " + features + ", or change the feature size before it.",
                ctx.setParam("Set heads to " + fitting, HEADS, new ParamValue.Int(fitting)));
    }
}
