package org.layerloom.app.ui.project;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.editor.fx.LatestResult;

/**
 * Opens a project file and validates it off the JavaFX thread, then publishes the outcome. Reading
 * runs on the {@code background} executor; results are applied through the {@code ui} executor
 * ({@code Platform::runLater} in the app, {@code Runnable::run} in tests). When several files are
 * opened quickly, only the last one's outcome is shown ({@link LatestResult}). Call its methods on the JavaFX thread.
 */
public final class ProjectCheckViewModel {

    private final ProjectChecker checker;
    private final LatestResult<ProjectCheck> work;
    private final ReadOnlyObjectWrapper<Path> loading = new ReadOnlyObjectWrapper<>(this, "loading");
    private final ReadOnlyObjectWrapper<ProjectCheck> result = new ReadOnlyObjectWrapper<>(this, "result");

    public ProjectCheckViewModel(ProjectChecker checker, Executor background, Executor ui) {
        this.checker = checker;
        this.work = new LatestResult<>("Checking the network", background, ui);
    }

    /** Starts reading {@code file}; {@link #busyProperty()} is true until its outcome is published. */
    public void open(Path file) {
        loading.set(file);
        work.submit(ticket -> checker.check(file), result::set);
    }

    /** The file being read (or last read); null before the first {@link #open(Path)}. */
    public ReadOnlyObjectProperty<Path> loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** The background work, for the status bar's task list. */
    public LatestResult<ProjectCheck> work() {
        return work;
    }

    /** The outcome of the last file read; null before the first one is done. */
    public ReadOnlyObjectProperty<ProjectCheck> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
