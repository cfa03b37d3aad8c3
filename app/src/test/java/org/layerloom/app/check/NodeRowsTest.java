package org.layerloom.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.testing.GraphBuilder;

class NodeRowsTest {

    private static Node node(String id, LayerKind kind) {
        return kind == LayerKind.INPUT ? GraphBuilder.node(id, kind, 0, 0, "shape", new int[] {8})
                : GraphBuilder.node(id, kind, 0, 0);
    }

    private static List<String> order(NetworkGraph graph) {
        return NodeRows.of(GraphValidator.standard().validate(graph)).stream().map(NodeRow::id).toList();
    }

    @Test
    void rows_follow_the_data_not_the_order_nodes_were_added() {
        NetworkGraph graph = new NetworkGraph(
                List.of(node("out", LayerKind.OUTPUT), node("dense", LayerKind.DENSE), node("in", LayerKind.INPUT)),
                List.of(Wire.between("in", "dense"), Wire.between("dense", "out")));

        assertThat(order(graph)).containsExactly("in", "dense", "out");
    }

    @Test
    void rows_of_a_residual_branch_come_before_the_merge() {
        NetworkGraph graph = new NetworkGraph(
                List.of(node("in", LayerKind.INPUT), node("add", LayerKind.ADD), node("relu", LayerKind.RELU),
                        node("out", LayerKind.OUTPUT)),
                List.of(Wire.between("in", "relu"), Wire.between("relu", "add"), Wire.between("in", "add"),
                        Wire.between("add", "out")));

        List<NodeRow> rows = NodeRows.of(GraphValidator.standard().validate(graph));

        assertThat(rows).extracting(NodeRow::id).containsExactly("in", "relu", "add", "out");
        assertThat(rows).extracting(NodeRow::number).containsExactly(1, 2, 3, 4);
        assertThat(rows.get(2).outputText()).isEqualTo("8");
    }

    @Test
    void nodes_in_a_loop_come_last_with_unknown_shapes() {
        NetworkGraph graph = new NetworkGraph(
                List.of(node("a", LayerKind.RELU), node("in", LayerKind.INPUT), node("b", LayerKind.RELU)),
                List.of(Wire.between("a", "b"), Wire.between("b", "a")));

        List<NodeRow> rows = NodeRows.of(GraphValidator.standard().validate(graph));

        assertThat(rows).extracting(NodeRow::id).containsExactly("in", "a", "b");
        assertThat(rows.get(1).outputText()).isEqualTo("?");
        assertThat(rows.get(1).parametersText()).isEqualTo("?");
    }
}
