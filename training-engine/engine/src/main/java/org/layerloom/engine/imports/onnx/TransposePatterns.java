package org.layerloom.engine.imports.onnx;

import java.util.List;
import java.util.Optional;
import onnx.Onnx.NodeProto;

/**
 * The layers that start with a {@code Transpose}: Conv1D and a sequence's BatchNorm (perm 0, 2, 1 around a
 * channels-first operator) and the recurrent layers (perm 1, 0, 2 to steps-first). A Transpose on its own
 * has no LayerLoom counterpart. Stateless.
 */
final class TransposePatterns {

    private TransposePatterns() {
    }

    static Optional<LayerMatch> transpose(int anchor, MatchContext ctx) throws Unmappable {
        NodeProto n = ctx.node(anchor);
        String out = n.getOutput(0);
        if (Attributes.intsAre(n, "perm", List.of(), 0L, 2L, 1L)) {
            Optional<Integer> conv = ctx.follower(anchor, out, "Conv");
            if (conv.isPresent()) {
                return ConvolutionPatterns.conv1d(anchor, conv.get(), ctx);
            }
            Optional<Integer> norm = ctx.follower(anchor, out, "BatchNormalization");
            if (norm.isPresent()) {
                return NormalisationPatterns.sequenceBatchNorm(anchor, norm.get(), ctx);
            }
        } else if (Attributes.intsAre(n, "perm", List.of(), 1L, 0L, 2L)) {
            Optional<Integer> rnn = ctx.follower(anchor, out, "RNN", "LSTM", "GRU");
            if (rnn.isPresent()) {
                return RecurrentPatterns.recurrent(anchor, rnn.get(), ctx);
            }
        }
        throw new Unmappable("Transpose with perm " + Attributes.ints(n, "perm").orElse(List.of()) + " that does not"
                + " surround a convolution, BatchNorm or recurrent layer; LayerLoom has no transpose layer.");
    }
}
