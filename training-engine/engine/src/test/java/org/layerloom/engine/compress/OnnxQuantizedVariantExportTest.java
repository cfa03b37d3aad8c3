package org.layerloom.engine.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ExportedQuantization;
import org.layerloom.engine.export.Exporter;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.NpzReader;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.TargetWriters;
import org.layerloom.engine.export.VariantExport;
import org.layerloom.engine.export.onnx.OnnxAgreement;
import org.layerloom.engine.export.onnx.OnnxExporter;
import org.layerloom.engine.export.onnx.OnnxTargetWriter;
import org.layerloom.engine.export.onnx.WeightTensor;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The export of compressed variants of a small MNIST CNN trained here (Conv2D, MaxPool, Flatten, Dense, Dense):
 * the int8 variant's ONNX file is a QDQ model that ONNX Runtime, with graph optimizations off, runs to
 * LayerLoom's own quantized outputs; the PyTorch and DJL exports say that they leave the 8-bit rounding out; a
 * pruned variant's zeros reach every target.
 *
 * <p><b>Tolerance.</b> Every layer's output is rounded to its 8-bit levels in both, so a value either lands on the
 * same level (then the two agree to float32 rounding of the sums, about 1e-6 of the value) or on the
 * neighbouring one, a whole level apart. The neighbour happens only where a value lies within float32 rounding of
 * the middle between two levels: ONNX Runtime's QuantizeLinear divides by the scale, LayerLoom (as PyTorch)
 * multiplies by its inverse, and the two sums are added in other orders. So the test counts such "level flips" in
 * every layer's output and requires them to be rare (at most 1 in 1,000 values), and requires the final scores to
 * agree within one level of the Output's scale in every value and to 1e-5 in all but at most 1 in 100 of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxQuantizedVariantExportTest {

    private static final int EXAMPLES = 300;

    @TempDir
    static Path dir;

    private Dataset mnist;
    private Path original;
    private Path int8;
    private Path pruned;

    static NetworkGraph cnn() {
        return GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 8, "kernel", 3, "activation", "relu"),
                GraphBuilder.layer(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2),
                GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 32, "activation", "relu"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "none"));
    }

    @BeforeAll
    void trainAndCompress() throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", MaskedFineTuneTest.mnistFolder().toString())
                .with("normalize", true);
        Dataset full = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 7, 0.1)
                .withTrainingLimit(1000), ProgressListener.none());
        mnist = new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                new Splits(full.train(), full.validation(), full.test().first(EXAMPLES)));
        Project project = new Project("mnist-cnn", cnn(), choice, new TrainingSettings(OptimizerSettings.adam(0.003),
                ScheduleSettings.fixed(), 32, 2, 0.1, 7, DeviceChoice.CPU));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        TrainingEvent end = TrainingSession.start(TrainingJob.of(project, mnist, runs).withThreads(1), e -> { })
                .outcome().get(5, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        original = Path.of(((RunFinished) end).runFolder());
        try (CompressibleRun run = CompressibleRun.open(original)) {
            CompressionStudy study = new CompressionStudy(run, mnist, true);
            assertThat(study.originalAccuracy()).as("the trained CNN learnt").isGreaterThan(0.6);
            int8 = study.int8().savedRun().orElseThrow();
            pruned = study.prune(0.7, Pruning.Scope.GLOBAL, 0, Double.NaN).savedRun().orElseThrow();
        }
    }

    @Test
    void int8_variant_exports_as_qdq_and_onnx_runtime_computes_what_layerloom_measured() throws Exception {
        ExportedNetwork network = ExportSources.fromRun(int8, ExportTarget.ONNX);
        ExportedQuantization quantization = network.quantizationPart().orElseThrow();
        Path out = dir.resolve("int8-onnx");
        Exporter.export(network, new OnnxTargetWriter(), out);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(out.resolve(OnnxTargetWriter.MODEL)));

        // The file: int8 weights through DequantizeLinear, a QuantizeLinear/DequantizeLinear pair on every node.
        long quantize = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("QuantizeLinear"))
                .count();
        long dequantize = model.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("DequantizeLinear")).count();
        assertThat(quantize).as("one rounding per node").isEqualTo(network.nodeIds().size());
        assertThat(dequantize).isEqualTo(quantize + quantization.weights().size());
        assertThat(quantization.weights().keySet()).as("the conv and both dense kernels").hasSize(3)
                .allSatisfy(name -> assertThat(name).endsWith(".weight"));
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (node.getOpType().equals("DequantizeLinear") && node.getOutput(0).endsWith(".weight")) {
                assertThat(node.getAttributeList()).as(node.getName())
                        .anySatisfy(a -> assertThat(a.getName()).isEqualTo("axis"));
            }
        }
        long int8Bytes = initializerBytes(model, TensorProto.DataType.INT8_VALUE);
        Path floatOut = dir.resolve("float-onnx");
        Exporter.export(ExportSources.fromRun(original, ExportTarget.ONNX), new OnnxTargetWriter(), floatOut);
        ModelProto floatModel = ModelProto.parseFrom(Files.readAllBytes(floatOut.resolve(OnnxTargetWriter.MODEL)));
        long floatWeightBytes = 0;
        for (String name : quantization.weights().keySet()) {
            floatWeightBytes += floatModel.getGraph().getInitializerList().stream()
                    .filter(t -> t.getName().equals(name)).findFirst().orElseThrow().getRawData().size();
        }
        long quantizedLevels = quantization.weights().values().stream().mapToLong(q -> q.levels().length).sum();
        assertThat(int8Bytes).as("int8 initializers: levels and zero points")
                .isEqualTo(quantizedLevels + quantization.weights().values().stream()
                        .mapToLong(q -> q.scales().length).sum());
        assertThat((double) quantizedLevels / floatWeightBytes).isEqualTo(0.25);
        long int8File = Files.size(out.resolve(OnnxTargetWriter.MODEL));
        long floatFile = Files.size(floatOut.resolve(OnnxTargetWriter.MODEL));
        assertThat((double) int8File / floatFile).as("file %d bytes against %d", int8File, floatFile)
                .isBetween(0.25, 0.3);

        // The numbers: ONNX Runtime on the test examples against the variant measured in LayerLoom.
        Examples test = mnist.test();
        float[] x = test.realFeatures().toArray();
        long[] shape = {test.size(), 1, 28, 28};
        float[][] expected;
        try (CompressibleRun run = CompressibleRun.open(int8)) {
            expected = run.outputs(test, quantization.activations());
        }
        String outputId = network.report().graph().nodesOfKind(LayerKind.OUTPUT).get(0).id();
        float[] actual = runWithoutOptimizations(model.toByteArray(), x, shape).get(outputId);
        ActivationRange scoreRange = quantization.activations().get(outputId);
        double largest = 0;
        int offLevel = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double d = Math.abs(expected[i][j] - actual[i * expected[i].length + j]);
                largest = Math.max(largest, d);
                offLevel += d > 1e-5 ? 1 : 0;
            }
        }
        System.out.printf("int8 ONNX: largest score difference %.3e (Output level %.3g), %d of %d scores off;"
                + " file %d bytes (float %d), int8 initializers %d bytes, float weights %d bytes%n", largest,
                scoreRange.scale(), offLevel, expected.length * 10, int8File, floatFile, int8Bytes, floatWeightBytes);
        assertThat(largest).isLessThanOrEqualTo(scoreRange.scale() * 1.01);
        assertThat(offLevel).isLessThanOrEqualTo(expected.length * 10 / 100);
        // The control: the same int8 weights without the 8-bit rounding of the outputs (what the float targets
        // compute) miss most of LayerLoom's numbers, so the comparison above can tell them apart.
        float[] unrounded = runWithoutOptimizations(OnnxExporter.standard().model(network.report(),
                onnxWeights(network), false, null).toByteArray(), x, shape).get(outputId);
        double control = 0;
        int controlOff = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double d = Math.abs(expected[i][j] - unrounded[i * expected[i].length + j]);
                control = Math.max(control, d);
                controlOff += d > 1e-5 ? 1 : 0;
            }
        }
        System.out.printf("without the rounding: largest score difference %.3g, %d of %d scores off%n", control,
                controlOff, expected.length * 10);
        assertThat(controlOff).isGreaterThan(expected.length * 10 / 2);

        // With ONNX Runtime's default graph optimizations (what a student gets by default) the pairs may be fused
        // into integer kernels that round the sums once more; measured and printed, bounded loosely.
        float[] optimized = OnnxAgreement.runOnnx(model.toByteArray(), x, shape, true).get(outputId);
        double fused = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                fused = Math.max(fused, Math.abs(expected[i][j] - optimized[i * expected[i].length + j]));
            }
        }
        System.out.printf("with ONNX Runtime's default optimizations: largest score difference %.3g (%.2f levels)%n",
                fused, fused / scoreRange.scale());
        assertThat(fused).isLessThan(4 * scoreRange.scale());

        // Layer by layer: how often a value lands on the neighbouring level.
        ReferenceOutputs.Batch batch = new ReferenceOutputs.Batch(shape, x, false);
        Map<String, float[]> layerloom = ReferenceOutputs.of(network, batch);
        Map<String, float[]> ort = runWithoutOptimizations(OnnxExporter.standard().model(network.report(),
                onnxWeights(network), true, quantization).toByteArray(), x, shape);
        long flips = 0;
        long values = 0;
        for (String id : network.nodeIds()) {
            float[] a = layerloom.get(id);
            float[] b = ort.get(id);
            float level = quantization.activations().get(id).scale();
            long nodeFlips = 0;
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs(a[i] - b[i]);
                assertThat(d).as("%s[%d]", id, i).isLessThan(level * 1.5);
                nodeFlips += d > level / 2 ? 1 : 0;
            }
            System.out.printf("  %s: %d of %d values a level apart%n", id, nodeFlips, a.length);
            flips += nodeFlips;
            values += a.length;
        }
        assertThat(flips).as("level flips in %d values", values).isLessThanOrEqualTo(values / 1000);
        assertThat(layerloom.get(ReferenceOutputs.PROBABILITIES)).hasSize(test.size() * 10);
    }

    @Test
    void int8_variant_exported_to_pytorch_and_djl_says_the_rounding_is_left_out() throws Exception {
        for (ExportTarget target : List.of(ExportTarget.PYTORCH, ExportTarget.DJL)) {
            ExportedNetwork network = ExportSources.fromRun(int8, target);
            assertThat(network.quantizationPart()).isEmpty();
            String note = network.note().orElseThrow();
            assertThat(note).contains("int8 values written as float32", "8 bits", "does not", "ONNX");
            Path out = dir.resolve("int8-" + target.id());
            Exporter.export(network, TargetWriters.of(target), out);
            assertThat(Files.readString(out.resolve("README.md"))).contains(note);
            System.out.println(target.displayName() + ": " + note);
        }
        // With the run's data at hand the note measures on its first 200 test examples: the float network's
        // scores against the variant's rounded ones, as LayerLoom computes both.
        ExportedNetwork plain = ExportSources.fromRun(int8, ExportTarget.DJL).withNote(null);
        String note = VariantExport.of(int8, plain, ExportTarget.DJL, mnist).note().orElseThrow();
        Examples first = mnist.test().first(VariantExport.NOTE_EXAMPLES);
        double largest = 0;
        try (CompressibleRun run = CompressibleRun.open(int8)) {
            float[][] rounded = run.outputs(first, ExportSources.fromRun(int8, ExportTarget.ONNX).quantization()
                    .activations());
            float[][] floats = run.outputs(first, null);
            for (int i = 0; i < rounded.length; i++) {
                for (int j = 0; j < rounded[i].length; j++) {
                    largest = Math.max(largest, Math.abs(rounded[i][j] - floats[i][j]));
                }
            }
        }
        System.out.println("DJL, measured on test examples: " + note);
        assertThat(note).contains("on the first 200 test examples",
                "by up to " + String.format(java.util.Locale.ROOT, "%.4g", largest));
    }

    @Test
    void pruned_variant_zeros_reach_every_target() throws Exception {
        long zeros;
        try (CompressibleRun run = CompressibleRun.open(pruned)) {
            zeros = run.currentWeights().stream().mapToLong(w -> w.values().length - w.nonZero()).sum();
        }
        assertThat(zeros).isGreaterThan(1000);
        ExportedNetwork onnx = ExportSources.fromRun(pruned, ExportTarget.ONNX);
        assertThat(onnx.quantizationPart()).isEmpty();
        assertThat(onnx.note()).isEmpty();
        Path out = dir.resolve("pruned-onnx");
        Exporter.export(onnx, new OnnxTargetWriter(), out);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(out.resolve(OnnxTargetWriter.MODEL)));
        long onnxZeros = 0;
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                FloatBuffer f = t.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
                while (f.hasRemaining()) {
                    onnxZeros += f.get() == 0f ? 1 : 0;
                }
            }
        }
        assertThat(onnxZeros).as("ONNX").isEqualTo(zeros);
        for (ExportTarget target : List.of(ExportTarget.PYTORCH, ExportTarget.DJL)) {
            Path folder = dir.resolve("pruned-" + target.id());
            Exporter.export(ExportSources.fromRun(pruned, target), TargetWriters.of(target), folder);
            long npzZeros = 0;
            for (NpyArray array : NpzReader.read(folder.resolve("weights.npz"))) {
                for (float v : array.floatValues()) {
                    npzZeros += v == 0f ? 1 : 0;
                }
            }
            assertThat(npzZeros).as(target.displayName()).isEqualTo(zeros);
        }
    }

    private static long initializerBytes(ModelProto model, int dataType) {
        return model.getGraph().getInitializerList().stream().filter(t -> t.getDataType() == dataType)
                .mapToLong(t -> t.getRawData().size()).sum();
    }

    private static Map<String, WeightTensor> onnxWeights(ExportedNetwork network) {
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        for (NpyArray array : network.weights()) {
            weights.put(array.name(), new WeightTensor(array.shape(), array.floatValues()));
        }
        return weights;
    }

    /** Every float output of {@code model} for {@code x}, run with graph optimizations off (QDQ stays in float). */
    private static Map<String, float[]> runWithoutOptimizations(byte[] model, float[] x, long[] shape)
            throws Exception {
        return OnnxAgreement.runOnnx(model, x, shape, false);
    }
}
