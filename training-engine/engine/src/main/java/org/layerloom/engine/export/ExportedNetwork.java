package org.layerloom.engine.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.graph.ValidationReport;

/**
 * What every export target writes from: the validated network, the nodes the compiled network runs (in
 * that order; nodes whose output goes nowhere are not among them) and its weights as plain float32 arrays
 * under their PyTorch {@code state_dict} names ({@link TorchStateDict}), in the order the nodes run.
 * Holds no engine objects, so any thread may read it once made. Immutable.
 *
 * @param name    the project's name, for comments and READMEs
 * @param nodeIds  the compiled nodes in running order, the Input first
 * @param training     how the network trains (settings, loss, data), or null when the export has no training part
 * @param quantization for an int8 variant exported to a target that keeps its 8-bit rounding (ONNX), the int8
 *                     weights and the layer outputs' ranges; null for a float network
 * @param variantNote  for a compressed variant whose export computes differently from what LayerLoom measured, a
 *                     paragraph for the student saying how and by how much; null otherwise
 */
public record ExportedNetwork(String name, ValidationReport report, List<String> nodeIds, List<NpyArray> weights,
                              ExportedTraining training, ExportedQuantization quantization, String variantNote) {

    public ExportedNetwork {
        nodeIds = List.copyOf(nodeIds);
        weights = List.copyOf(weights);
    }

    /** A float network, with its training or without it (null). */
    public ExportedNetwork(String name, ValidationReport report, List<String> nodeIds, List<NpyArray> weights,
                           ExportedTraining training) {
        this(name, report, nodeIds, weights, training, null, null);
    }

    /** A network exported without its training. */
    public ExportedNetwork(String name, ValidationReport report, List<String> nodeIds, List<NpyArray> weights) {
        this(name, report, nodeIds, weights, null);
    }

    /** How the network trains, when the export carries it. */
    public java.util.Optional<ExportedTraining> trainingPart() {
        return java.util.Optional.ofNullable(training);
    }

    /** The same network with how it trains. */
    public ExportedNetwork withTraining(ExportedTraining newTraining) {
        return new ExportedNetwork(name, report, nodeIds, weights, newTraining, quantization, variantNote);
    }

    /** The int8 weights and activation ranges, when the export keeps an int8 variant's rounding. */
    public java.util.Optional<ExportedQuantization> quantizationPart() {
        return java.util.Optional.ofNullable(quantization);
    }

    /** The note on how a compressed variant's export differs from what LayerLoom measured, if it does. */
    public java.util.Optional<String> note() {
        return java.util.Optional.ofNullable(variantNote);
    }

    /** The same network computed as an int8 variant: int8 weights and 8-bit layer outputs. */
    public ExportedNetwork withQuantization(ExportedQuantization newQuantization) {
        return new ExportedNetwork(name, report, nodeIds, weights, training, newQuantization, variantNote);
    }

    /** The same network with a note for the student (null for none). */
    public ExportedNetwork withNote(String newNote) {
        return new ExportedNetwork(name, report, nodeIds, weights, training, quantization, newNote);
    }

    /**
     * Copies the current weights of {@code block} (compiled from {@code report}'s graph and initialised). Call
     * it on the thread that owns the block.
     */
    public static ExportedNetwork of(String name, ValidationReport report, GraphBlock block) {
        TorchStateDict stateDict = TorchStateDict.of(report.graph(), block);
        List<NpyArray> weights = new ArrayList<>();
        try (NDManager scope = NDManager.newBaseManager()) {
            for (Map.Entry<String, NDArray> entry : stateDict.values(scope).entrySet()) {
                NDArray value = entry.getValue();
                weights.add(NpyArray.floats(entry.getKey(), value.getShape().getShape(),
                        value.toType(DataType.FLOAT32, false).toFloatArray()));
            }
        }
        return new ExportedNetwork(name, report, block.nodeIds(), weights);
    }

    /** The same network with other weights (same names), e.g. a test's deliberately damaged copy. */
    public ExportedNetwork withWeights(List<NpyArray> newWeights) {
        return new ExportedNetwork(name, report, nodeIds, newWeights, training, quantization, variantNote);
    }
}
