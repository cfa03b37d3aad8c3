package org.layerloom.engine.imports.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.imports.onnx.OnnxImportModels.integer;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import onnx.Onnx.ModelProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, truncated and unsupported files give a clear report line and no graph, never an exception;
 * each case checks the words that tell a student what is wrong.
 */
class OnnxImportMalformedTest {

    /** A small valid model to damage: x (batch, 4) → Gemm → Relu → y. */
    private static OnnxImportModels valid() {
        OnnxImportModels m = new OnnxImportModels().input("x", 4);
        String dense = m.node("Gemm", "fc", List.of("x", m.weight("w", 3, 4), m.weight("b", 3)), integer("transB", 1));
        m.node("Relu", "y", List.of(dense));
        m.output("y", 3);
        return m;
    }

    private static OnnxImport damaged(UnaryOperator<ModelProto.Builder> change) {
        return OnnxImporter.read(change.apply(valid().model().toBuilder()).build().toByteArray());
    }

    private static void assertRefused(OnnxImport result, String... words) {
        assertThat(result.imported()).isFalse();
        assertThat(result.weights()).isEmpty();
        assertThat(result.problems()).isNotEmpty();
        assertThat(result.problems().get(0).message()).contains(words);
    }

    @Test
    void the_valid_model_imports() {
        assertThat(OnnxImporter.read(valid().bytes()).problems()).isEmpty();
    }

    @Test
    void bytes_that_are_not_protobuf_are_not_an_onnx_model() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xff);
        assertRefused(OnnxImporter.read(garbage), "not an ONNX model");
    }

    @Test
    void a_text_file_is_not_an_onnx_model() {
        assertRefused(OnnxImporter.read("name,value\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "not an ONNX model");
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(OnnxImporter.read(new byte[0]), "empty");
    }

    @Test
    void a_truncated_file_is_cut_short() {
        byte[] bytes = valid().bytes();
        assertRefused(OnnxImporter.read(Arrays.copyOf(bytes, bytes.length - 7)), "cut short or damaged");
    }

    @Test
    void a_missing_initializer_names_the_node_and_value() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().removeInitializer(1);
            return b;
        });
        assertRefused(result, "reads the value 'b'", "missing initializer");
        assertThat(result.problems().get(0).onnxNode()).isEqualTo("fc");
    }

    @Test
    void an_unknown_opset_is_refused() {
        assertRefused(damaged(b -> b.setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("").setVersion(99))),
                "opset 99", "opsets 9 to 21");
    }

    @Test
    void a_model_without_the_default_opset_is_refused() {
        assertRefused(damaged(b -> b.setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))),
                "names no ONNX opset");
    }

    @Test
    void a_dynamic_feature_axis_needs_a_fixed_input_size() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
                    .setDim(1, TensorShapeProto.Dimension.newBuilder().setDimParam("features"));
            return b;
        });
        assertRefused(result, "dynamic shape", "'features'", "fixed size");
    }

    @Test
    void a_model_without_a_graph_is_not_an_onnx_model() {
        assertRefused(OnnxImporter.read(ModelProto.newBuilder().setIrVersion(8).build().toByteArray()), "no graph");
    }

    @Test
    void a_tensor_whose_bytes_do_not_fill_its_shape_is_damaged() {
        OnnxImport result = damaged(b -> {
            TensorProto.Builder w = b.getGraphBuilder().getInitializerBuilder(0);
            w.setRawData(w.getRawData().substring(0, 8));
            return b;
        });
        assertRefused(result, "tensor w", "damaged");
    }

    @Test
    void a_tensor_in_an_external_file_is_refused() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getInitializerBuilder(0).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .setRawData(ByteString.EMPTY);
            return b;
        });
        assertRefused(result, "external file");
    }

    @Test
    void two_inputs_are_refused() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().addInput(OnnxImportModels.info("mask", TensorProto.DataType.FLOAT_VALUE, 4));
            return b;
        });
        assertRefused(result, "2 inputs", "exactly one");
    }

    @Test
    void a_string_input_is_refused() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
                    .setElemType(TensorProto.DataType.STRING_VALUE);
            return b;
        });
        assertRefused(result, "element type");
    }

    @Test
    void a_value_made_twice_is_damaged() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getNodeBuilder(1).setOutput(0, "fc");
            return b;
        });
        assertRefused(result, "already made elsewhere");
    }

    @Test
    void nodes_out_of_order_are_reported() {
        OnnxImport result = damaged(b -> {
            var first = b.getGraphBuilder().getNode(0);
            b.getGraphBuilder().removeNode(0).addNode(first);
            return b;
        });
        assertRefused(result, "reads the value 'fc'", "out of order");
    }

    @Test
    void an_output_made_by_no_node_is_damaged() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getOutputBuilder(0).setName("nowhere");
            return b;
        });
        assertRefused(result, "'nowhere'", "made by no node");
    }

    @Test
    void a_custom_domain_operator_is_unmapped() {
        OnnxImport result = damaged(b -> {
            b.getGraphBuilder().getNodeBuilder(1).setDomain("com.microsoft").setOpType("FusedRelu");
            return b;
        });
        assertRefused(result, "custom domain 'com.microsoft'");
        assertThat(result.problems().get(0).onnxNode()).isEqualTo("y");
    }

    @Test
    void a_file_that_does_not_exist_is_reported(@TempDir Path dir) {
        assertRefused(OnnxImporter.read(dir.resolve("missing.onnx")), "missing.onnx", "cannot be read");
    }

    @Test
    void a_model_file_imports_from_disk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.onnx");
        Files.write(file, valid().bytes());
        assertThat(OnnxImporter.read(file).imported()).isTrue();
    }
}
