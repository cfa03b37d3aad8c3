package org.layerloom.engine.graph;

import org.layerloom.engine.testing.GraphBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

class GraphEditsTest {

    private NetworkGraph residualBlock() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, "shape", new int[] {8});
        String dense = b.add(LayerKind.DENSE, "units", 8);
        String add = b.add(LayerKind.ADD);
        String out = b.add(LayerKind.OUTPUT, "loss", "mse");
        return b.chain(in, dense, add).wire(in, add).chain(add, out).build();
    }

    @Test
    void new_nodes_get_fresh_ids_names_and_default_parameters() {
        NetworkGraph graph = residualBlock();
        Node node = GraphEdits.newNode(graph, LayerKind.DENSE, Position.ORIGIN, Parameters.empty());
        assertThat(node.id()).isEqualTo("dense2");
        assertThat(node.name()).isEqualTo("Dense 2");
        assertThat(node.params().intValue("units")).isEqualTo(64);
        assertThat(node.params().choice("activation")).isEqualTo("none");
    }

    @Test
    void deleting_a_node_takes_its_wires_and_undo_restores_them_in_order() {
        NetworkGraph graph = residualBlock();
        CompositeEdit delete = GraphEdits.removeNodes(graph, List.of("dense1"));
        NetworkGraph after = delete.applyTo(graph);
        assertThat(after.contains("dense1")).isFalse();
        assertThat(after.wires()).noneMatch(w -> w.touches("dense1"));
        assertThat(delete.description()).isEqualTo("Delete Dense 1");
        assertThat(delete.inverted().applyTo(after)).isEqualTo(graph);
    }

    @Test
    void inserting_on_a_merge_wire_keeps_the_order_of_the_inputs() {
        NetworkGraph graph = residualBlock();
        Wire first = graph.wiresInto("add1").get(0);
        NetworkGraph after = GraphEdits.insertOnWire(graph, first, LayerKind.RELU, Parameters.empty(), "Insert ReLU")
                .applyTo(graph);
        List<Wire> into = after.wiresInto("add1");
        assertThat(into.get(0).from().nodeId()).isEqualTo("relu1");
        assertThat(into.get(1).from().nodeId()).isEqualTo("input1");
    }

    @Test
    void a_layer_inserted_between_close_neighbours_gets_room_and_moves_what_follows() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(0, 100), GraphBuilder.params("shape", new int[] {8}));
        String dense = b.add(LayerKind.DENSE, new Position(180, 100), Parameters.empty());
        String out = b.add(LayerKind.OUTPUT, new Position(360, 100), GraphBuilder.params("loss", "mse"));
        NetworkGraph graph = b.chain(in, dense, out).build();
        Wire wire = graph.wiresInto(dense).get(0);

        CompositeEdit edit = GraphEdits.insertOnWire(graph, wire, LayerKind.RELU, Parameters.empty(), "Insert ReLU");
        NetworkGraph after = edit.applyTo(graph);

        double step = GraphEdits.NODE_WIDTH + GraphEdits.INSERT_GAP;
        Node relu = after.nodesOfKind(LayerKind.RELU).get(0);
        assertThat(relu.position()).isEqualTo(new Position(step, 100));
        assertThat(after.requireNode(dense).position().x()).isEqualTo(2 * step);
        assertThat(after.requireNode(out).position().x()).isEqualTo(2 * step + 180);
        assertThat(after.requireNode(in).position()).isEqualTo(new Position(0, 100));
        assertThat(edit.inverted().applyTo(after)).isEqualTo(graph);
    }

    @Test
    void a_layer_inserted_into_a_wide_gap_goes_halfway_and_moves_nothing() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, new Position(0, 0), GraphBuilder.params("shape", new int[] {8}));
        String out = b.add(LayerKind.OUTPUT, new Position(0, 600), GraphBuilder.params("loss", "mse"));
        NetworkGraph graph = b.chain(in, out).build();

        NetworkGraph after = GraphEdits.insertOnWire(graph, graph.wires().get(0), LayerKind.RELU, Parameters.empty(),
                "Insert ReLU").applyTo(graph);

        assertThat(after.nodesOfKind(LayerKind.RELU).get(0).position()).isEqualTo(new Position(0, 300));
        assertThat(after.requireNode(out).position()).isEqualTo(new Position(0, 600));
    }

    @Test
    void remove_and_bridge_wires_the_source_to_every_target() {
        GraphBuilder b = new GraphBuilder();
        String in = b.add(LayerKind.INPUT, "shape", new int[] {8});
        String softmax = b.add(LayerKind.SOFTMAX);
        String out = b.add(LayerKind.OUTPUT, "loss", "mse");
        String dense = b.add(LayerKind.DENSE, "units", 2);
        NetworkGraph graph = b.chain(in, softmax, out).chain(softmax, dense).build();

        NetworkGraph after = GraphEdits.removeAndBridge(graph, softmax, "Remove Softmax 1").applyTo(graph);

        assertThat(after.contains(softmax)).isFalse();
        assertThat(after.wiresFrom(in)).extracting(w -> w.to().nodeId()).containsExactly(out, dense);
    }

    @Test
    void bridging_onto_an_existing_wire_keeps_one_wire() {
        NetworkGraph graph = residualBlock();
        NetworkGraph after = GraphEdits.removeAndBridge(graph, "dense1", "Remove Dense 1").applyTo(graph);
        assertThat(after.wiresInto("add1")).extracting(w -> w.from().nodeId()).containsExactly("input1");
    }

    @Test
    void an_edit_that_does_not_fit_the_graph_is_refused_and_changes_nothing() {
        GraphDocument document = new GraphDocument(residualBlock());
        NetworkGraph before = document.graph();
        GraphEdit stale = GraphEdits.rename(before, "dense1", "Hidden");
        document.apply(stale);
        assertThatThrownBy(() -> document.apply(stale)).isInstanceOf(IllegalStateException.class);
        assertThat(document.graph()).isEqualTo(stale.applyTo(before));
        assertThatThrownBy(() -> new NetworkGraph(List.of(), List.of(Wire.between("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_document_counts_revisions_and_tells_listeners_once_per_update_block() {
        GraphDocument document = new GraphDocument();
        List<Long> seen = new ArrayList<>();
        document.addListener(d -> seen.add(d.revision()));

        document.apply(GraphEdits.addNode(document.graph(), LayerKind.INPUT, Position.ORIGIN));
        document.beginUpdate();
        document.apply(GraphEdits.addNode(document.graph(), LayerKind.DENSE, Position.ORIGIN));
        document.apply(GraphEdits.connect(document.graph(), PortRef.out("input1"), PortRef.in("dense1")));
        assertThat(seen).containsExactly(1L);
        document.endUpdate();

        assertThat(seen).containsExactly(1L, 3L);
        assertThat(document.graph().wires()).hasSize(1);
        assertThatThrownBy(document::endUpdate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void edits_describe_themselves_for_the_undo_menu() {
        NetworkGraph graph = residualBlock();
        assertThat(GraphEdits.setParameter(graph, "dense1", "units", new ParamValue.Int(16)).description())
                .isEqualTo("Set units of Dense 1 to 16");
        assertThat(GraphEdits.addNode(graph, LayerKind.CONV2D, Position.ORIGIN).description()).isEqualTo("Add Conv2D 1");
        assertThat(GraphEdits.rename(graph, "dense1", "Hidden").inverted().description()).isEqualTo("Rename Hidden to Dense 1");
    }
}
