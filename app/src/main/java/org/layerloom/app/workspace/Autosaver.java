package org.layerloom.app.workspace;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.layerloom.engine.project.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a project's unsaved state to its recovery slot: called on a timer (every autosave interval) and
 * when the window loses focus. It asks {@code source} for the current work, which answers empty when
 * nothing changed since the last save or autosave, and writes on {@code io} so the caller never waits on
 * the disk. Call {@link #autosave()} from the thread that owns the document (the JavaFX thread); the
 * write happens on the executor.
 */
public final class Autosaver {

    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final RecoveryStore.Slot slot;
    private final Supplier<Optional<Work>> source;
    private final Executor io;
    private final Clock clock;

    /** What to keep: the project and where it is saved (empty if never saved). */
    public record Work(Project project, Optional<java.nio.file.Path> file) {
    }

    public Autosaver(RecoveryStore.Slot slot, Supplier<Optional<Work>> source, Executor io, Clock clock) {
        this.slot = slot;
        this.source = source;
        this.io = io;
        this.clock = clock;
    }

    /** Snapshots the work if it changed; returns whether a write was scheduled. */
    public boolean autosave() {
        Optional<Work> work = source.get();
        work.ifPresent(w -> io.execute(() -> {
            try {
                slot.write(w.project(), w.file(), clock.instant());
            } catch (IOException e) {
                LOG.warn("Autosave to {} failed: {}", slot.file(), e.getMessage());
            }
        }));
        return work.isPresent();
    }

    /** The work was saved or discarded: the snapshot goes (on the executor, after any pending write). */
    public void clear() {
        io.execute(() -> {
            try {
                slot.clear();
            } catch (IOException e) {
                LOG.warn("Could not delete the recovery file {}: {}", slot.file(), e.getMessage());
            }
        });
    }
}
