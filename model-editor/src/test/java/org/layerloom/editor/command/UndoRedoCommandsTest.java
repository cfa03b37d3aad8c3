package org.layerloom.editor.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.editor.TestGraphs;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Position;

/** Undo and redo name the step they act on, and the dirty flag follows them. */
class UndoRedoCommandsTest {

    private final EditorViewModel editor = TestGraphs.editor();

    @Test
    void undo_and_redo_are_refused_with_nothing_to_do() {
        assertThat(new UndoCommand(editor).canExecute()).isFalse();
        assertThat(new RedoCommand(editor).canExecute()).isFalse();
        assertThat(new UndoCommand(editor).name()).isEqualTo("Undo");
    }

    @Test
    void undo_and_redo_are_named_after_the_step() {
        new AddNodeCommand(editor, LayerKind.DENSE, Position.ORIGIN).execute();
        assertThat(new UndoCommand(editor).name()).isEqualTo("Undo Add Dense 1");
        new UndoCommand(editor).execute();
        assertThat(new RedoCommand(editor).name()).isEqualTo("Redo Add Dense 1");
    }
}
