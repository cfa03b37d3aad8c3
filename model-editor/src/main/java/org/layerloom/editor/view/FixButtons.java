package org.layerloom.editor.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.layerloom.editor.command.ApplyFixCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.Problem;

/** Builds the card of one problem: its message in plain words and a button per suggested fix. */
final class FixButtons {

    private FixButtons() {
    }

    static VBox card(EditorViewModel editor, Problem problem) {
        Label message = new Label(problem.message());
        message.setWrapText(true);
        message.getStyleClass().add("problem-message");
        FlowPane buttons = new FlowPane(6, 6);
        for (Fix fix : problem.fixes()) {
            Button button = new Button(fix.label());
            button.getStyleClass().add("fix-button");
            button.setWrapText(true);
            button.setMinWidth(0);
            ApplyFixCommand command = new ApplyFixCommand(editor, fix);
            button.setDisable(!command.canExecute());
            button.setOnAction(e -> command.executeIfPossible());
            buttons.getChildren().add(button);
        }
        message.setMinWidth(0);
        buttons.setMinWidth(0);
        VBox card = new VBox(8, message);
        card.setMinWidth(0);
        if (!problem.fixes().isEmpty()) {
            card.getChildren().add(buttons);
        }
        card.getStyleClass().addAll("problem-card", problem.isError() ? "error" : "warning");
        return card;
    }
}
