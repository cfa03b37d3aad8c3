package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.ValueInfoProto;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.testing.GraphBuilder;

/** The exporter's contract: what the model declares, the per-node check, and the atomic write. */
class OnnxExporterTest {

    private static final NetworkGraph GRAPH = GraphBuilder.chainOf(TensorShape.of(6, 2), "softmax_cross_entropy",
            layer(GRU, "units", 4), layer(BATCH_NORM), layer(DENSE, "units", 3));

    @TempDir
    Path folder;

    @Test
    void the_model_is_opset_17_ir_8_with_the_weights_inside_under_their_state_dict_names() throws Exception {
        ModelProto model = OnnxExporter.standard().model(report(), weights(), false);
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImportList()).singleElement()
                .satisfies(o -> assertThat(o.getDomain()).isEmpty())
                .satisfies(o -> assertThat(o.getVersion()).isEqualTo(17));
        assertThat(model.getGraph().getInitializerList()).extracting(TensorProto::getName)
                .contains("batchnorm1.weight", "batchnorm1.bias", "batchnorm1.running_mean", "batchnorm1.running_var",
                        "dense1.weight", "dense1.bias", "gru1/W", "gru1/R", "gru1/B");
        assertThat(model.getGraph().getInputList()).extracting(ValueInfoProto::getName).containsExactly("input");
        assertThat(model.getGraph().getOutputList()).extracting(ValueInfoProto::getName)
                .containsExactly("output1", "probabilities");
    }

    @Test
    void for_checking_every_node_is_an_output_named_by_its_node_id() throws Exception {
        ModelProto model = OnnxExporter.standard().model(report(), weights(), true);
        assertThat(model.getGraph().getOutputList()).extracting(ValueInfoProto::getName)
                .containsExactlyInAnyOrder("output1", "probabilities", "input1", "gru1", "batchnorm1", "dense1");
    }

    @Test
    void a_node_onnx_cannot_express_is_refused_by_name_before_anything_is_written() throws Exception {
        OnnxExporter withoutGru = OnnxExporter.with(OnnxConverters.standard().without(GRU));
        assertThat(withoutGru.check(report())).singleElement().satisfies(p -> {
            assertThat(p.nodeId()).isEqualTo("gru1");
            assertThat(p.message()).contains(GRAPH.requireNode("gru1").name()).contains("cannot be exported to ONNX");
        });
        Path file = folder.resolve("model.onnx");
        assertThatThrownBy(() -> withoutGru.export(report(), weights(), file))
                .isInstanceOf(OnnxExportRefusedException.class)
                .satisfies(e -> assertThat(((OnnxExportRefusedException) e).problems()).hasSize(1));
        assertThat(files()).isEmpty();
    }

    @Test
    void the_standard_exporter_refuses_no_node_of_the_test_graphs() {
        for (NetworkGraph graph : OnnxTestGraphs.all().values()) {
            assertThat(OnnxExporter.standard().check(GraphValidator.standard().validate(graph))).isEmpty();
        }
    }

    @Test
    void the_batch_size_is_free_and_examples_do_not_mix() throws Exception {
        ModelProto model = OnnxExporter.standard().model(report(), weights(), false);
        Random random = new Random(3);
        float[] four = new float[4 * 6 * 2];
        for (int i = 0; i < four.length; i++) {
            four[i] = (float) random.nextGaussian();
        }
        float[] first = Arrays.copyOf(four, 6 * 2);
        Set<String> outputs = Set.of("output1", "probabilities");
        Map<String, float[]> batch = OnnxAgreement.runOnnx(model, four, new long[] {4, 6, 2}, false, outputs);
        Map<String, float[]> single = OnnxAgreement.runOnnx(model, first, new long[] {1, 6, 2}, false, outputs);
        assertThat(batch.get("probabilities")).hasSize(4 * 3);
        for (String name : outputs) {
            float[] firstRow = Arrays.copyOf(batch.get(name), 3);
            assertThat(single.get(name)).as(name).containsExactly(firstRow, Offset.offset(1e-6f));
        }
    }

    @Test
    void export_replaces_the_file_in_one_step_and_leaves_no_temporary_file() throws Exception {
        Path file = folder.resolve("model.onnx");
        Files.writeString(file, "an older export");
        OnnxExporter.standard().export(report(), weights(), file);
        assertThat(files()).containsExactly(file);
        assertThat(ModelProto.parseFrom(Files.readAllBytes(file)).getGraph().getNodeCount()).isPositive();
    }

    @Test
    void an_export_that_fails_while_writing_the_model_leaves_nothing_behind() throws Exception {
        Path file = folder.resolve("model.onnx");
        Map<String, WeightTensor> missing = new HashMap<>(weights());
        missing.remove("dense1.weight");
        assertThatThrownBy(() -> OnnxExporter.standard().export(report(), missing, file))
                .hasMessageContaining("dense1.weight");
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    private static ValidationReport report() {
        return GraphValidator.standard().validate(GRAPH);
    }

    private static Map<String, WeightTensor> weights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ValidationReport report = report();
            GraphBlock block = GraphCompiler.standard().compile(report);
            block.initialize(manager, DataType.FLOAT32,
                    OnnxAgreement.withBatch(report.outputOf(block.inputNodeId()).orElseThrow()));
            return OnnxWeights.of(TorchStateDict.of(GRAPH, block));
        }
    }
}
