package org.layerloom.engine.export.djl;

import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;

/**
 * The Java for the layers beyond DJL's plain blocks, written as LayerLoom's engine builds them
 * ({@code compile/NormalisationLayers}, {@code RecurrentLayers}, {@code AttentionLayers}, {@code CoreLayers}):
 * BatchNorm and LayerNorm (DJL's blocks, inference with the running statistics), SimpleRNN, LSTM and GRU (DJL's
 * batch-first blocks, whose parameters already have PyTorch's gate order; the last step unless "return
 * sequences"), self-attention (DJL's {@code ScaledDotProductAttentionBlock}, loaded from PyTorch's packed
 * {@code in_proj_weight}), and the three blocks that differ from DJL's own and are generated as classes beside
 * the network: {@code IdEmbedding}, {@code PositionalEncoding} and {@code PostNormEncoder}. Stateless; any thread.
 */
final class SequenceLayerSources {

    private SequenceLayerSources() {
    }

    /** Writes the node's field, initialisation, weights and forward line; false for a kind it does not write. */
    static boolean write(Node node, NodeReport report, String comment, String from, SourceLines out) {
        String id = node.id();
        switch (node.kind()) {
            case BATCH_NORM -> {
                TensorShape in = report.inputs().get(0);
                float momentum = (float) node.params().realValue("momentum");
                String note = "at inference it normalises with the running mean and variance";
                String creation = "BatchNorm.builder().optAxis(" + (in.isImage() ? 1 : in.rank()) + ").optMomentum("
                        + SourceLines.floatLiteral(1f - momentum) + ").optEpsilon("
                        + SourceLines.floatLiteral((float) node.params().realValue("epsilon")) + ").build()";
                out.block(SourceLines.noted(comment, note), "BatchNorm", id, creation, report);
                out.weight(id, "weight", "gamma");
                out.weight(id, "bias", "beta");
                out.weight(id, "running_mean", "runningMean");
                out.weight(id, "running_var", "runningVar");
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            case LAYER_NORM -> {
                TensorShape in = report.inputs().get(0);
                String axes = in.isImage() ? "1, 2, 3" : String.valueOf(in.rank());
                out.block(comment, "LayerNorm", id, "LayerNorm.builder().axis(" + axes + ").optEpsilon("
                        + SourceLines.floatLiteral((float) node.params().realValue("epsilon")) + ").build()", report);
                out.weight(id, "weight", "gamma");
                out.weight(id, "bias", "beta");
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            case SIMPLE_RNN, LSTM, GRU -> recurrent(node, report, comment, from, out);
            case SELF_ATTENTION -> {
                out.block(comment, "ScaledDotProductAttentionBlock", id, "ScaledDotProductAttentionBlock.builder()"
                        + ".setEmbeddingSize(" + report.inputs().get(0).last() + ").setHeadCount("
                        + node.params().intValue("heads") + ")\n            .optAttentionProbsDropoutProb("
                        + SourceLines.floatLiteral((float) node.params().realValue("dropout")) + ").build()", report);
                out.load.add("weights.copyAttentionInto(\"" + id + ".\", " + id + ");");
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            case TRANSFORMER_ENCODER -> {
                out.helperClasses.add("PostNormEncoder");
                String note = "PostNormEncoder.java: PyTorch's encoder layer, which DJL's differs from";
                String creation = "new PostNormEncoder(" + report.inputs().get(0).last() + ", "
                        + node.params().intValue("heads") + ", " + node.params().intValue("feed_forward") + ", "
                        + SourceLines.floatLiteral((float) node.params().realValue("dropout")) + ")";
                out.block(SourceLines.noted(comment, note), "PostNormEncoder", id, creation, report);
                out.load.add(id + ".load(weights, \"" + id + "\");");
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            case POSITIONAL_ENCODING -> {
                out.helperClasses.add("PositionalEncoding");
                String note = "PositionalEncoding.java: a fixed signal, no weights";
                out.block(SourceLines.noted(comment, note), "PositionalEncoding", id, "new PositionalEncoding()",
                        report);
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            case EMBEDDING -> {
                out.helperClasses.add("IdEmbedding");
                String note = "IdEmbedding.java: looks token ids up directly, as PyTorch's nn.Embedding";
                String creation = "new IdEmbedding(" + node.params().intValue("vocabulary") + ", "
                        + node.params().intValue("dimension") + ")";
                out.block(SourceLines.noted(comment, note), "IdEmbedding", id, creation, report);
                out.weight(id, "weight", "weight");
                out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void recurrent(Node node, NodeReport report, String comment, String from, SourceLines out) {
        String id = node.id();
        String units = ".setStateSize(" + node.params().intValue("units") + ").setNumLayers(1)";
        String type = switch (node.kind()) {
            case SIMPLE_RNN -> "RNN";
            case LSTM -> "LSTM";
            default -> "GRU";
        };
        String activation = node.kind() != LayerKind.SIMPLE_RNN ? ""
                : ".setActivation(RNN.Activation." + ("relu".equals(node.params().choice("nonlinearity"))
                ? "RELU" : "TANH") + ")";
        boolean sequences = node.params().flag("return_sequences");
        String fieldComment = sequences ? comment : SourceLines.noted(comment, "keeps the last step");
        out.block(fieldComment, type, id, type + ".builder()" + activation + units
                + "\n            .optBatchFirst(true).optReturnState(false).build()", report);
        out.weight(id, "weight_ih_l0", "l_0_i2h_WEIGHT");
        out.weight(id, "weight_hh_l0", "l_0_h2h_WEIGHT");
        out.weight(id, "bias_ih_l0", "l_0_i2h_BIAS");
        out.weight(id, "bias_hh_l0", "l_0_h2h_BIAS");
        out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + (sequences ? "" : ".get(\":, -1\")")
                + ";");
    }
}
