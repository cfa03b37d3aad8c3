package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.CONV1D;
import static org.layerloom.engine.graph.LayerKind.DENSE;
import static org.layerloom.engine.graph.LayerKind.FLATTEN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.compress.ActivationRange;
import org.layerloom.engine.compress.Int8Weights;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.ExportedQuantization;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * The QDQ form of int8 networks made here (seeded weights quantized per output channel, every node's output range
 * taken from a seeded batch), node by node in ONNX Runtime with graph optimizations off against LayerLoom's
 * rounded forward pass: the maps graph (Conv2D, BatchNorm, pooling, LayerNorm, Concatenate, Dense as Gemm) and a
 * sequence graph without recurrent layers (Conv1D, Dense on every step as MatMul with the transposed int8 weight,
 * so per-channel scales on axis 1). Layers whose int8 weights ONNX cannot take refuse the export, named.
 *
 * <p><b>Tolerance.</b> As in the trained variant's test ({@code OnnxQuantizedVariantExportTest}): a value lands on
 * the same 8-bit level in both (then they agree to float32 rounding) or, where it lies within float32 rounding of
 * the middle between two levels, on the neighbouring one; such a flip may move the levels downstream by one too.
 * So every value agrees within 1.5 levels of its node, and at most 1 in 500 values is a level apart.
 */
class OnnxQuantizedGraphsTest {

    private static final int CALIBRATION = 64;
    private static final int BATCH = 16;

    @Test
    void int8_maps_graph_runs_in_onnx_runtime_as_layerloom_rounds_it() throws Exception {
        assertQdqAgrees("maps", OnnxTestGraphs.maps());
    }

    @Test
    void int8_dense_on_steps_uses_per_channel_scales_on_the_transposed_axis() throws Exception {
        NetworkGraph graph = GraphBuilder.chainOf(TensorShape.of(10, 3), "softmax_cross_entropy",
                GraphBuilder.layer(CONV1D, "filters", 8, "kernel", 3, "stride", 2, "padding", 1, "activation", "tanh"),
                GraphBuilder.layer(DENSE, "units", 4, "activation", "relu"), GraphBuilder.layer(FLATTEN),
                GraphBuilder.layer(DENSE, "units", 3));
        onnx.Onnx.ModelProto model = assertQdqAgrees("steps", graph);
        assertThat(model.getGraph().getNodeList()).anySatisfy(n -> {
            assertThat(n.getOpType()).isEqualTo("DequantizeLinear");
            assertThat(n.getOutput(0)).endsWith("/weight_t");
            assertThat(n.getAttribute(0).getI()).as("axis").isEqualTo(1);
        });
    }

    @Test
    void int8_recurrent_and_token_layers_are_refused_by_name() throws Exception {
        for (NetworkGraph graph : List.of(OnnxTestGraphs.sequences(), OnnxTestGraphs.tokens())) {
            ExportedNetwork network = ExportSources.initial(project("refused", graph), ExportTarget.ONNX);
            Map<String, ActivationRange> ranges = new LinkedHashMap<>();
            network.nodeIds().forEach(id -> ranges.put(id, ActivationRange.empty()));
            ExportedQuantization quantization = new ExportedQuantization(
                    Int8Weights.of(compressWeights(network)).quantized(), ranges);
            List<OnnxExportProblem> problems = OnnxExporter.standard().check(network.report(), quantization);
            assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                    .containsAnyOf("cannot be exported to ONNX as int8", "takes token ids"));
            assertThat(OnnxExporter.standard().check(network.report(), null)).isEmpty();
            assertThatThrownBy(() -> OnnxExporter.standard().model(network.report(), onnxWeights(network), false,
                    quantization)).isInstanceOf(OnnxExportRefusedException.class).hasMessageContaining("int8");
            problems.forEach(p -> System.out.println(p.message()));
        }
    }

    private static onnx.Onnx.ModelProto assertQdqAgrees(String name, NetworkGraph graph) throws Exception {
        ExportedNetwork floats = ExportSources.initial(project(name, graph), ExportTarget.ONNX);
        Map<String, float[]> calibration = ReferenceOutputs.of(floats,
                ReferenceOutputs.seededBatch(floats, CALIBRATION, 5));
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        for (String id : floats.nodeIds()) {
            ranges.put(id, ActivationRange.empty().observe(calibration.get(id)));
        }
        Int8Weights int8 = Int8Weights.of(compressWeights(floats));
        List<NpyArray> dequantized = new ArrayList<>();
        int8.weights().forEach(w -> dequantized.add(NpyArray.floats(w.name(), w.shape(), w.values())));
        ExportedNetwork network = floats.withWeights(dequantized)
                .withQuantization(new ExportedQuantization(int8.quantized(), ranges));

        ReferenceOutputs.Batch batch = ReferenceOutputs.seededBatch(network, BATCH, 6);
        Map<String, float[]> layerloom = ReferenceOutputs.of(network, batch);
        onnx.Onnx.ModelProto model = OnnxExporter.standard().model(network.report(), onnxWeights(network), true,
                network.quantization());
        Map<String, float[]> ort = OnnxAgreement.runOnnx(model.toByteArray(), batch.values(), batch.shape(), false);
        long flips = 0;
        long values = 0;
        for (String id : network.nodeIds()) {
            float level = ranges.get(id).scale();
            float[] a = layerloom.get(id);
            float[] b = ort.get(id);
            assertThat(b).as(id).hasSameSizeAs(a);
            long nodeFlips = 0;
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs(a[i] - b[i]);
                assertThat(d).as("%s %s[%d]", name, id, i).isLessThan(1.5 * level);
                nodeFlips += d > level / 2 ? 1 : 0;
            }
            flips += nodeFlips;
            values += a.length;
        }
        System.out.printf("%s: %d of %d values a level apart%n", name, flips, values);
        assertThat(flips).isLessThanOrEqualTo(values / 500);
        long rounded = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("QuantizeLinear"))
                .count();
        assertThat(rounded).isEqualTo(network.nodeIds().size());
        return model;
    }

    private static Project project(String name, NetworkGraph graph) {
        return new Project(name, graph, DatasetChoice.of(DatasetChoice.NO_DATASET), new TrainingSettings(
                OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 16, 1, 0.1, 11, DeviceChoice.CPU));
    }

    private static List<org.layerloom.engine.compress.WeightTensor> compressWeights(ExportedNetwork network) {
        List<org.layerloom.engine.compress.WeightTensor> weights = new ArrayList<>();
        for (NpyArray array : network.weights()) {
            weights.add(new org.layerloom.engine.compress.WeightTensor(array.name(), array.shape(),
                    array.floatValues()));
        }
        return weights;
    }

    private static Map<String, WeightTensor> onnxWeights(ExportedNetwork network) {
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        for (NpyArray array : network.weights()) {
            weights.put(array.name(), new WeightTensor(array.shape(), array.floatValues()));
        }
        return weights;
    }

}
