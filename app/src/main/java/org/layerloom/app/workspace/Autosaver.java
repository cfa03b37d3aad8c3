package org.layerloom.app.workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.layerloom.engine.project.JournalWriter;
import org.layerloom.engine.project.Project;

/**
 * Writes a project's unsaved state to its recovery slot: called on a timer (every autosave interval) and
 * when the window loses focus. It asks {@code source} for the current work, which answers empty when
 * nothing changed since the last save or autosave, and writes through the slot's {@link JournalWriter}, on
 * the journal's own thread, so the caller never waits on the disk and the journal is emptied only once the
 * snapshot holding its edits is written. Call {@link #autosave()} from the thread that owns the document
 * (the JavaFX thread).
 */
public final class Autosaver {

    private final RecoveryStore.Slot slot;
    private final Supplier<Optional<Work>> source;
    private final JournalWriter journal;
    private final Clock clock;

    /**
     * What to keep: the project, where it is saved (empty if never saved) and the number of the last journaled
     * edit it holds.
     */
    public record Work(Project project, Optional<Path> file, long journalSequence) {

        /** Work that no journaled edit led to. */
        public Work(Project project, Optional<Path> file) {
            this(project, file, 0);
        }
    }

    public Autosaver(RecoveryStore.Slot slot, Supplier<Optional<Work>> source, JournalWriter journal, Clock clock) {
        this.slot = slot;
        this.source = source;
        this.journal = journal;
        this.clock = clock;
    }

    /** Snapshots the work if it changed; returns whether a write was scheduled. */
    public boolean autosave() {
        Optional<Work> work = source.get();
        work.ifPresent(w -> journal.afterSnapshot(() -> slot.write(w.project(), w.file(), clock.instant(),
                w.journalSequence())));
        return work.isPresent();
    }

    /** The work was saved or discarded: the journal and the snapshot go (after any pending write). */
    public void clear() {
        journal.discard(slot::clear);
    }
}
