package org.layerloom.app.assignment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.editor.session.ProjectSession;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalCheck;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.NetworkFacts;
import org.layerloom.engine.assignment.RunFacts;
import org.layerloom.engine.train.history.RunFiles;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * What the student sees of the open project's assignment: its goals judged live, structural ones on the network
 * as it is now (after every edit), run ones on the project's newest saved run, which is read in the background
 * after a run ends or another project opens. JavaFX thread only; the run history is read on {@code files}.
 */
public final class GoalsViewModel {

    private final ProjectSession session;
    private final Executor files;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<Optional<Assignment>> assignment = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<List<GoalVerdict>> verdicts = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper("");
    private Optional<RunFacts> run = Optional.empty();
    private Optional<Path> runsOf = Optional.empty();
    private long reads;

    public GoalsViewModel(ProjectSession session, Executor files, Executor fx) {
        this.session = session;
        this.files = files;
        this.fx = fx;
        session.addListener(this::projectDidChange);
        session.editor().addListener(this::refresh);
        projectDidChange();
    }

    /** The open project's assignment, empty when it carries none. */
    public ReadOnlyObjectProperty<Optional<Assignment>> assignmentProperty() {
        return assignment.getReadOnlyProperty();
    }

    /** The verdict of every goal, in the assignment's order. */
    public ReadOnlyObjectProperty<List<GoalVerdict>> verdictsProperty() {
        return verdicts.getReadOnlyProperty();
    }

    /** Which run the run goals were judged on, or why they are not known yet. */
    public ReadOnlyStringProperty runNoteProperty() {
        return runNote.getReadOnlyProperty();
    }

    /** Judges the goals again on the network as it is now and the run read last. */
    public void refresh() {
        Optional<Assignment> now = session.project().assignment();
        if (!now.equals(assignment.get())) {
            assignment.set(now);
        }
        verdicts.set(now.map(a -> GoalCheck.checkAll(a, NetworkFacts.of(session.editor().report()), run))
                .orElse(List.of()));
    }

    /** Reads the project's newest run again (a run has ended) and judges its goals. */
    public void runsMayHaveChanged() {
        Optional<Path> file = session.file();
        long ticket = ++reads;
        if (file.isEmpty()) {
            useRun(Optional.empty(), "Run goals show ? until the project is saved and trained.");
            return;
        }
        Path runs = RunFiles.runsRootOf(file.get());
        files.execute(() -> {
            Optional<RunSummary> newest;
            String note;
            try {
                newest = RunHistory.list(runs).stream().filter(r -> !r.epochs().isEmpty()).findFirst();
                note = newest.map(r -> "Run goals judged on the newest run, " + r.id() + ".")
                        .orElse("Run goals show ? until you train a run.");
            } catch (IOException e) {
                newest = Optional.empty();
                note = "The runs in " + runs + " cannot be read: " + e.getMessage();
            }
            Optional<RunFacts> facts = newest.map(r -> new RunFacts(r.epochs(),
                    Double.isNaN(r.testAccuracy()) ? OptionalDouble.empty() : OptionalDouble.of(r.testAccuracy())));
            String told = note;
            fx.execute(() -> {
                if (ticket == reads) {
                    useRun(facts, told);
                }
            });
        });
    }

    private void useRun(Optional<RunFacts> facts, String note) {
        run = facts;
        runNote.set(note);
        refresh();
    }

    private void projectDidChange() {
        Optional<Path> file = session.file();
        if (!file.equals(runsOf)) {
            runsOf = file;
            run = Optional.empty();
            runsMayHaveChanged();
        }
        refresh();
    }
}
