package org.layerloom.engine.export.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

class ExportCheckTest {

    private static final NetworkGraph MLP = GraphBuilder.chainOf(TensorShape.of(4), "softmax_cross_entropy",
            layer(DENSE, "units", 8, "activation", "relu"), layer(DROPOUT), layer(DENSE, "units", 3));

    @Test
    void a_valid_network_with_editor_ids_exports_to_pytorch_without_problems() {
        assertThat(check(MLP)).isEmpty();
    }

    @Test
    void every_layer_kind_has_a_pytorch_twin() {
        PyTorchSupport support = new PyTorchSupport();
        for (LayerKind kind : LayerKind.values()) {
            Node node = GraphBuilder.node("layer1", kind, 0, 0);
            assertThat(support.refusal(node, null)).as(kind.id()).isEmpty();
        }
    }

    @Test
    void an_id_that_is_no_python_name_is_refused_naming_the_node() {
        NetworkGraph graph = withIdOfSecondDense(MLP, "out-layer");
        List<Problem> problems = check(graph);
        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.code()).isEqualTo(ProblemCode.NOT_EXPORTABLE);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.nodeIds()).containsExactly("out-layer");
        assertThat(problem.message()).startsWith("out-layer (Dense) cannot be exported to PyTorch: its id \"out-layer\""
                + " is not a Python name").contains("such as \"layer1\"");
        assertThat(ExportCheck.allowsExport(problems)).isFalse();
    }

    @Test
    void keywords_and_module_members_are_refused_as_ids() {
        for (String id : List.of("class", "train", "forward", "_private", "to", "self", "9lives")) {
            assertThat(check(withIdOfSecondDense(MLP, id))).as(id).singleElement()
                    .satisfies(p -> assertThat(p.nodeIds()).containsExactly(id));
        }
        assertThat(check(withIdOfSecondDense(MLP, "trainer_head"))).isEmpty();
    }

    @Test
    void a_target_refusal_names_every_refused_node_and_validation_errors_come_first() {
        NetworkGraph graph = GraphBuilder.chainOf(TensorShape.of(5, 3), "mse", layer(LSTM, "units", 4, "return_sequences",
                true), layer(LSTM, "units", 2));
        NodeSupport noLstm = (node, report) -> node.kind() == LSTM
                ? Optional.of("the target has no LSTM.") : Optional.empty();
        List<Problem> problems = ExportCheck.problems(GraphValidator.standard().validate(graph), "Elsewhere", noLstm);
        assertThat(problems).extracting(p -> p.nodeIds().get(0)).containsExactly("lstm1", "lstm2");
        assertThat(problems.get(0).message()).isEqualTo("LSTM 1 cannot be exported to Elsewhere: the target has no LSTM.");

        NetworkGraph broken = GraphBuilder.chainOf(TensorShape.of(4), "mse", layer(CONV2D));
        List<Problem> brokenProblems = check(broken);
        assertThat(brokenProblems).isNotEmpty();
        assertThat(brokenProblems.get(0).code()).isEqualTo(ProblemCode.SHAPE_REJECTED);
        assertThat(ExportCheck.allowsExport(brokenProblems)).isFalse();
    }

    @Test
    void a_node_whose_output_goes_nowhere_is_left_out_with_a_warning() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(4));
        String dense = b.add(DENSE, "units", 2);
        String spare = b.add(RELU);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, dense, out).wire(in, spare);
        List<Problem> problems = check(b.build());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.nodeIds()).containsExactly(spare);
            assertThat(p.message()).isEqualTo("ReLU 1 is left out of the export: its output goes nowhere, so it does not"
                    + " change the prediction.");
        });
        assertThat(ExportCheck.allowsExport(problems)).isTrue();
    }

    @Test
    void targets_are_found_by_their_command_line_name() {
        assertThat(ExportTarget.fromId("PyTorch")).contains(ExportTarget.PYTORCH);
        assertThat(ExportTarget.fromId("keras")).isEmpty();
    }

    private static List<Problem> check(NetworkGraph graph) {
        return ExportCheck.problems(GraphValidator.standard().validate(graph), ExportTarget.PYTORCH);
    }

    /** The graph with the second Dense node (dense2) under a new id, its wires following. */
    private static NetworkGraph withIdOfSecondDense(NetworkGraph graph, String id) {
        GraphBuilder b = new GraphBuilder();
        for (Node node : graph.nodes()) {
            b.add(node.id().equals("dense2") ? new Node(id, node.kind(), id, node.params(), node.position()) : node);
        }
        for (var wire : graph.wires()) {
            b.wire(rename(wire.from().nodeId(), id), rename(wire.to().nodeId(), id));
        }
        return b.build();
    }

    private static String rename(String nodeId, String id) {
        return nodeId.equals("dense2") ? id : nodeId;
    }
}
