package org.layerloom.engine.export.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import onnx.Onnx.ModelProto;
import org.layerloom.engine.export.ExportedQuantization;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Exports a network as {@code model.onnx} (ONNX opset 17, IR version 8) with its weights inside. Every
 * node is checked first ({@link #check}); a node ONNX cannot express refuses the export before anything
 * is written. The file is written beside its target under a temporary name and moved into place in one
 * step, so a failed export leaves no half-written file. Immutable; any thread (the weights are plain
 * arrays, read from the engine's {@code TorchStateDict} by {@link OnnxWeights} on the thread that owns the
 * network).
 */
public final class OnnxExporter {

    public static final int OPSET = OnnxModelWriter.OPSET;
    public static final int IR_VERSION = OnnxModelWriter.IR_VERSION;
    /** The model's input: (batch, …) floats, or (batch, T) int64 token ids. */
    public static final String INPUT_NAME = OnnxModelWriter.INPUT;
    /** The classifiers' extra output: class probabilities as the app computes them. */
    public static final String PROBABILITIES_NAME = OnnxModelWriter.PROBABILITIES;

    private final OnnxConverters converters;

    private OnnxExporter(OnnxConverters converters) {
        this.converters = converters;
    }

    /** The exporter of every layer kind ONNX opset 17 can express. */
    public static OnnxExporter standard() {
        return new OnnxExporter(OnnxConverters.standard());
    }

    /** An exporter with a reduced converter set, to exercise the refusal of unsupported nodes. */
    static OnnxExporter with(OnnxConverters converters) {
        return new OnnxExporter(converters);
    }

    /** The nodes of a valid graph that ONNX cannot express, in running order; empty when it can export. */
    public List<OnnxExportProblem> check(ValidationReport report) {
        requireValid(report);
        return new OnnxSupport(converters).check(report);
    }

    /**
     * The model of a valid graph.
     *
     * @param weights           every weight by PyTorch {@code state_dict} name ({@link OnnxWeights})
     * @param everyNodeAsOutput also make every node's value (named by its node id) a graph output, so that
     *                          a runtime can return each node's output for checking
     * @throws OnnxExportRefusedException if a node cannot be exported
     */
    public ModelProto model(ValidationReport report, Map<String, WeightTensor> weights, boolean everyNodeAsOutput)
            throws OnnxExportRefusedException {
        List<OnnxExportProblem> problems = check(report);
        if (!problems.isEmpty()) {
            throw new OnnxExportRefusedException(problems);
        }
        return new OnnxModelWriter(converters).write(report, weights, everyNodeAsOutput);
    }

    /**
     * The nodes of a valid graph that ONNX cannot express, or (for an int8 variant, {@code quantization} not null)
     * cannot express with their int8 weights; empty when it can export.
     */
    public List<OnnxExportProblem> check(ValidationReport report, ExportedQuantization quantization) {
        List<OnnxExportProblem> problems = new ArrayList<>(check(report));
        if (quantization != null) {
            problems.addAll(QdqSupport.check(report, quantization));
        }
        return problems;
    }

    /**
     * The model of an int8 variant (a float one when {@code quantization} is null) as a QDQ model: int8 weights
     * through {@code DequantizeLinear}, every rounded node's output through {@code QuantizeLinear} and
     * {@code DequantizeLinear}, as LayerLoom measured the variant.
     *
     * @throws OnnxExportRefusedException if a node cannot be exported, or not as int8
     */
    public ModelProto model(ValidationReport report, Map<String, WeightTensor> weights, boolean everyNodeAsOutput,
                            ExportedQuantization quantization) throws OnnxExportRefusedException {
        List<OnnxExportProblem> problems = check(report, quantization);
        if (!problems.isEmpty()) {
            throw new OnnxExportRefusedException(problems);
        }
        return new OnnxModelWriter(converters).write(report, weights, everyNodeAsOutput, quantization);
    }

    /** As {@link #export(ValidationReport, Map, Path)}, for an int8 variant when {@code quantization} is not null. */
    public void export(ValidationReport report, Map<String, WeightTensor> weights, ExportedQuantization quantization,
                       Path file) throws OnnxExportRefusedException, IOException {
        writeAtomically(model(report, weights, false, quantization), file);
    }

    /**
     * Writes {@code file} (e.g. {@code model.onnx}) atomically; its folder must exist.
     *
     * @throws OnnxExportRefusedException if a node cannot be exported; nothing is written then
     */
    public void export(ValidationReport report, Map<String, WeightTensor> weights, Path file)
            throws OnnxExportRefusedException, IOException {
        writeAtomically(model(report, weights, false), file);
    }

    /** Writes {@code model} to a temporary file beside {@code file}, then moves it into place. */
    static void writeAtomically(ModelProto model, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                model.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void requireValid(ValidationReport report) {
        if (!report.isValid()) {
            throw new IllegalArgumentException(report.errors().get(0).message());
        }
    }
}
