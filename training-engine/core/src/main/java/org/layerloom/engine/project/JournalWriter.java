package org.layerloom.engine.project;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes an {@link EditJournal} in the background: {@link #append} only enqueues, the single thread of
 * {@code io} writes each record at once and forces the file to the disk at most once per {@link #SYNC_PERIOD_MS}
 * (at once after a quiet second, else when that second is over), so an edit is on the disk at most about a
 * second after it was committed. The snapshot the journal continues from (the autosave) is written on the same
 * thread through {@link #afterSnapshot}, which empties the journal only once the snapshot is safely written;
 * {@link #discard} deletes it. Failures go to {@code problems} (the journal is a safety net, never an error for
 * the student). Methods may be called from any thread; {@code io} must be single-threaded and is the caller's to
 * shut down.
 */
public final class JournalWriter {

    /** The shortest time between two forces of the journal to the disk. */
    public static final long SYNC_PERIOD_MS = 1000;

    /** Work on the journal's thread that may fail with an IOException. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    private final EditJournal journal;
    private final ScheduledExecutorService io;
    private final Consumer<String> problems;
    /** On the io thread only. */
    private long lastForceNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SYNC_PERIOD_MS);
    /** On the io thread only. */
    private boolean forceScheduled;
    /** On the io thread only. */
    private boolean unforced;

    public JournalWriter(EditJournal journal, ScheduledExecutorService io, Consumer<String> problems) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.io = Objects.requireNonNull(io, "io");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    public EditJournal journal() {
        return journal;
    }

    /** Enqueues {@code record}; it is written at once on the io thread and forced within about a second. */
    public void append(JournalRecord record) {
        submit(() -> {
            journal.append(record);
            unforced = true;
            forceSoon();
        }, "append edit " + record.sequence() + " to");
    }

    /**
     * Enqueues {@code writeSnapshot} (the autosave of the work up to the last appended record); once it has
     * written without error the journal is emptied, since the snapshot holds its edits. If it fails, the journal
     * keeps them.
     */
    public CompletableFuture<Void> afterSnapshot(IoAction writeSnapshot) {
        return submit(() -> {
            writeSnapshot.run();
            journal.reset();
            unforced = false;
        }, "autosave and empty");
    }

    /**
     * Enqueues {@code alsoDelete} (the snapshot's deletion), then the journal's: the work was saved. The journal
     * goes last, so that its lock marks the slot as in use until the slot is gone.
     */
    public CompletableFuture<Void> discard(IoAction alsoDelete) {
        return submit(() -> {
            try {
                alsoDelete.run();
            } finally {
                journal.delete();
                unforced = false;
            }
        }, "delete");
    }

    /**
     * Enqueues the closing of the journal file, which stays (with its lock released) for the next start to
     * find: the process is about to end with the work unsaved. A later {@link #append} opens it again.
     */
    public CompletableFuture<Void> close() {
        return submit(() -> {
            forceNow();
            journal.close();
        }, "close");
    }

    /** Enqueues a force of everything appended so far; completes once it is on the disk. */
    public CompletableFuture<Void> flush() {
        return submit(this::forceNow, "force");
    }

    /** On the io thread: forces now if the last force is a second old, else schedules one for when it is. */
    private void forceSoon() throws IOException {
        long waited = System.nanoTime() - lastForceNanos;
        long period = TimeUnit.MILLISECONDS.toNanos(SYNC_PERIOD_MS);
        if (waited >= period) {
            forceNow();
        } else if (!forceScheduled) {
            forceScheduled = true;
            try {
                io.schedule(() -> {
                    forceScheduled = false;
                    run(this::forceNow, "force");
                }, period - waited, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                forceScheduled = false;
                forceNow();
            }
        }
    }

    private void forceNow() throws IOException {
        if (unforced) {
            journal.force();
            unforced = false;
            lastForceNanos = System.nanoTime();
        }
    }

    private CompletableFuture<Void> submit(IoAction action, String what) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            io.execute(() -> {
                if (run(action, what)) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new IOException("could not " + what + " " + journal.file()));
                }
            });
        } catch (RejectedExecutionException closing) {
            problems.accept("The recovery journal " + journal.file() + " is closed; could not " + what + " it.");
            done.completeExceptionally(closing);
        }
        return done;
    }

    private boolean run(IoAction action, String what) {
        try {
            action.run();
            return true;
        } catch (IOException | RuntimeException e) {
            problems.accept("Could not " + what + " the recovery journal " + journal.file() + ": " + e.getMessage());
            return false;
        }
    }
}
