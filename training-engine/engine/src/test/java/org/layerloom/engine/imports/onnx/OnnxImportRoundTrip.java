package org.layerloom.engine.imports.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.onnx.OnnxExporter;
import org.layerloom.engine.export.onnx.OnnxWeights;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * One network exported to ONNX with seeded random weights (±1/√fan-in for matrices, biases ±0.5, norm
 * scales and running variances 0.5…1.5, running means ±0.5) and read back by {@link OnnxImporter}, with
 * what the test compares: the nodes the export holds, the weights as exported, and every node's output in
 * the engine for one seeded batch, with the original and with the imported graph and weights. Test code
 * only; one thread.
 */
final class OnnxImportRoundTrip {

    static final int BATCH = 3;

    final String name;
    final ValidationReport report;
    final ExportedNetwork original;
    final byte[] onnx;
    final OnnxImport imported;

    private OnnxImportRoundTrip(String name, ValidationReport report, ExportedNetwork original, byte[] onnx,
                                OnnxImport imported) {
        this.name = name;
        this.report = report;
        this.original = original;
        this.onnx = onnx;
        this.imported = imported;
    }

    static OnnxImportRoundTrip of(String name, NetworkGraph graph, long seed) throws Exception {
        ValidationReport report = GraphValidator.standard().validate(graph);
        if (!report.isValid()) {
            throw new IllegalArgumentException(name + ": " + report.errors());
        }
        Random random = new Random(seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphBlock block = GraphCompiler.standard().compile(report);
            TensorShape in = report.outputOf(block.inputNodeId()).orElseThrow();
            long[] dims = new long[in.rank() + 1];
            dims[0] = 1;
            for (int i = 0; i < in.rank(); i++) {
                dims[i + 1] = in.dim(i);
            }
            block.initialize(manager, DataType.FLOAT32, new Shape(dims));
            TorchStateDict dict = TorchStateDict.of(graph, block);
            Map<String, NDArray> values = new HashMap<>();
            for (String weight : dict.names()) {
                Shape shape = dict.shape(weight);
                values.put(weight, manager.create(randomWeight(weight, shape, random), shape));
            }
            dict.load(values::get);
            ExportedNetwork original = ExportedNetwork.of(name, report, block);
            byte[] onnx = OnnxExporter.standard().model(report, OnnxWeights.of(dict), false).toByteArray();
            return new OnnxImportRoundTrip(name, report, original, onnx, OnnxImporter.read(onnx));
        }
    }

    /** The same export compared with another import (a negative control's damaged file). */
    OnnxImportRoundTrip withImport(OnnxImport other) {
        return new OnnxImportRoundTrip(name, report, original, onnx, other);
    }

    /** The node ids the export holds: the Output and every node it depends on. */
    Set<String> exportedIds() {
        String output = report.graph().nodesOfKind(LayerKind.OUTPUT).get(0).id();
        Set<String> ids = new LinkedHashSet<>(report.topology().upstreamOf(output));
        ids.add(output);
        return ids;
    }

    /** The parameters the report says were lost for node {@code id}. */
    Set<String> lostParams(String id) {
        Set<String> lost = new LinkedHashSet<>();
        for (OnnxImportNote note : imported.notes(OnnxImportNote.Kind.LOST)) {
            String prefix = id + " '";
            if (note.message().startsWith(prefix)) {
                lost.add(note.message().substring(prefix.length(), note.message().indexOf('\'', prefix.length())));
            }
        }
        return lost;
    }

    /** The imported network, validated, with the imported weights. */
    ExportedNetwork importedNetwork() {
        NetworkGraph graph = imported.graph().orElseThrow();
        ValidationReport r = GraphValidator.standard().validate(graph);
        return new ExportedNetwork(name, r, graph.nodes().stream().map(n -> n.id()).toList(), imported.weights());
    }

    /** The largest difference of any node's output (and the probabilities) between original and import. */
    double largestOutputDifference(long seed) {
        ReferenceOutputs.Batch batch = ReferenceOutputs.seededBatch(original, BATCH, seed);
        Map<String, float[]> expected = ReferenceOutputs.of(original, batch);
        Map<String, float[]> actual = ReferenceOutputs.of(importedNetwork(), batch);
        double largest = 0;
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
            float[] a = actual.get(e.getKey());
            if (a == null || a.length != e.getValue().length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs((double) a[i] - e.getValue()[i]);
                largest = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(largest, d);
            }
        }
        return largest;
    }

    /** Names of weights that differ (in any bit, shape or presence) between the export and the import. */
    List<String> differingWeights() {
        Map<String, NpyArray> mine = new HashMap<>();
        imported.weights().forEach(w -> mine.put(w.name(), w));
        List<String> differing = new ArrayList<>();
        for (NpyArray w : original.weights()) {
            if (!w.equals(mine.remove(w.name()))) {
                differing.add(w.name());
            }
        }
        differing.addAll(mine.keySet());
        return differing;
    }

    /** The largest absolute difference between exported and imported weight values (0 when bit-identical). */
    double largestWeightDifference() {
        Map<String, NpyArray> mine = new HashMap<>();
        imported.weights().forEach(w -> mine.put(w.name(), w));
        double largest = 0;
        for (NpyArray w : original.weights()) {
            NpyArray m = mine.get(w.name());
            if (m == null || m.floatValues().length != w.floatValues().length) {
                return Double.POSITIVE_INFINITY;
            }
            float[] a = w.floatValues();
            float[] b = m.floatValues();
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs((double) a[i] - b[i]));
            }
        }
        return largest;
    }

    private static float[] randomWeight(String name, Shape shape, Random random) {
        float[] v = new float[Math.toIntExact(shape.size())];
        double low;
        double high;
        boolean norm = name.contains("norm");
        if (name.endsWith("running_var") || (norm && name.endsWith(".weight"))) {
            low = 0.5;
            high = 1.5;
        } else if (name.endsWith("running_mean") || name.contains("bias")) {
            low = -0.5;
            high = 0.5;
        } else if (name.startsWith("embedding")) {
            low = -1;
            high = 1;
        } else {
            double bound = 1 / Math.sqrt(shape.size() / shape.get(0));
            low = -bound;
            high = bound;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return v;
    }
}
