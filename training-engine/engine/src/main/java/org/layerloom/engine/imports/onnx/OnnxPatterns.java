package org.layerloom.engine.imports.onnx;

import java.util.List;
import java.util.Map;

/**
 * Which patterns may start at an ONNX operator, tried in order; an operator without patterns has no
 * LayerLoom counterpart. The Identity of a LayerLoom export is handled by the walk, which knows the loss.
 * Immutable; any thread.
 */
final class OnnxPatterns {

    private static final Map<String, List<LayerPattern>> BY_OP = Map.ofEntries(
            Map.entry("Gemm", List.of(DensePatterns::gemm)),
            Map.entry("MatMul", List.of(AttentionGroups::group, DensePatterns::matMul)),
            Map.entry("Conv", List.of(ConvolutionPatterns::conv)),
            Map.entry("Transpose", List.of(TransposePatterns::transpose)),
            Map.entry("MaxPool", List.of(ConvolutionPatterns::maxPool)),
            Map.entry("AveragePool", List.of(ConvolutionPatterns::avgPool)),
            Map.entry("GlobalAveragePool", List.of(ConvolutionPatterns::globalAvgPool)),
            Map.entry("BatchNormalization", List.of(NormalisationPatterns::batchNorm)),
            Map.entry("LayerNormalization", List.of(NormalisationPatterns::layerNorm)),
            Map.entry("ReduceMean", List.of(NormalisationPatterns::reduceMeanLayerNorm)),
            Map.entry("Flatten", List.of(CorePatterns::flatten)),
            Map.entry("Reshape", List.of(CorePatterns::reshape)),
            Map.entry("Dropout", List.of(CorePatterns::dropout)),
            Map.entry("Cast", List.of(CorePatterns::cast)),
            Map.entry("Gather", List.of(CorePatterns::gather)),
            Map.entry("Concat", List.of(CorePatterns::concat)),
            Map.entry("Add", List.of(CorePatterns::add)),
            Map.entry("Relu", List.of(ActivationPatterns::layer)),
            Map.entry("LeakyRelu", List.of(ActivationPatterns::layer)),
            Map.entry("Elu", List.of(ActivationPatterns::layer)),
            Map.entry("Sigmoid", List.of(ActivationPatterns::layer)),
            Map.entry("Tanh", List.of(ActivationPatterns::layer)),
            Map.entry("Softmax", List.of(ActivationPatterns::layer)),
            Map.entry("Gelu", List.of(ActivationPatterns::layer)),
            Map.entry("Mul", List.of(ActivationPatterns::layer)),
            Map.entry("Div", List.of(ActivationPatterns::layer)),
            Map.entry("LSTM", List.of(OnnxPatterns::steps)),
            Map.entry("GRU", List.of(OnnxPatterns::steps)),
            Map.entry("RNN", List.of(OnnxPatterns::steps)));

    private OnnxPatterns() {
    }

    static List<LayerPattern> startingAt(String opType) {
        return BY_OP.getOrDefault(opType, List.of());
    }

    /** A recurrent operator not preceded by the batch-first Transpose reads steps-first data. */
    private static java.util.Optional<LayerMatch> steps(int anchor, MatchContext ctx) throws Unmappable {
        throw new Unmappable(ctx.op(anchor) + " reading a sequence that is not the transposed (batch, steps, features)"
                + " value of a LayerLoom layer; LayerLoom's sequences are batch-first.");
    }
}
