package org.layerloom.editor.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.TidyLayout;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.Wire;

/** The commands that edit the graph: each is one undo step, and no-ops are refused up front. */
class GraphEditCommandsTest {

    private final EditorViewModel editor = TestGraphs.editorWith(TestGraphs.mlp());
    private final NetworkGraph start = editor.graph();

    private void assertUndoRestoresAndRedoReapplies() {
        NetworkGraph after = editor.graph();
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(start);
        new RedoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(after);
    }

    @Test
    void add_node_adds_a_layer_with_defaults_and_selects_it() {
        AddNodeCommand add = new AddNodeCommand(editor, LayerKind.DROPOUT, new Position(40, 60));
        add.execute();

        assertThat(editor.graph().requireNode(add.nodeId()).position()).isEqualTo(new Position(40, 60));
        assertThat(editor.selection().nodes()).containsExactly(add.nodeId());
        assertThat(editor.undoManager().undoName()).contains("Add Dropout 1");
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void delete_selection_removes_layers_with_their_wires_and_undo_restores_the_wires() {
        editor.selection().selectOnly("dense1");
        DeleteSelectionCommand delete = new DeleteSelectionCommand(editor);
        assertThat(delete.name()).isEqualTo("Delete dense1");
        delete.execute();

        assertThat(editor.graph().contains("dense1")).isFalse();
        assertThat(editor.graph().wires()).hasSize(1);
        assertThat(editor.selection().isEmpty()).isTrue();
        new UndoCommand(editor).execute();
        assertThat(editor.graph().wires()).isEqualTo(start.wires());
    }

    @Test
    void delete_selection_removes_a_selected_wire() {
        editor.selection().selectOnly(Wire.between("dense1", "dense2"));
        new DeleteSelectionCommand(editor).execute();

        assertThat(editor.graph().wires()).doesNotContain(Wire.between("dense1", "dense2"));
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void delete_selection_is_refused_when_nothing_is_selected() {
        DeleteSelectionCommand delete = new DeleteSelectionCommand(editor);
        assertThat(delete.canExecute()).isFalse();
        assertThatThrownBy(delete::execute).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wire_connects_ports_and_tells_the_shape_the_target_receives() {
        editor.perform(org.layerloom.engine.graph.edit.GraphEdits.disconnect(editor.graph(),
                Wire.between("dense1", "dense2")), "cut");
        NetworkGraph cut = editor.graph();
        new WireCommand(editor, PortRef.out("dense1"), PortRef.in("dense2")).execute();

        assertThat(editor.report().shapeOf(Wire.between("dense1", "dense2"))).contains(TensorShape.of(64));
        assertThat(editor.status()).isEqualTo("dense2 now receives 64 features.");
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(cut);
    }

    @Test
    void wire_is_refused_with_a_reason_for_a_loop_a_taken_input_or_the_same_layer() {
        assertThat(new WireCommand(editor, PortRef.out("dense2"), PortRef.in("dense1")).refusal())
                .get().asString().contains("already has an input");
        assertThat(new WireCommand(editor, PortRef.out("dense1"), PortRef.in("dense1")).refusal())
                .get().asString().contains("cannot feed itself");
        assertThat(new WireCommand(editor, PortRef.out("input1"), PortRef.in("dense2")).canExecute()).isFalse();
        assertThat(new WireCommand(editor, PortRef.out("dense1"), PortRef.in("input1")).refusal())
                .get().asString().contains("takes no input");
    }

    @Test
    void wire_into_a_loop_is_refused() {
        new AddNodeCommand(editor, LayerKind.ADD, Position.ORIGIN).execute();
        new WireCommand(editor, PortRef.out("dense1"), PortRef.in("add1")).execute();
        editor.perform(org.layerloom.engine.graph.edit.GraphEdits.disconnect(editor.graph(),
                Wire.between("input1", "dense1")), "cut");
        assertThat(new WireCommand(editor, PortRef.out("add1"), PortRef.in("dense1")).refusal())
                .get().asString().contains("loop");
    }

    @Test
    void unwire_removes_a_wire_and_is_refused_for_a_missing_one() {
        new UnwireCommand(editor, Wire.between("dense2", "output1")).execute();
        assertThat(editor.graph().wires()).hasSize(2);
        assertUndoRestoresAndRedoReapplies();
        assertThat(new UnwireCommand(editor, Wire.between("input1", "output1")).canExecute()).isFalse();
    }

    @Test
    void move_nodes_is_one_step_and_refused_when_nothing_moves() {
        new MoveNodesCommand(editor, Map.of("dense1", new Position(5, 5), "dense2", new Position(9, 9))).execute();
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);
        assertThat(editor.undoManager().undoName()).contains("Move 2 Layers");
        assertUndoRestoresAndRedoReapplies();
        assertThat(new MoveNodesCommand(editor, Map.of("dense1", editor.graph().requireNode("dense1").position()))
                .canExecute()).isFalse();
    }

    @Test
    void repeated_nudges_of_the_selection_are_one_undo_step() {
        editor.selection().set(List.of("dense1", "dense2"), List.of());
        new NudgeCommand(editor, 10, 0).execute();
        new NudgeCommand(editor, 10, 0).execute();
        new NudgeCommand(editor, 0, -10).execute();

        assertThat(editor.graph().requireNode("dense1").position()).isEqualTo(new Position(220, -10));
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(start);
    }

    @Test
    void nudge_is_refused_without_a_selected_layer() {
        assertThat(new NudgeCommand(editor, 10, 0).canExecute()).isFalse();
    }

    @Test
    void rename_gives_a_new_name_and_refuses_blank_or_unchanged_names() {
        new RenameCommand(editor, "dense1", "  Hidden  ").execute();
        assertThat(editor.graph().requireNode("dense1").name()).isEqualTo("Hidden");
        assertThat(editor.undoManager().undoName()).contains("Rename dense1");
        assertUndoRestoresAndRedoReapplies();
        assertThat(new RenameCommand(editor, "dense1", " ").canExecute()).isFalse();
        assertThat(new RenameCommand(editor, "dense1", "Hidden").canExecute()).isFalse();
    }

    @Test
    void set_parameter_changes_one_value_as_one_step() {
        new SetParameterCommand(editor, "dense1", "units", new ParamValue.Int(32)).execute();
        assertThat(editor.report().outputOf("dense1")).contains(TensorShape.of(32));
        assertThat(editor.undoManager().undoName()).contains("Set Units of dense1");
        assertUndoRestoresAndRedoReapplies();
    }

    @Test
    void set_parameter_refuses_a_value_out_of_range_with_the_reason_and_leaves_the_document_alone() {
        SetParameterCommand command = new SetParameterCommand(editor, "dense1", "units", new ParamValue.Int(0));
        assertThat(command.canExecute()).isFalse();
        assertThat(command.refusal()).get().asString().contains("between 1 and 100,000");
        assertThat(new SetParameterCommand(editor, "dense1", "units", new ParamValue.Real(3)).refusal()).isPresent();
        assertThat(new SetParameterCommand(editor, "dense1", "units", new ParamValue.Int(64)).canExecute()).isFalse();
        assertThat(editor.graph()).isEqualTo(start);
    }

    @Test
    void apply_fix_repairs_a_shape_error_in_one_step_and_is_refused_once_the_graph_moved_on() {
        EditorViewModel broken = TestGraphs.editorWith(TestGraphs.convOnVector());
        NetworkGraph before = broken.graph();
        Fix fix = broken.report().errors().get(0).fixes().get(0);
        assertThat(fix.label()).isEqualTo("Insert a Reshape to (1, 28, 28)");
        new ApplyFixCommand(broken, fix).execute();

        assertThat(broken.report().isValid()).isTrue();
        assertThat(broken.undoManager().undoName()).contains("Insert a Reshape to (1, 28, 28)");
        assertThat(new ApplyFixCommand(broken, fix).canExecute()).isFalse();
        new UndoCommand(broken).execute();
        assertThat(broken.graph()).isEqualTo(before);
    }

    @Test
    void tidy_layout_moves_every_layer_in_one_step_and_is_refused_when_already_tidy() {
        new TidyLayoutCommand(editor, TidyLayout.Direction.TOP_TO_BOTTOM).execute();
        assertThat(editor.undoManager().undoDepth()).isEqualTo(1);
        double x = editor.graph().requireNode("input1").position().x();
        assertThat(editor.graph().nodes()).allSatisfy(n -> assertThat(n.position().x()).isEqualTo(x));
        assertThat(new TidyLayoutCommand(editor, TidyLayout.Direction.TOP_TO_BOTTOM).canExecute()).isFalse();
        assertUndoRestoresAndRedoReapplies();
    }
}
