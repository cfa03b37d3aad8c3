package org.layerloom.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.train.history.RunComparison;
import org.layerloom.engine.train.history.RunDifferences;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * The run history of the current project: its runs read from {@code NAME.runs/} in the background
 * (newest first), the runs chosen for comparison (earliest first) with what differs between them, and
 * rename and delete. Failures become a sentence in {@link #messageProperty()}.
 *
 * <p>Threads: use on the JavaFX thread; files are read and changed on {@code background}, and the
 * results come back through {@code fx} (the JavaFX thread's executor, {@code Platform::runLater}).
 */
public final class RunHistoryViewModel {

    private final Executor background;
    private final Executor fx;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<RunSummary> compared = FXCollections.observableArrayList();
    private final ObjectProperty<RunComparison> comparison = new SimpleObjectProperty<>(this, "comparison",
            new RunComparison(List.of(), List.of()));
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final LatestResult<List<RunSummary>> reading;
    private Path runsRoot;

    public RunHistoryViewModel(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.reading = new LatestResult<>("Reading the run history", background, fx);
    }

    /** Shows the runs in {@code root} (null: no project, no runs) and reads them. */
    public void setRunsRoot(Path root) {
        runsRoot = root;
        reload();
    }

    public Path runsRoot() {
        return runsRoot;
    }

    /** Reads the runs again (after a run ended, or a change on disk). */
    public void reload() {
        reload("");
    }

    /** Reads the runs again and then shows {@code note} (unless reading them failed, which is shown instead). */
    private void reload(String note) {
        Path root = runsRoot;
        if (root == null) {
            reading.cancel();
            runs.clear();
            compare(List.of());
            message.set(note);
            return;
        }
        reading.submit(ticket -> RunHistory.list(root), found -> show(found, note), e -> show(List.of(),
                "The runs in " + root + " could not be read: " + e.getMessage()));
    }

    private void show(List<RunSummary> found, String message) {
        List<String> keep = compared.stream().map(RunSummary::id).toList();
        runs.setAll(found);
        compare(found.stream().filter(r -> keep.contains(r.id())).toList());
        this.message.set(message);
    }

    /** Chooses the runs to overlay; they are compared earliest first. */
    public void compare(List<RunSummary> chosen) {
        List<RunSummary> ordered = chosen.stream().sorted(Comparator.comparing(
                (RunSummary r) -> r.started() == null ? java.time.Instant.EPOCH : r.started())
                .thenComparing(RunSummary::id)).toList();
        compared.setAll(ordered);
        comparison.set(RunDifferences.compare(ordered));
    }

    /** Renames a run's folder; the list is read again. */
    public void rename(RunSummary run, String newName) {
        change(() -> RunHistory.rename(run.folder(), newName), "renamed");
    }

    /** Deletes a run's folder with everything in it; the list is read again. */
    public void delete(RunSummary run) {
        change(() -> {
            RunHistory.delete(run.folder());
            return null;
        }, "deleted");
    }

    private interface FileChange {
        Object run() throws IOException;
    }

    private void change(FileChange change, String what) {
        background.execute(() -> {
            String problem = "";
            try {
                change.run();
            } catch (IOException | IllegalArgumentException e) {
                problem = "The run could not be " + what + ": " + e.getMessage();
            }
            String failure = problem;
            fx.execute(() -> reload(failure));
        });
    }

    /** The project's runs, newest first. */
    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The runs chosen for comparison, earliest first. */
    public ObservableList<RunSummary> compared() {
        return compared;
    }

    /** What differs between the compared runs, with a legend label for each. */
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
