package org.layerloom.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.compress.ActivationRange;
import org.layerloom.engine.compress.QuantizedWeight;
import org.layerloom.engine.compress.WeightQuantizer;
import org.layerloom.engine.compress.WeightTensor;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.export.onnx.OnnxExportProblem;
import org.layerloom.engine.export.onnx.OnnxExporter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.train.RunFolder;

/**
 * What an export of a compressed variant run (its manifest's {@code "variant"} section, written by
 * {@link org.layerloom.engine.compress.VariantRuns}) must add to the network. Pruned, float16 and fine-tuned
 * variants need nothing: their weights are all they are. An int8 variant computes with int8 weights and rounds
 * every layer's output to 8 bits; ONNX keeps both ({@link ExportedQuantization}, written as QDQ), or the export is
 * refused naming the layer that cannot be; the other targets get the int8 weights as float32 and a note saying
 * that the rounding is left out and how much that changes the outputs, measured on the run's first test examples
 * (or on seeded made-up ones when its data cannot be read). Stateless; call off the JavaFX thread (it reads the run
 * and runs the engine).
 */
public final class VariantExport {

    /** How many examples measure the difference the missing rounding makes. */
    public static final int NOTE_EXAMPLES = 200;
    private static final long NOTE_SEED = 23;

    private VariantExport() {
    }

    /** Whether the run in {@code runFolder} is an int8 variant. */
    public static boolean isInt8(Path runFolder) throws IOException {
        return int8Section(runFolder).isPresent();
    }

    /**
     * {@code network} (the run's network and kept weights) as the variant in {@code runFolder} is exported to
     * {@code target}; unchanged for a run that is not an int8 variant.
     *
     * @param dataset the run's data, whose test examples measure the note's difference; null to use made-up ones
     *
     * @throws ExportRefusedException when ONNX cannot carry the int8 variant as it was measured
     * @throws IOException            when the manifest cannot be read or its int8 weights are not int8 values
     */
    public static ExportedNetwork of(Path runFolder, ExportedNetwork network, ExportTarget target, Dataset dataset)
            throws IOException, ExportRefusedException {
        Optional<Map<?, ?>> section = int8Section(runFolder);
        if (section.isEmpty()) {
            return network;
        }
        Map<?, ?> variant = section.get();
        ExportedQuantization quantization = new ExportedQuantization(int8Weights(network),
                ranges(variant.get("activations")));
        if (target.equals(ExportTarget.ONNX)) {
            List<OnnxExportProblem> problems = OnnxExporter.standard().check(network.report(), quantization);
            if (!problems.isEmpty()) {
                List<Problem> refused = new ArrayList<>();
                for (OnnxExportProblem p : problems) {
                    refused.add(Problem.error(ProblemCode.NOT_EXPORTABLE, p.nodeId(), p.message(), List.of()));
                }
                throw new ExportRefusedException(target.displayName(), refused);
            }
            return network.withQuantization(quantization);
        }
        Optional<ReferenceOutputs.Batch> test = testBatch(network, dataset);
        ReferenceOutputs.Batch batch = test.orElseGet(() -> ReferenceOutputs.seededBatch(network, NOTE_EXAMPLES,
                NOTE_SEED));
        String on = test.isPresent() ? "the first " + batch.shape()[0] + " test examples"
                : NOTE_EXAMPLES + " made-up examples (the run's data could not be read)";
        return network.withNote(note(String.valueOf(variant.get("of")), target,
                largestOutputDifference(network, quantization, batch), on));
    }

    /**
     * The closing section of an export's README on a compressed variant whose export computes differently from
     * what LayerLoom measured ({@link ExportedNetwork#note()}); empty for any other network.
     */
    public static String readmeSection(ExportedNetwork network) {
        return network.note().map(note -> "\n## A compressed variant\n\n" + note + "\n").orElse("");
    }

    /** The largest difference between the float network's outputs and the rounded one's on {@code batch}. */
    public static double largestOutputDifference(ExportedNetwork network, ExportedQuantization quantization,
                                                 ReferenceOutputs.Batch batch) {
        String output = network.report().graph().nodesOfKind(LayerKind.OUTPUT).get(0).id();
        float[] plain = ReferenceOutputs.of(network, batch).get(output);
        float[] rounded = ReferenceOutputs.of(network.withQuantization(quantization), batch).get(output);
        double largest = 0;
        for (int i = 0; i < plain.length; i++) {
            largest = Math.max(largest, Math.abs(plain[i] - rounded[i]));
        }
        return largest;
    }

    private static String note(String of, ExportTarget target, double difference, String on) {
        return String.format(Locale.ROOT, "This is the int8 variant of run %s. Its weights are the int8 values written"
                + " as float32, exactly the weights LayerLoom measured. But when LayerLoom measured the variant it"
                + " also rounded every layer's output to 8 bits, and this %s export does not: it computes in float32,"
                + " so its outputs differ from the variant's, by up to %.4g on %s. To keep the rounding, export"
                + " the variant to ONNX, which carries it as QuantizeLinear/DequantizeLinear pairs.", of,
                target.displayName(), difference, on);
    }

    /** The first {@link #NOTE_EXAMPLES} test examples of {@code dataset} as a batch, when it has real features. */
    private static Optional<ReferenceOutputs.Batch> testBatch(ExportedNetwork network, Dataset dataset) {
        if (dataset == null || dataset.test().isEmpty() || !(dataset.test().features() instanceof RealFeatures)) {
            return Optional.empty();
        }
        Examples first = dataset.test().first(Math.min(NOTE_EXAMPLES, dataset.test().size()));
        long[] shape = ReferenceOutputs.seededBatch(network, first.size(), 0).shape();
        return Optional.of(new ReferenceOutputs.Batch(shape, first.realFeatures().toArray(), false));
    }

    private static Optional<Map<?, ?>> int8Section(Path runFolder) throws IOException {
        Map<String, Object> manifest = RunFolder.open(runFolder).readJson("manifest");
        return manifest.get("variant") instanceof Map<?, ?> variant && "int8".equals(variant.get("kind"))
                ? Optional.of(variant) : Optional.empty();
    }

    /** The int8 levels and scales of every quantized weight, recovered from the float32 values the run keeps. */
    private static Map<String, QuantizedWeight> int8Weights(ExportedNetwork network) throws IOException {
        Map<String, QuantizedWeight> quantized = new LinkedHashMap<>();
        for (NpyArray array : network.weights()) {
            WeightTensor w = new WeightTensor(array.name(), array.shape(), array.floatValues());
            if (!w.isCompressible()) {
                continue;
            }
            Optional<QuantizedWeight> q = WeightQuantizer.recover(w);
            if (q.isEmpty()) {
                throw new IOException("The weights " + w.name() + " of this int8 variant are not int8 values, so"
                        + " the run was changed after it was saved. Make the int8 variant again.");
            }
            quantized.put(w.name(), q.get());
        }
        return quantized;
    }

    /** The manifest's activation ranges (node id to min and max). */
    private static Map<String, ActivationRange> ranges(Object activations) throws IOException {
        if (!(activations instanceof Map<?, ?> byNode)) {
            throw new IOException("This int8 variant's manifest has no activation ranges; make the variant again.");
        }
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : byNode.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> r && r.get("min") instanceof Number min
                    && r.get("max") instanceof Number max) {
                ranges.put(String.valueOf(e.getKey()), new ActivationRange(min.floatValue(), max.floatValue()));
            }
        }
        return ranges;
    }
}
