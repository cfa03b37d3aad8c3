package org.layerloom.editor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/** Copy, cut, paste, duplicate and select all. */
class ClipboardCommandsTest {

    private final EditorViewModel editor = TestGraphs.editorWith(TestGraphs.mlp());
    private final NetworkGraph start = editor.graph();

    @Test
    void copy_and_paste_add_copies_with_fresh_ids_and_the_wires_between_them() {
        editor.selection().set(List.of("dense1", "dense2"), List.of());
        new CopyCommand(editor).execute();
        new PasteCommand(editor).execute();

        assertThat(editor.graph().nodes()).hasSize(6);
        List<String> pasted = editor.selection().orderedNodes();
        assertThat(pasted).hasSize(2).doesNotContain("dense1", "dense2");
        assertThat(editor.graph().wires()).contains(Wire.between(pasted.get(0), pasted.get(1)));
        Node copy = editor.graph().requireNode(pasted.get(0));
        assertThat(copy.name()).isEqualTo("dense1 copy");
        assertThat(copy.position().x()).isEqualTo(200 + PasteCommand.OFFSET);
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(start);
    }

    @Test
    void pasting_twice_lands_the_second_copy_further_away() {
        editor.selection().selectOnly("dense1");
        new CopyCommand(editor).execute();
        new PasteCommand(editor).execute();
        new PasteCommand(editor).execute();
        Node second = editor.graph().requireNode(editor.selection().orderedNodes().get(0));
        assertThat(second.position().x()).isEqualTo(200 + 2 * PasteCommand.OFFSET);
    }

    @Test
    void copy_cut_and_duplicate_are_refused_without_a_selection_and_paste_without_a_copy() {
        assertThat(new CopyCommand(editor).canExecute()).isFalse();
        assertThat(new CutCommand(editor).canExecute()).isFalse();
        assertThat(new DuplicateCommand(editor).canExecute()).isFalse();
        assertThat(new PasteCommand(editor).canExecute()).isFalse();
    }

    @Test
    void cut_deletes_the_layers_in_one_step_and_keeps_them_for_paste() {
        editor.selection().selectOnly("dense2");
        new CutCommand(editor).execute();
        assertThat(editor.graph().contains("dense2")).isFalse();
        assertThat(editor.undoManager().undoName()).contains("Cut dense2");
        assertThat(new PasteCommand(editor).canExecute()).isTrue();
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(start);
    }

    @Test
    void duplicate_copies_the_selection_without_touching_the_clipboard() {
        editor.selection().selectOnly("dense1");
        new DuplicateCommand(editor).execute();
        assertThat(editor.graph().nodes()).hasSize(5);
        assertThat(editor.clipboard().isEmpty()).isTrue();
        new UndoCommand(editor).execute();
        assertThat(editor.graph()).isEqualTo(start);
        new RedoCommand(editor).execute();
        assertThat(editor.graph().nodes()).hasSize(5);
    }

    @Test
    void select_all_selects_every_layer_and_wire_and_is_then_refused() {
        new SelectAllCommand(editor).execute();
        assertThat(editor.selection().nodes()).hasSize(4);
        assertThat(editor.selection().wires()).hasSize(3);
        assertThat(new SelectAllCommand(editor).canExecute()).isFalse();
        assertThat(editor.undoManager().canUndo()).isFalse();
    }
}
