package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.layerloom.engine.export.ExportedQuantization;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The extra check of an int8 variant's ONNX export, run before anything is written: int8 weights go into ONNX
 * only for the layers whose converters read them through {@code DequantizeLinear} (Dense, Conv1D, Conv2D, and the
 * normalisations, whose scale over maps is int8 too); any other layer with int8 weights (Embedding, the recurrent and
 * attention layers) refuses the export, as does a
 * network whose input is token ids (8-bit rounding applies to real values only). Stateless; any thread.
 */
final class QdqSupport {

    /** The layer kinds whose int8 weights the converters write as int8. */
    static final Set<LayerKind> INT8_WEIGHTS = Set.of(LayerKind.DENSE, LayerKind.CONV1D, LayerKind.CONV2D,
            LayerKind.BATCH_NORM, LayerKind.LAYER_NORM);

    private QdqSupport() {
    }

    /** One problem per node that cannot be written as int8, in running order; empty when all can. */
    static List<OnnxExportProblem> check(ValidationReport report, ExportedQuantization quantization) {
        List<OnnxExportProblem> problems = new ArrayList<>();
        for (Node node : OnnxModelWriter.runningOrder(report)) {
            String prefix = node.id() + ".";
            boolean int8 = quantization.weights().keySet().stream().anyMatch(n -> n.startsWith(prefix));
            if (int8 && !INT8_WEIGHTS.contains(node.kind())) {
                problems.add(new OnnxExportProblem(node.id(), node.name() + " (" + node.kind().id() + ") cannot be"
                        + " exported to ONNX as int8: LayerLoom writes int8 weights into ONNX only for Dense,"
                        + " convolution and normalisation layers, and writing this layer's weights as float would"
                        + " change what the variant computes. Export the original run, or a pruned or float16"
                        + " variant, instead."));
            } else if (node.kind() == LayerKind.INPUT && report.outputOf(node.id()).orElseThrow().isTokenIds()
                    && quantization.activations().containsKey(node.id())) {
                problems.add(new OnnxExportProblem(node.id(), node.name() + " takes token ids, and an int8 variant"
                        + " rounds them like real values, which ONNX's 8-bit rounding cannot do. Export the original"
                        + " run instead."));
            }
        }
        return problems;
    }
}
