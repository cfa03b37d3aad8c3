package org.layerloom.engine.imports.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.CONV2D;
import static org.layerloom.engine.graph.LayerKind.DENSE;
import static org.layerloom.engine.graph.LayerKind.FLATTEN;
import static org.layerloom.engine.graph.LayerKind.GELU;
import static org.layerloom.engine.graph.LayerKind.GRU;
import static org.layerloom.engine.graph.LayerKind.INPUT;
import static org.layerloom.engine.graph.LayerKind.LAYER_NORM;
import static org.layerloom.engine.graph.LayerKind.LSTM;
import static org.layerloom.engine.graph.LayerKind.OUTPUT;
import static org.layerloom.engine.graph.LayerKind.RESHAPE;
import static org.layerloom.engine.imports.onnx.OnnxImportModels.integer;
import static org.layerloom.engine.imports.onnx.OnnxImportModels.ints;
import static org.layerloom.engine.imports.onnx.OnnxImportModels.kinds;
import static org.layerloom.engine.imports.onnx.OnnxImportModels.largestDifference;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;

/**
 * Models written by hand as other exporters write them import as far as their patterns match, and the
 * imported network computes in the engine what ONNX Runtime computes for the model (within 1e-5; both are
 * float32 with different kernels).
 */
class OnnxImportPatternTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void matmul_plus_add_plus_relu_becomes_one_dense_with_relu() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 4);
        String product = m.node("MatMul", "fc/MatMul", List.of("x", m.weight("fc.w", 4, 3)));
        String biased = m.node("Add", "fc/Add", List.of(product, m.weight("fc.b", 3)));
        m.node("Relu", "y", List.of(biased));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, DENSE, OUTPUT);
        Parameters dense = node(imported, DENSE).params();
        assertThat(dense.intValue("units")).isEqualTo(3);
        assertThat(dense.choice("activation")).isEqualTo("relu");
        assertThat(dense.flag("bias")).isTrue();
        assertThat(node(imported, DENSE).name()).as("the ONNX name is kept").isEqualTo("fc/MatMul");
        assertThat(imported.weights().get(0).shape()).containsExactly(3, 4);
        assertThat(largestDifference(m.bytes(), imported, 5, 4)).isLessThan(TOLERANCE);
    }

    @Test
    void gemm_with_and_without_transposed_weight_becomes_dense() throws Exception {
        for (long transB : new long[] {0, 1}) {
            OnnxImportModels m = new OnnxImportModels().input("x", 6);
            String w = transB == 1 ? m.weight("w", 2, 6) : m.weight("w", 6, 2);
            m.node("Gemm", "y", List.of("x", w, m.weight("b", 2)), integer("transB", transB));
            m.output("y", 2);
            OnnxImport imported = OnnxImporter.read(m.bytes());

            assertThat(imported.problems()).as("transB=%d", transB).isEmpty();
            assertThat(kinds(imported)).containsExactly(INPUT, DENSE, OUTPUT);
            assertThat(node(imported, DENSE).params().intValue("units")).isEqualTo(2);
            assertThat(node(imported, OUTPUT).params().choice("loss")).isEqualTo("softmax_cross_entropy");
            assertThat(imported.notes(OnnxImportNote.Kind.LOST)).anyMatch(n -> n.message().contains("loss"));
            assertThat(largestDifference(m.bytes(), imported, 3, 6)).as("transB=%d", transB).isLessThan(TOLERANCE);
        }
    }

    @Test
    void conv_plus_relu_becomes_conv2d_and_a_folded_shape_subgraph_becomes_flatten() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("image", 2, 5, 5);
        String conv = m.node("Conv", "conv", List.of("image", m.weight("conv.w", 3, 2, 3, 3), m.weight("conv.b", 3)),
                ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1), ints("strides", 1, 1));
        String relu = m.node("Relu", "relu", List.of(conv));
        String shape = m.node("Shape", "shape", List.of(relu));
        String batch = m.node("Gather", "batch", List.of(shape, m.constantScalar("zero", 0)), integer("axis", 0));
        String unsqueezed = m.node("Unsqueeze", "batch_1d", List.of(batch, m.longs("axis0", 0)));
        String target = m.node("Concat", "target", List.of(unsqueezed, m.longs("rest", -1)), integer("axis", 0));
        String flat = m.node("Reshape", "flat", List.of(relu, target));
        m.node("Gemm", "y", List.of(flat, m.weight("fc.w", 4, 75), m.weight("fc.b", 4)), integer("transB", 1));
        m.output("y", 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, CONV2D, FLATTEN, DENSE, OUTPUT);
        Parameters c = node(imported, CONV2D).params();
        assertThat(List.of(c.intValue("filters"), c.intValue("kernel"), c.intValue("stride"), c.intValue("padding")))
                .containsExactly(3, 3, 1, 1);
        assertThat(c.choice("activation")).isEqualTo("relu");
        assertThat(largestDifference(m.bytes(), imported, 2, 2, 5, 5)).isLessThan(TOLERANCE);
    }

    @Test
    void a_small_cnn_with_batchnorm_pools_and_softmax_maps_layer_by_layer() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("image", 1, 8, 8);
        String conv = m.node("Conv", "conv", List.of("image", m.weight("conv.w", 4, 1, 3, 3)), ints("kernel_shape", 3, 3),
                ints("pads", 1, 1, 1, 1));
        String norm = m.node("BatchNormalization", "bn", List.of(conv, m.weight("bn.scale", 4), m.weight("bn.b", 4),
                m.weight("bn.mean", 4), m.floats("bn.var", new long[] {4}, 0.5f, 1f, 1.5f, 2f)), OnnxImportModels.real("epsilon", 1e-3f));
        String relu = m.node("Relu", "relu", List.of(norm));
        String max = m.node("MaxPool", "max", List.of(relu), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
        String avg = m.node("AveragePool", "avg", List.of(max), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1),
                ints("strides", 1, 1), integer("count_include_pad", 1));
        String pooled = m.node("GlobalAveragePool", "gap", List.of(avg));
        String flat = m.node("Flatten", "flat", List.of(pooled), integer("axis", 1));
        String scores = m.node("Gemm", "fc", List.of(flat, m.weight("fc.w", 3, 4), m.weight("fc.b", 3)), integer("transB", 1));
        m.node("Softmax", "y", List.of(scores), integer("axis", 1));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, CONV2D, org.layerloom.engine.graph.LayerKind.BATCH_NORM,
                org.layerloom.engine.graph.LayerKind.RELU, org.layerloom.engine.graph.LayerKind.MAX_POOL2D,
                org.layerloom.engine.graph.LayerKind.AVG_POOL2D, org.layerloom.engine.graph.LayerKind.GLOBAL_AVG_POOL2D,
                DENSE, org.layerloom.engine.graph.LayerKind.SOFTMAX, OUTPUT);
        assertThat(node(imported, org.layerloom.engine.graph.LayerKind.BATCH_NORM).params().realValue("epsilon"))
                .isEqualTo(1e-3);
        assertThat(node(imported, org.layerloom.engine.graph.LayerKind.MAX_POOL2D).params().intValue("stride")).isEqualTo(2);
        assertThat(largestDifference(m.bytes(), imported, 2, 1, 8, 8)).isLessThan(TOLERANCE);
    }

    @Test
    void average_pooling_that_leaves_padding_out_is_unmapped() {
        OnnxImportModels m = new OnnxImportModels().input("image", 1, 4, 4);
        m.node("AveragePool", "y", List.of("image"), ints("kernel_shape", 3, 3), ints("pads", 1, 1, 1, 1));
        m.output("y", 1, 4, 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).singleElement().satisfies(n -> assertThat(n.message()).contains("count_include_pad=0"));
    }

    @Test
    void a_sequence_network_with_conv1d_branches_add_and_concat_maps_and_agrees() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 6, 4);
        String channelsFirst = m.node("Transpose", "conv/t1", List.of("x"), ints("perm", 0, 2, 1));
        String conv = m.node("Conv", "conv/conv", List.of(channelsFirst, m.weight("conv.w", 5, 4, 3), m.weight("conv.b", 5)),
                ints("kernel_shape", 3), ints("pads", 1, 1));
        String stepsLast = m.node("Transpose", "conv/t2", List.of(conv), ints("perm", 0, 2, 1));
        String relu = m.node("Relu", "conv/relu", List.of(stepsLast));
        String product = m.node("MatMul", "fc/matmul", List.of(relu, m.weight("fc.w", 5, 5)));
        String dense = m.node("Add", "fc/add", List.of(m.weight("fc.b", 5), product));
        String sum = m.node("Add", "sum", List.of(relu, dense));
        String joined = m.node("Concat", "joined", List.of(sum, dense), integer("axis", 2));
        String flat = m.node("Flatten", "flat", List.of(joined), integer("axis", 1));
        m.node("Gemm", "y", List.of(flat, m.weight("head.w", 1, 60), m.weight("head.b", 1)), integer("transB", 1));
        m.output("y", 1);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, org.layerloom.engine.graph.LayerKind.CONV1D, DENSE,
                org.layerloom.engine.graph.LayerKind.ADD, org.layerloom.engine.graph.LayerKind.CONCATENATE, FLATTEN, DENSE,
                OUTPUT);
        assertThat(node(imported, org.layerloom.engine.graph.LayerKind.CONV1D).params().choice("activation")).isEqualTo("relu");
        assertThat(node(imported, org.layerloom.engine.graph.LayerKind.CONCATENATE).params().intValue("axis")).isEqualTo(-1);
        assertThat(node(imported, OUTPUT).params().choice("loss")).isEqualTo("sigmoid_binary_cross_entropy");
        assertThat(largestDifference(m.bytes(), imported, 2, 6, 4)).isLessThan(TOLERANCE);
    }

    @Test
    void a_static_export_for_a_fixed_batch_reads_its_batch_size_in_a_reshape_as_the_batch() throws Exception {
        OnnxImportModels m = new OnnxImportModels().fixedInput("image", 2, 1, 4, 4);
        String flat = m.node("Reshape", "flat", List.of("image", m.longs("target", 2, 16)));
        m.node("Gemm", "y", List.of(flat, m.weight("w", 3, 16), m.weight("b", 3)), integer("transB", 1));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, FLATTEN, DENSE, OUTPUT);
        assertThat(largestDifference(m.bytes(), imported, 2, 1, 4, 4)).isLessThan(TOLERANCE);
    }

    @Test
    void a_folded_shape_with_fixed_sizes_becomes_reshape() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 12);
        String shape = m.node("Shape", "shape", List.of("x"));
        String batch = m.node("Slice", "batch", List.of(shape, m.longs("s0", 0), m.longs("s1", 1)));
        String target = m.node("Concat", "target", List.of(batch, m.longs("rest", 3, -1)), integer("axis", 0));
        String seq = m.node("Reshape", "seq", List.of("x", target));
        m.node("Tanh", "y", List.of(seq));
        m.output("y", 3, 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(node(imported, RESHAPE).params().dims("target")).containsExactly(3, 4);
        assertThat(node(imported, OUTPUT).params().choice("loss")).isEqualTo("mse");
        assertThat(largestDifference(m.bytes(), imported, 2, 12)).isLessThan(TOLERANCE);
    }

    @Test
    void the_erf_pattern_becomes_gelu_as_a_layer_and_as_an_option() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 5);
        gelu(m, "act", "x");
        String dense = m.node("Gemm", "fc", List.of("act", m.weight("w", 4, 5), m.weight("b", 4)), integer("transB", 1));
        gelu(m, "y", dense);
        m.output("y", 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, GELU, DENSE, OUTPUT);
        assertThat(node(imported, DENSE).params().choice("activation")).isEqualTo("gelu");
        assertThat(largestDifference(m.bytes(), imported, 3, 5)).isLessThan(TOLERANCE);
    }

    @Test
    void opset_20_gelu_maps_in_its_exact_form_only() throws Exception {
        OnnxImportModels m = new OnnxImportModels().opset(20).input("x", 5);
        String act = m.node("Gelu", "act", List.of("x"));
        String dense = m.node("Gemm", "fc", List.of(act, m.weight("w", 4, 5), m.weight("b", 4)), integer("transB", 1));
        m.node("Gelu", "y", List.of(dense));
        m.output("y", 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, GELU, DENSE, OUTPUT);
        assertThat(node(imported, DENSE).params().choice("activation")).isEqualTo("gelu");
        assertThat(largestDifference(m.bytes(), imported, 3, 5)).isLessThan(TOLERANCE);

        OnnxImportModels tanh = new OnnxImportModels().opset(20).input("x", 5);
        tanh.node("Gelu", "y", List.of("x"), org.layerloom.engine.imports.onnx.OnnxImportModels.text("approximate", "tanh"));
        tanh.output("y", 5);
        assertThat(OnnxImporter.read(tanh.bytes()).problems()).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("approximate=tanh"));
    }

    /** PyTorch's export of exact GELU: {@code Div(x, √2) → Erf → Add(1) → Mul(x, ·) → Mul(0.5)}. */
    private static void gelu(OnnxImportModels m, String out, String x) {
        String div = m.node("Div", out + "/div", List.of(x, m.scalar(out + "/sqrt2", 1.4142135f)));
        String erf = m.node("Erf", out + "/erf", List.of(div));
        String plus = m.node("Add", out + "/add", List.of(erf, m.scalar(out + "/one", 1f)));
        String times = m.node("Mul", out + "/mul", List.of(x, plus));
        m.node("Mul", out, List.of(times, m.scalar(out + "/half", 0.5f)));
    }

    @Test
    void the_reduce_mean_pattern_becomes_layer_norm() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 3, 6);
        String mean = m.node("ReduceMean", "ln/mean", List.of("x"), ints("axes", -1));
        String d = m.node("Sub", "ln/sub", List.of("x", mean));
        String sq = m.node("Pow", "ln/pow", List.of(d, m.scalar("two", 2f)));
        String var = m.node("ReduceMean", "ln/var", List.of(sq), ints("axes", -1));
        String ve = m.node("Add", "ln/add_eps", List.of(var, m.scalar("eps", 1e-3f)));
        String sd = m.node("Sqrt", "ln/sqrt", List.of(ve));
        String n = m.node("Div", "ln/div", List.of(d, sd));
        String g = m.node("Mul", "ln/gamma", List.of(n, m.weight("gamma", 6)));
        m.node("Add", "y", List.of(g, m.weight("beta", 6)));
        m.output("y", 3, 6);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, LAYER_NORM, OUTPUT);
        assertThat(node(imported, LAYER_NORM).params().realValue("epsilon")).isEqualTo(1e-3);
        assertThat(largestDifference(m.bytes(), imported, 2, 3, 6)).isLessThan(TOLERANCE);
    }

    @Test
    void an_lstm_in_onnx_gate_order_gets_the_inverse_permutation() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 5, 3);
        String stepsFirst = m.node("Transpose", "t", List.of("x"), ints("perm", 1, 0, 2));
        m.node("LSTM", "lstm", List.of(stepsFirst, m.weight("W", 1, 16, 3), m.weight("R", 1, 16, 4), m.weight("B", 1, 32)),
                List.of("", "lstm_h"), integer("hidden_size", 4));
        String last = m.node("Squeeze", "last", List.of("lstm_h", m.longs("axis", 0)));
        m.node("Gemm", "y", List.of(last, m.weight("fc.w", 2, 4), m.weight("fc.b", 2)), integer("transB", 1));
        m.output("y", 2);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, LSTM, DENSE, OUTPUT);
        assertThat(node(imported, LSTM).params().intValue("units")).isEqualTo(4);
        assertThat(node(imported, LSTM).params().flag("return_sequences")).isFalse();
        assertThat(largestDifference(m.bytes(), imported, 2, 5, 3)).isLessThan(TOLERANCE);
    }

    @Test
    void an_lstm_with_zero_states_made_for_a_free_batch_size_maps_as_pytorch_exports_it() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 5, 3);
        String shape = m.node("Shape", "shape", List.of("x"));
        String batch = m.node("Gather", "batch", List.of(shape, m.constantScalar("zero", 0)), integer("axis", 0));
        String batch1d = m.node("Unsqueeze", "batch_1d", List.of(batch, m.longs("axis0", 0)));
        String stateShape = m.node("Concat", "state_shape", List.of(m.longs("one", 1), batch1d, m.longs("units", 4)),
                integer("axis", 0));
        String h0 = m.node("ConstantOfShape", "h0", List.of(stateShape));
        String c0 = m.node("Expand", "c0", List.of(m.scalar("zero_f", 0f), stateShape));
        String stepsFirst = m.node("Transpose", "t", List.of("x"), ints("perm", 1, 0, 2));
        m.node("LSTM", "lstm", List.of(stepsFirst, m.weight("W", 1, 16, 3), m.weight("R", 1, 16, 4), m.weight("B", 1, 32),
                "", h0, c0), List.of("", "lstm_h"), integer("hidden_size", 4));
        m.node("Squeeze", "y", List.of("lstm_h", m.longs("axis", 0)));
        m.output("y", 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, LSTM, OUTPUT);
        assertThat(largestDifference(m.bytes(), imported, 3, 5, 3)).isLessThan(TOLERANCE);
    }

    @Test
    void a_non_zero_initial_state_is_unmapped() {
        OnnxImportModels m = new OnnxImportModels().input("x", 5, 3);
        String stepsFirst = m.node("Transpose", "t", List.of("x"), ints("perm", 1, 0, 2));
        m.node("LSTM", "lstm", List.of(stepsFirst, m.weight("W", 1, 16, 3), m.weight("R", 1, 16, 4), m.weight("B", 1, 32),
                "", m.weight("h0", 1, 1, 4)), List.of("", "lstm_h"), integer("hidden_size", 4));
        m.node("Squeeze", "y", List.of("lstm_h", m.longs("axis", 0)));
        m.output("y", 4);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.imported()).isFalse();
        assertThat(imported.problems()).first().satisfies(n -> assertThat(n.message()).contains("initial state"));
    }

    @Test
    void a_gru_with_every_state_returned_maps_and_linear_before_reset_zero_does_not() throws Exception {
        for (long linearBeforeReset : new long[] {1, 0}) {
            OnnxImportModels m = new OnnxImportModels().input("x", 4, 3);
            String stepsFirst = m.node("Transpose", "t", List.of("x"), ints("perm", 1, 0, 2));
            m.node("GRU", "gru", List.of(stepsFirst, m.weight("W", 1, 6, 3), m.weight("R", 1, 6, 2), m.weight("B", 1, 12)),
                    List.of("gru_y"), integer("hidden_size", 2), integer("linear_before_reset", linearBeforeReset));
            String squeezed = m.node("Squeeze", "squeezed", List.of("gru_y", m.longs("axis", 1)));
            m.node("Transpose", "y", List.of(squeezed), ints("perm", 1, 0, 2));
            m.output("y", 4, 2);
            OnnxImport imported = OnnxImporter.read(m.bytes());

            if (linearBeforeReset == 1) {
                assertThat(imported.problems()).isEmpty();
                assertThat(kinds(imported)).containsExactly(INPUT, GRU, OUTPUT);
                assertThat(node(imported, GRU).params().flag("return_sequences")).isTrue();
                assertThat(largestDifference(m.bytes(), imported, 2, 4, 3)).isLessThan(TOLERANCE);
            } else {
                assertThat(imported.imported()).isFalse();
                assertThat(imported.problems()).anySatisfy(n -> {
                    assertThat(n.onnxNode()).isEqualTo("t");
                    assertThat(n.message()).contains("linear_before_reset=0");
                });
            }
        }
    }

    @Test
    void unmapped_nodes_are_each_named_in_the_report_and_nothing_is_imported() {
        OnnxImportModels m = new OnnxImportModels().input("x", 4);
        String dense = m.node("Gemm", "fc", List.of("x", m.weight("w", 4, 4)), integer("transB", 1));
        String tiled = m.node("Tile", "tile", List.of(dense, m.longs("repeats", 1, 2)));
        m.node("TopK", "topk", List.of(tiled, m.longs("k", 3)), List.of("top", "top_indices"));
        m.node("Relu", "y", List.of("top"));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.imported()).isFalse();
        assertThat(imported.weights()).isEmpty();
        assertThat(imported.notes(OnnxImportNote.Kind.UNMAPPED)).extracting(OnnxImportNote::onnxNode, OnnxImportNote::opType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tile", "Tile"),
                        org.assertj.core.groups.Tuple.tuple("topk", "TopK"),
                        org.assertj.core.groups.Tuple.tuple("y", "Relu"));
        assertThat(imported.notes(OnnxImportNote.Kind.UNMAPPED).get(0).message()).contains("no LayerLoom layer matches");
        assertThat(imported.notes(OnnxImportNote.Kind.MAPPED)).extracting(OnnxImportNote::onnxNode).contains("fc");
    }

    @Test
    void a_grouped_convolution_is_unmapped_with_its_reason() {
        OnnxImportModels m = new OnnxImportModels().input("image", 2, 4, 4);
        m.node("Conv", "y", List.of("image", m.weight("w", 2, 1, 3, 3)), ints("kernel_shape", 3, 3), integer("group", 2));
        m.output("y", 2, 2, 2);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.imported()).isFalse();
        assertThat(imported.problems()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(OnnxImportNote.Kind.UNMAPPED);
            assertThat(n.message()).contains("group=2");
        });
    }

    @Test
    void adding_a_value_to_itself_is_unmapped_with_its_reason() {
        OnnxImportModels m = new OnnxImportModels().input("x", 3);
        String relu = m.node("Relu", "relu", List.of("x"));
        m.node("Add", "y", List.of(relu, relu));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).singleElement().satisfies(n -> {
            assertThat(n.onnxNode()).isEqualTo("y");
            assertThat(n.message()).contains("twice");
        });
    }

    @Test
    void an_identity_and_a_dropout_pass_through() throws Exception {
        OnnxImportModels m = new OnnxImportModels().input("x", 3);
        String same = m.node("Identity", "same", List.of("x"));
        String dropped = m.node("Dropout", "drop", List.of(same, m.scalar("ratio", 0.25f)));
        m.node("Sigmoid", "y", List.of(dropped));
        m.output("y", 3);
        OnnxImport imported = OnnxImporter.read(m.bytes());

        assertThat(imported.problems()).isEmpty();
        assertThat(kinds(imported)).containsExactly(INPUT, org.layerloom.engine.graph.LayerKind.DROPOUT,
                org.layerloom.engine.graph.LayerKind.SIGMOID, OUTPUT);
        assertThat(node(imported, org.layerloom.engine.graph.LayerKind.DROPOUT).params().get("rate"))
                .isEqualTo(new ParamValue.Real(0.25));
        assertThat(largestDifference(m.bytes(), imported, 2, 3)).isLessThan(TOLERANCE);
    }

    private static Node node(OnnxImport imported, org.layerloom.engine.graph.LayerKind kind) {
        return imported.graph().orElseThrow().nodesOfKind(kind).get(0);
    }
}
