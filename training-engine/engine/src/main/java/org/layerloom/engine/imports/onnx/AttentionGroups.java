package org.layerloom.engine.imports.onnx;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;

/**
 * MultiHeadSelfAttention and TransformerEncoder from a LayerLoom export, where opset 17 spells them out in
 * some thirty operators named after the node: the whole name group becomes one layer, its weights read by
 * the names the exporter gives them ({@code att1/query_weight_t}, {@code enc1.linear1.bias}…) and put back
 * into PyTorch's layout (the packed {@code in_proj_weight}, transposed matrices). The head count comes
 * from the head-splitting shape; the dropout rate is a training setting ONNX does not store. Attention
 * from other exporters is not recognised. Stateless.
 */
final class AttentionGroups {

    private static final String[] PROJECTIONS = {"query", "key", "value"};

    private AttentionGroups() {
    }

    /** Applies when the anchor's name group is a LayerLoom attention or encoder block. */
    static Optional<LayerMatch> group(int anchor, MatchContext ctx) throws Unmappable {
        String id = ctx.group(anchor);
        if (!ctx.ownExport() || ctx.values().knownConstant(id + "/query_weight_t").isEmpty()) {
            return Optional.empty();
        }
        List<Integer> nodes = ctx.groupOf(anchor);
        boolean encoder = nodes.stream().anyMatch(n -> ctx.op(n).equals("LayerNormalization"));
        String x = ctx.node(anchor).getInput(0);
        LayerMatch m = new LayerMatch(encoder ? LayerKind.TRANSFORMER_ENCODER : LayerKind.SELF_ATTENTION, List.of(x), id,
                nodes);
        long[] heads = named(ctx, id + "/heads_shape").asLongs();
        if (heads.length != 4) {
            throw new Unmappable("the head-splitting shape " + id + "/heads_shape is not (0, 0, heads, size).");
        }
        m.param("heads", (int) heads[2]).lost("dropout", "ONNX stores no dropout rate (dropout does nothing at"
                + " inference).");
        String prefix = encoder ? "self_attn." : "";
        Tensor[] weights = new Tensor[3];
        Tensor[] biases = new Tensor[3];
        for (int j = 0; j < 3; j++) {
            weights[j] = named(ctx, id + "/" + PROJECTIONS[j] + "_weight_t").transposed();
            biases[j] = named(ctx, id + "/" + PROJECTIONS[j] + "_bias");
        }
        m.weight(prefix + "in_proj_weight", Tensor.stacked(weights));
        m.weight(prefix + "in_proj_bias", Tensor.stacked(biases));
        linear(ctx, m, id, prefix + "out_proj.");
        if (encoder) {
            Tensor first = named(ctx, id + "/linear1.weight_t");
            m.param("feed_forward", (int) first.shape()[1]);
            linear(ctx, m, id, "linear1.");
            linear(ctx, m, id, "linear2.");
            for (String norm : List.of("norm1.", "norm2.")) {
                m.weight(norm + "weight", named(ctx, id + "." + norm + "weight"));
                m.weight(norm + "bias", named(ctx, id + "." + norm + "bias"));
            }
        }
        return Optional.of(m);
    }

    private static void linear(MatchContext ctx, LayerMatch m, String id, String prefix) throws Unmappable {
        m.weight(prefix + "weight", named(ctx, id + "/" + prefix + "weight_t").transposed());
        m.weight(prefix + "bias", named(ctx, id + "." + prefix + "bias"));
    }

    private static Tensor named(MatchContext ctx, String name) throws Unmappable {
        return ctx.values().knownConstant(name).orElseThrow(() -> new Unmappable("the LayerLoom attention block"
                + " lacks its initializer " + name + "."));
    }
}
