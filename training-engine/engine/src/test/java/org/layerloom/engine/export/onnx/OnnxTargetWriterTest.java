package org.layerloom.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.layerloom.engine.graph.LayerKind.DENSE;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.ModelProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.export.ExportRefusedException;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.Exporter;
import org.layerloom.engine.export.TargetWriters;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.testing.GraphBuilder;

/** The ONNX target through the exporter every target shares: the check first, then model.onnx in place. */
class OnnxTargetWriterTest {

    private static final NetworkGraph MLP = GraphBuilder.chainOf(TensorShape.of(4), "mse",
            layer(DENSE, "units", 3, "activation", "relu"), layer(DENSE, "units", 2));

    @TempDir
    Path tmp;

    @Test
    void the_exporter_writes_model_onnx_that_onnx_runtime_runs_to_the_engine_s_numbers() throws Exception {
        float[] input = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1f, 0.25f, -2f};
        try (NDManager manager = NDManager.newBaseManager()) {
            ValidationReport report = GraphValidator.standard().validate(MLP);
            GraphBlock block = GraphCompiler.standard().compile(report);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            ExportedNetwork network = ExportedNetwork.of("mlp", report, block);
            NDArray x = manager.create(input, new Shape(2, 4));
            float[] engine = block.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();

            Path out = tmp.resolve("mlp-onnx");
            Exporter.export(network, TargetWriters.of(ExportTarget.ONNX), out);

            assertThat(out.resolve(OnnxTargetWriter.MODEL)).isRegularFile();
            try (var files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("model.onnx");
            }
            ModelProto model = ModelProto.parseFrom(Files.readAllBytes(out.resolve(OnnxTargetWriter.MODEL)));
            assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(OnnxExporter.OPSET);
            String output = model.getGraph().getOutput(0).getName();
            Map<String, float[]> onnx = OnnxAgreement.runOnnx(model, input, new long[] {2, 4}, false, Set.of(output));
            float[] exported = onnx.get(output);
            assertThat(exported).hasSameSizeAs(engine);
            for (int i = 0; i < engine.length; i++) {
                assertThat(exported[i]).as("output %d", i)
                        .isCloseTo(engine[i], org.assertj.core.data.Offset.offset(1e-5f * Math.max(1, Math.abs(engine[i]))));
            }
        }
    }

    @Test
    void a_node_named_like_one_of_the_model_s_own_values_is_refused_before_anything_is_written() throws Exception {
        NetworkGraph renamed = GraphBuilder.renamed(MLP, "dense2", "probabilities");
        try (NDManager manager = NDManager.newBaseManager()) {
            ValidationReport report = GraphValidator.standard().validate(renamed);
            GraphBlock block = GraphCompiler.standard().compile(report);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            ExportedNetwork network = ExportedNetwork.of("mlp", report, block);

            assertThatThrownBy(() -> Exporter.export(network, TargetWriters.of(ExportTarget.ONNX),
                    tmp.resolve("never"))).isInstanceOfSatisfying(ExportRefusedException.class, e -> {
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo(ProblemCode.NOT_EXPORTABLE);
                            assertThat(p.nodeIds()).containsExactly("probabilities");
                        });
                        assertThat(e.getMessage()).contains("cannot be exported to ONNX");
                    });
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
