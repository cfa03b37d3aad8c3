package org.layerloom.app.assignment;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.editor.view.LockIcon;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.Lock;

/**
 * The student's view of the assignment: its title and instructions, every goal with a live ✓, ✗ or ?, and what
 * the teacher locked with the reason. Shows a short note when the project carries no assignment. Observes a
 * {@link GoalsViewModel}; JavaFX thread only.
 */
public final class GoalsPanel extends ScrollPane {

    private static final String STYLESHEET = "/org/layerloom/app/assignment/assignment.css";

    private final GoalsViewModel model;
    private final VBox content = new VBox(8);

    public GoalsPanel(GoalsViewModel model) {
        this.model = model;
        setId("goals-panel");
        content.getStyleClass().add("goals-panel");
        setContent(content);
        setFitToWidth(true);
        getStylesheets().add(GoalsPanel.class.getResource(STYLESHEET).toExternalForm());
        model.assignmentProperty().addListener((o, was, is) -> rebuild());
        model.verdictsProperty().addListener((o, was, is) -> rebuild());
        model.runNoteProperty().addListener((o, was, is) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        content.getChildren().clear();
        Optional<Assignment> assignment = model.assignmentProperty().get();
        if (assignment.isEmpty()) {
            Label none = new Label("This project carries no assignment. A teacher adds one with File > Assignment…");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            content.getChildren().add(none);
            return;
        }
        Assignment a = assignment.get();
        Label title = new Label(a.title().isBlank() ? "Assignment" : a.title());
        title.getStyleClass().add("goals-title");
        title.setWrapText(true);
        content.getChildren().add(title);
        List<GoalVerdict> verdicts = model.verdictsProperty().get();
        if (!verdicts.isEmpty()) {
            long met = verdicts.stream().filter(GoalVerdict::met).count();
            Label summary = new Label(met + " of " + verdicts.size() + " goals met");
            summary.getStyleClass().addAll("goals-summary", met == verdicts.size() ? "goals-all-met" : "goals-open");
            summary.setId("goals-summary");
            content.getChildren().add(summary);
            for (GoalVerdict v : verdicts) {
                content.getChildren().add(row(v));
            }
            Label note = new Label(model.runNoteProperty().get());
            note.getStyleClass().add("muted");
            note.setWrapText(true);
            content.getChildren().add(note);
        }
        if (!a.instructions().isBlank()) {
            content.getChildren().addAll(heading("Instructions"), InstructionsText.of(a.instructions()));
        }
        if (!a.locks().isEmpty()) {
            content.getChildren().add(heading("Locked by your teacher"));
            for (Lock lock : a.locks()) {
                Label line = new Label(lock.describe() + " — " + lock.reason(), LockIcon.create());
                line.setGraphicTextGap(8);
                line.getStyleClass().add("goals-lock");
                line.setWrapText(true);
                content.getChildren().add(line);
            }
        }
    }

    private static HBox row(GoalVerdict v) {
        Label mark = new Label(v.status().mark());
        mark.getStyleClass().addAll("goal-mark", "goal-" + v.status().name().toLowerCase(java.util.Locale.ROOT));
        mark.setMinWidth(22);
        Label sentence = new Label(v.sentence());
        sentence.setWrapText(true);
        sentence.getStyleClass().add("goal-sentence");
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox row = new HBox(6, mark, sentence);
        row.getStyleClass().add("goal-row");
        return row;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("goals-heading");
        return label;
    }
}
