package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.engine.graph.GraphDocument;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.CompositeEdit;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.graph.edit.MoveNodeEdit;

class UndoManagerTest {

    private final GraphDocument document = new GraphDocument(TestGraphs.mlp());
    private final UndoManager undo = new UndoManager(document, 3);

    @Test
    void undo_restores_the_graph_and_redo_reapplies_the_edit() {
        NetworkGraph before = document.graph();
        undo.execute(GraphEdits.addNode(before, LayerKind.DROPOUT, Position.ORIGIN), "Add Dropout 1");
        NetworkGraph after = document.graph();

        undo.undo();
        assertThat(document.graph()).isEqualTo(before);
        assertThat(undo.redoName()).contains("Add Dropout 1");

        undo.redo();
        assertThat(document.graph()).isEqualTo(after);
        assertThat(undo.undoName()).contains("Add Dropout 1");
    }

    @Test
    void the_depth_cap_forgets_the_oldest_steps() {
        for (int i = 0; i < 5; i++) {
            undo.execute(GraphEdits.addNode(document.graph(), LayerKind.DROPOUT, Position.ORIGIN), "Add " + i);
        }
        assertThat(undo.undoDepth()).isEqualTo(3);
        undo.undo();
        undo.undo();
        undo.undo();
        assertThat(undo.canUndo()).isFalse();
        assertThat(document.graph().nodesOfKind(LayerKind.DROPOUT)).hasSize(2);
    }

    @Test
    void consecutive_moves_of_the_same_node_become_one_step_from_the_first_start_to_the_last_end() {
        Position start = document.graph().requireNode("dense1").position();
        undo.execute(move("dense1", new Position(10, 10)), "Move", "k");
        undo.execute(move("dense1", new Position(20, 20)), "Move", "k");
        undo.execute(move("dense1", new Position(30, 30)), "Move", "k");

        assertThat(undo.undoDepth()).isEqualTo(1);
        undo.undo();
        assertThat(document.graph().requireNode("dense1").position()).isEqualTo(start);
    }

    @Test
    void a_move_after_an_undo_starts_a_new_step() {
        undo.execute(move("dense1", new Position(10, 10)), "Move", "k");
        undo.execute(move("dense2", new Position(10, 10)), "Move", "k2");
        undo.undo();
        undo.execute(move("dense1", new Position(40, 40)), "Move", "k");

        assertThat(undo.undoDepth()).isEqualTo(2);
    }

    @Test
    void an_edit_started_from_a_listener_while_another_is_applied_is_refused() {
        document.addListener(d -> {
            if (d.graph().nodesOfKind(LayerKind.DROPOUT).size() == 1) {
                assertThatThrownBy(() -> undo.execute(GraphEdits.addNode(d.graph(), LayerKind.RELU, Position.ORIGIN),
                        "Add")).isInstanceOf(IllegalStateException.class).hasMessageContaining("another");
            }
        });
        undo.execute(GraphEdits.addNode(document.graph(), LayerKind.DROPOUT, Position.ORIGIN), "Add Dropout 1");

        assertThat(undo.undoDepth()).isEqualTo(1);
        assertThat(document.graph().nodesOfKind(LayerKind.RELU)).isEmpty();
    }

    @Test
    void an_edit_that_does_not_fit_leaves_document_and_history_unchanged() {
        NetworkGraph before = document.graph();
        assertThatThrownBy(() -> undo.execute(new MoveNodeEdit("dense1", new Position(99, 99), Position.ORIGIN), "Move"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(document.graph()).isEqualTo(before);
        assertThat(undo.canUndo()).isFalse();
    }

    @Test
    void the_state_returns_to_its_earlier_value_when_undo_goes_back() {
        long start = undo.state();
        undo.execute(GraphEdits.addNode(document.graph(), LayerKind.DROPOUT, Position.ORIGIN), "Add");
        assertThat(undo.state()).isNotEqualTo(start);
        undo.undo();
        assertThat(undo.state()).isEqualTo(start);
    }

    @Test
    void merging_other_edits_keeps_both_in_order() {
        var a = GraphEdits.addNode(document.graph(), LayerKind.DROPOUT, Position.ORIGIN);
        var merged = UndoManager.merge(a, move("dense1", Position.ORIGIN), "Both");
        assertThat(merged).isInstanceOf(CompositeEdit.class);
        assertThat(((CompositeEdit) merged).edits()).hasSize(2);
        assertThat(List.of(merged.description())).containsExactly("Both");
    }

    private MoveNodeEdit move(String id, Position to) {
        return new MoveNodeEdit(id, document.graph().requireNode(id).position(), to);
    }
}
