package org.layerloom.editor.model;

import java.util.Objects;

/**
 * A change beside the network that the {@link UndoManager} keeps in the same history as the network's edits, such
 * as a new value of a project's training settings ("Set batch size to 64"). {@link #apply()} makes the change (also
 * again, for redo), {@link #revert()} takes it back. Called on the thread that owns the undo manager.
 */
public interface SideChange {

    void apply();

    void revert();

    /** This change followed by {@code next}, as one change: reverting takes back {@code next} first. */
    default SideChange then(SideChange next) {
        Objects.requireNonNull(next, "next");
        SideChange first = this;
        return new SideChange() {
            @Override
            public void apply() {
                first.apply();
                next.apply();
            }

            @Override
            public void revert() {
                next.revert();
                first.revert();
            }
        };
    }
}
