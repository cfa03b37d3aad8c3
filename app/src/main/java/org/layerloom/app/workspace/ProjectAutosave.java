package org.layerloom.app.workspace;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.layerloom.editor.session.ProjectSession;

/**
 * Keeps the editor's unsaved work in a recovery slot: every autosave interval (a timer) and whenever
 * {@link #autosaveNow()} is called (the window lost the focus), it writes the project if it has unsaved
 * changes made since the last write; once the work is saved (or the project closed) the slot is
 * cleared, so a slot left at the next start means a crash. Writes go to {@code io} through an
 * {@link Autosaver}. JavaFX thread only.
 */
public final class ProjectAutosave {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private final ProjectSession session;
    private final Autosaver autosaver;
    private final Clock clock;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final Timeline timer = new Timeline();
    private long writtenRevision = -1;
    private boolean slotHoldsWork;

    public ProjectAutosave(ProjectSession session, RecoveryStore.Slot slot, Executor io, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.autosaver = new Autosaver(slot, this::changedWork, io, clock);
        timer.setCycleCount(Timeline.INDEFINITE);
        session.addListener(this::projectDidChange);
    }

    /** Starts (or restarts) the timer with this interval. */
    public void setInterval(int seconds) {
        timer.stop();
        timer.getKeyFrames().setAll(new KeyFrame(Duration.seconds(seconds), e -> autosaveNow()));
        timer.playFromStart();
    }

    /** Writes the unsaved work now if it changed since the last write; returns whether it wrote. */
    public boolean autosaveNow() {
        long revision = session.editor().document().revision();
        boolean wrote = autosaver.autosave();
        if (wrote) {
            writtenRevision = revision;
            slotHoldsWork = true;
            note.set("Autosaved at " + TIME.format(clock.instant().atZone(ZoneId.systemDefault())));
        }
        return wrote;
    }

    /** The work is closed for good (saved, or thrown away by the student): forget the snapshot. */
    public void closed() {
        timer.stop();
        forget();
    }

    /** "Autosaved at 14:02:31", or "" before the first autosave. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private Optional<Autosaver.Work> changedWork() {
        if (!session.isDirty() || session.editor().document().revision() == writtenRevision) {
            return Optional.empty();
        }
        return Optional.of(new Autosaver.Work(session.project(), session.file()));
    }

    private void projectDidChange() {
        if (!session.isDirty() && slotHoldsWork) {
            forget();
        }
    }

    private void forget() {
        if (slotHoldsWork) {
            autosaver.clear();
        }
        slotHoldsWork = false;
        writtenRevision = -1;
        note.set("");
    }
}
