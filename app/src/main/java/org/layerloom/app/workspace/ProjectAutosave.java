package org.layerloom.app.workspace;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.project.JournalRecord;
import org.layerloom.engine.project.JournalWriter;

/**
 * Keeps the editor's unsaved work in a recovery slot. Every committed edit (of the network, of the data or
 * training settings, an undo or a redo) is appended to the slot's edit journal as the whole project after it;
 * the journal is written on {@code io} and forced to the disk at most once a second ({@link JournalWriter}),
 * so after a crash no edit older than about a second is lost. Every autosave interval (a timer, once
 * {@link #setInterval} starts it) and whenever {@link #autosaveNow()} is called (the window lost the focus), it
 * writes a snapshot of the project if it changed since the last one, which empties the journal. Once the work
 * is saved (or the project closed) the slot is cleared, so a slot left at the next start means a crash.
 * Thread of the session (the JavaFX thread in the app); it never waits on the disk. Works without a JavaFX
 * toolkit until {@link #setInterval} is called.
 */
public final class ProjectAutosave {

    private static final System.Logger LOG = System.getLogger(ProjectAutosave.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private final ProjectSession session;
    private final JournalWriter journal;
    private final Autosaver autosaver;
    private final Clock clock;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private Timeline timer;
    private long journaledRevision = -1;
    private long sequence;
    private long writtenSequence = -1;
    private boolean slotHoldsWork;

    /**
     * @param io a single-threaded executor for the slot's files (the journal and the snapshots); the caller shuts
     *           it down
     */
    public ProjectAutosave(ProjectSession session, RecoveryStore.Slot slot, ScheduledExecutorService io, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.journal = new JournalWriter(slot.newJournal(), io, problem -> LOG.log(System.Logger.Level.WARNING,
                problem));
        this.autosaver = new Autosaver(slot, this::changedWork, journal, clock);
        session.addListener(this::projectDidChange);
    }

    /** Starts (or restarts) the timer with this interval. Needs the JavaFX toolkit. */
    public void setInterval(int seconds) {
        if (timer == null) {
            timer = new Timeline();
            timer.setCycleCount(Timeline.INDEFINITE);
        }
        timer.stop();
        timer.getKeyFrames().setAll(new KeyFrame(Duration.seconds(seconds), e -> autosaveNow()));
        timer.playFromStart();
    }

    /** Writes the unsaved work now if it changed since the last write; returns whether it wrote. */
    public boolean autosaveNow() {
        long holding = sequence;
        boolean wrote = autosaver.autosave();
        if (wrote) {
            writtenSequence = holding;
            slotHoldsWork = true;
            note.set("Autosaved at " + TIME.format(clock.instant().atZone(ZoneId.systemDefault())));
        }
        return wrote;
    }

    /** The work is closed for good (saved, or thrown away by the student): forget the snapshot and the journal. */
    public void closed() {
        if (timer != null) {
            timer.stop();
        }
        forget();
    }

    /**
     * The window goes away without closing its work (the app is shutting down under it): the journal is forced
     * and closed, and the slot stays for the next start to offer. Any thread.
     */
    public void release() {
        journal.close();
    }

    /** The journal's writer, to wait for what was appended to reach the disk ({@link JournalWriter#flush()}). */
    public JournalWriter journal() {
        return journal;
    }

    /** "Autosaved at 14:02:31", or "" before the first autosave. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private Optional<Autosaver.Work> changedWork() {
        if (!session.isDirty() || sequence == writtenSequence) {
            return Optional.empty();
        }
        return Optional.of(new Autosaver.Work(session.project(), session.file(), sequence));
    }

    private void projectDidChange() {
        long revision = session.editor().undoManager().revision();
        if (session.isDirty()) {
            if (revision != journaledRevision) {
                journaledRevision = revision;
                sequence++;
                journal.append(new JournalRecord(sequence, clock.instant(), session.file(), session.project()));
                slotHoldsWork = true;
            }
        } else {
            journaledRevision = revision;
            if (slotHoldsWork) {
                forget();
            }
        }
    }

    private void forget() {
        if (slotHoldsWork) {
            autosaver.clear();
        }
        slotHoldsWork = false;
        writtenSequence = -1;
        note.set("");
    }
}
