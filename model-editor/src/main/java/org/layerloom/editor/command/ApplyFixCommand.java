package org.layerloom.editor.command;

import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Fix;

/**
 * Applies a suggested fix of a problem as one undoable step; refused once the graph has moved on. Made for
 * one use, on the editor's thread.
 */
public final class ApplyFixCommand extends GraphCommand {

    private final Fix fix;

    public ApplyFixCommand(EditorViewModel editor, Fix fix) {
        super(editor);
        this.fix = fix;
    }

    @Override
    public String name() {
        return fix.label();
    }

    @Override
    public boolean canExecute() {
        try {
            fix.edit().applyTo(editor.graph());
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    void run() {
        editor.perform(fix.edit(), name());
        editor.setStatus("Applied: " + fix.label() + ".");
    }
}
