package org.layerloom.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * The status bar's words on the open project: whether its changes are saved, when it was saved last, and when
 * unsaved work was last autosaved ("Project saved at 14:02", "Unsaved changes · autosaved at 14:05:10",
 * "Saving the project…", "Not saved yet"). The project's name is on the area bar above. A view-model without a
 * toolkit; JavaFX thread only.
 */
public final class ProjectStatusLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ObservableValue<Optional<Path>> file;
    private final ObservableBooleanValue dirty;
    private final ObservableBooleanValue writing;
    private final ObservableStringValue autosaved;
    private final Clock clock;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private boolean wrote;
    private String savedAt;

    /**
     * @param file      the project's file, empty while never saved
     * @param dirty     true while it has unsaved changes
     * @param writing   true while it is being written
     * @param autosaved "Autosaved at 14:05:10", or "" while nothing unsaved was autosaved
     * @param clock     the time of a save
     */
    public ProjectStatusLine(ObservableValue<Optional<Path>> file, ObservableBooleanValue dirty,
                             ObservableBooleanValue writing, ObservableStringValue autosaved, Clock clock) {
        this.file = file;
        this.dirty = dirty;
        this.writing = writing;
        this.autosaved = autosaved;
        this.clock = clock;
        file.addListener((obs, was, is) -> {
            if (!wrote) {
                savedAt = null; // another project
            }
            update();
        });
        dirty.addListener((obs, was, is) -> update());
        writing.addListener((obs, was, is) -> {
            wrote |= is;
            update();
        });
        autosaved.addListener((obs, was, is) -> update());
        update();
    }

    private void update() {
        if (writing.get()) {
            text.set("Saving the project…");
            return;
        }
        boolean saved = file.getValue().isPresent() && !dirty.get();
        if (saved && wrote) {
            savedAt = TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
            wrote = false;
        }
        String note = autosaved.get() == null || autosaved.get().isBlank() ? ""
                : " · " + Character.toLowerCase(autosaved.get().charAt(0)) + autosaved.get().substring(1);
        if (saved) {
            text.set(savedAt == null ? "Project saved" : "Project saved at " + savedAt);
        } else if (file.getValue().isEmpty()) {
            text.set("Not saved yet" + note);
        } else {
            text.set("Unsaved changes" + note);
        }
    }

    /** The line as shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
