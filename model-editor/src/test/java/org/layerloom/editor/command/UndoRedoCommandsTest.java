package org.layerloom.editor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    @Test
    void the_title_marks_unsaved_changes_until_saved_or_undone() {
        assertThat(editor.isDirty()).isFalse();
        new AddNodeCommand(editor, LayerKind.DENSE, Position.ORIGIN).execute();
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.title()).isEqualTo("• Untitled — LayerLoom");
        new UndoCommand(editor).execute();
        assertThat(editor.isDirty()).isFalse();
        new RedoCommand(editor).execute();
        editor.markSaved(Path.of("net.loom"));
        assertThat(editor.title()).isEqualTo("net.loom — LayerLoom");
        new UndoCommand(editor).execute();
        assertThat(editor.isDirty()).isTrue();
    }
}
