package org.layerloom.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.app.ui.Notifier;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.history.RunFiles;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * The export dialog's state: the chosen target, weights and folder; the weights to choose from (the project's
 * saved runs, newest first, and its untrained weights); and what the last export came to (a sentence, the
 * refused nodes, each node's check). {@link #prepare} takes the open project each time the dialog opens; the run
 * list is read on the files executor and the export runs on the engine-work executor. A view-model without a
 * toolkit: create and use it on the JavaFX thread.
 */
public final class ExportViewModel {

    /** The dialog's state after an export. */
    public enum State { READY, WORKING, REFUSED, VERIFIED, MISMATCH, NOT_VERIFIED, FAILED }

    private final ObjectProperty<ExportTarget> target = new SimpleObjectProperty<>(this, "target", ExportTarget.ONNX);
    private final ObservableList<WeightsChoice> weightsChoices = FXCollections.observableArrayList();
    private final ObjectProperty<WeightsChoice> weights = new SimpleObjectProperty<>(this, "weights");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<NodeDifference> differences = FXCollections.observableArrayList();
    private final LatestResult<List<WeightsChoice>> runs;
    private final LatestResult<ExportOutcome> work;
    private final ExportWork exporter;
    private final Notifier notifier;
    private final Path fallbackFolder;
    private Project project;
    private Optional<Path> file = Optional.empty();

    /**
     * @param files          where the run history is read
     * @param engine         where the export and its check run (a thread that may run the engine)
     * @param fx             the JavaFX thread's executor
     * @param fallbackFolder where exports of a project never saved go by default
     */
    public ExportViewModel(ExportWork exporter, Executor files, Executor engine, Executor fx, Notifier notifier,
                           Path fallbackFolder) {
        this.exporter = exporter;
        this.notifier = notifier;
        this.fallbackFolder = fallbackFolder;
        runs = new LatestResult<>("Reading the run history", files, fx);
        work = new LatestResult<>("Exporting", engine, fx);
        target.addListener((obs, was, is) -> folder.set(defaultFolder()));
    }

    /** Takes the open project (and its file, empty when never saved) as the dialog opens; lists its runs. */
    public void prepare(Project openProject, Optional<Path> projectFile) {
        project = openProject;
        file = projectFile;
        WeightsChoice untrained = file.isPresent() && project.startingWeights().isPresent()
                ? WeightsChoice.starting(project.startingWeights().get())
                : WeightsChoice.untrained(project.training().seed());
        weightsChoices.setAll(untrained);
        weights.set(untrained);
        folder.set(defaultFolder());
        clearResult();
        note.set(file.isEmpty() ? "This project was never saved, so it has no runs: the export holds its untrained"
                + " weights." : "");
        file.ifPresent(f -> runs.submit(ticket -> runChoices(RunFiles.runsRootOf(f)), this::runsDidLoad));
    }

    private void runsDidLoad(List<WeightsChoice> choices) {
        List<WeightsChoice> all = new ArrayList<>(choices);
        all.add(weightsChoices.get(weightsChoices.size() - 1));
        weightsChoices.setAll(all);
        weights.set(all.get(0));
    }

    private static List<WeightsChoice> runChoices(Path runsRoot) throws IOException {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                .withZone(ZoneId.systemDefault());
        List<WeightsChoice> choices = new ArrayList<>();
        List<RunSummary> summaries = RunHistory.list(runsRoot);
        for (RunSummary run : summaries) {
            if (run.epochsDone() == 0) {
                continue;
            }
            String label = (choices.isEmpty() ? "Last run: " : "Run ") + run.id() + " ("
                    + (run.started() == null ? "" : when.format(run.started()) + ", ")
                    + Numbers.counted(run.epochsDone(), "epoch") + ", " + run.status() + ")";
            choices.add(new WeightsChoice(label, Optional.of(run.folder())));
        }
        return choices;
    }

    /** Exports with the chosen target, weights and folder, then checks what was written. */
    public void export() {
        if (project == null || folder.get() == null || weights.get() == null || work.busyProperty().get()) {
            return;
        }
        ExportRequest request = new ExportRequest(project, target.get(), weights.get().run(), folder.get(),
                file.map(f -> f.toAbsolutePath().getParent()));
        clearResult();
        state.set(State.WORKING);
        headline.set("Exporting…");
        message.set("Exporting to " + request.target().displayName() + " and checking it…");
        work.submit(ticket -> exporter.run(request), this::exportDidEnd, e -> {
            state.set(State.FAILED);
            headline.set("✗ The export failed");
            message.set(e.getMessage());
        });
    }

    private void exportDidEnd(ExportOutcome outcome) {
        if (outcome instanceof ExportOutcome.Refused refused) {
            state.set(State.REFUSED);
            problems.setAll(refused.problems().stream().filter(Problem::isError).toList());
            headline.set("✗ " + refused.target() + " cannot express " + (problems.size() == 1 ? "this layer"
                    : "these " + problems.size() + " layers") + ". Nothing was written.");
            message.set("Change the layers below and export again.");
            return;
        }
        ExportOutcome.Written written = (ExportOutcome.Written) outcome;
        Verification check = written.verification();
        differences.setAll(check.nodes());
        problems.setAll(written.warnings());
        if (!check.ran()) {
            state.set(State.NOT_VERIFIED);
            headline.set("Exported, not checked on this machine");
        } else if (check.agrees()) {
            state.set(State.VERIFIED);
            headline.set("✓ Exported and checked: every layer agrees");
        } else {
            state.set(State.MISMATCH);
            headline.set(check.nodes().isEmpty() ? "✗ Exported, but the check could not run"
                    : "✗ Exported, but " + Numbers.counted(check.nodes().stream().filter(d -> !d.agrees()).count(),
                    "layer") + " do not agree");
        }
        message.set("Wrote " + String.join(", ", written.files()) + " to " + written.folder() + ", with "
                + written.weights() + ".\n" + check.note()
                + (written.note().isEmpty() ? "" : "\n" + written.note()));
        notifier.confirm("Exported", target.get().displayName() + " export in " + written.folder().getFileName()
                + (check.agrees() ? ", checked ✓" : check.ran() ? ", but it does not agree ✗" : " (not checked here)"));
    }

    private void clearResult() {
        state.set(State.READY);
        headline.set("");
        message.set("");
        problems.clear();
        differences.clear();
    }

    private Path defaultFolder() {
        if (project == null) {
            return null;
        }
        String name = project.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-" + target.get().id();
        return file.map(f -> f.toAbsolutePath().getParent()).orElse(fallbackFolder).resolve(name);
    }

    /** The folder a folder chooser starts in: the project's own, else the fallback. */
    public Path chooserStart() {
        return file.map(f -> f.toAbsolutePath().getParent()).orElse(fallbackFolder);
    }

    public ObjectProperty<ExportTarget> targetProperty() {
        return target;
    }

    public ObservableList<WeightsChoice> weightsChoices() {
        return weightsChoices;
    }

    public ObjectProperty<WeightsChoice> weightsProperty() {
        return weights;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** What the last export came to, in one line ("✓ Exported and checked: every layer agrees"); "" before one. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What the last export wrote and how it was checked, in sentences; "" before one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A note about the weights on offer (a project never saved has no runs); often "". */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The nodes that refused the export (or, after an export, the warnings). */
    public ObservableList<Problem> problems() {
        return problems;
    }

    /** Each node's check, in running order. */
    public ObservableList<NodeDifference> differences() {
        return differences;
    }

    /** The export and its check, for the status bar's task list. */
    public LatestResult<ExportOutcome> work() {
        return work;
    }

    /** Reading the run history, for the status bar's task list. */
    public LatestResult<List<WeightsChoice>> runsWork() {
        return runs;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }
}
