package org.layerloom.app.ui.project;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.app.check.ProjectChecker;

/**
 * Opens a project file and validates it off the JavaFX thread, then publishes the outcome. Reading
 * runs on the {@code background} executor; results are applied through the {@code ui} executor
 * ({@code Platform::runLater} in the app, {@code Runnable::run} in tests). When several files are
 * opened quickly, only the last one's outcome is shown. Call its methods on the JavaFX thread.
 */
public final class ProjectCheckViewModel {

    private final ProjectChecker checker;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Path> loading = new ReadOnlyObjectWrapper<>(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<ProjectCheck> result = new ReadOnlyObjectWrapper<>(this, "result");
    private long generation;

    public ProjectCheckViewModel(ProjectChecker checker, Executor background, Executor ui) {
        this.checker = checker;
        this.background = background;
        this.ui = ui;
    }

    /** Starts reading {@code file}; {@link #busyProperty()} is true until its outcome is published. */
    public void open(Path file) {
        long ticket = ++generation;
        loading.set(file);
        busy.set(true);
        background.execute(() -> {
            ProjectCheck check = checker.check(file);
            ui.execute(() -> publish(ticket, check));
        });
    }

    /** Sets the result before clearing busy, so that busy listeners see the new result. */
    private void publish(long ticket, ProjectCheck check) {
        if (ticket != generation) {
            return;
        }
        result.set(check);
        busy.set(false);
    }

    /** The file being read (or last read); null before the first {@link #open(Path)}. */
    public ReadOnlyObjectProperty<Path> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last file read; null before the first one is done. */
    public ReadOnlyObjectProperty<ProjectCheck> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
