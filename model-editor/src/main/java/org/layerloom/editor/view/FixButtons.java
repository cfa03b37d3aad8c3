package org.layerloom.editor.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.layerloom.editor.command.ApplyFixCommand;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.Problem;

/**
 * Builds the card of one problem: its message in plain words and a button per suggested fix, one under the
 * other, each as wide as the card and wrapping its label, so a long fix ("Connect Conv2D 1 to Conv2D 1 copy")
 * shows in full. JavaFX thread only.
 */
final class FixButtons {

    private FixButtons() {
    }

    static VBox card(EditorViewModel editor, Problem problem) {
        Label message = new Label(problem.message());
        message.setWrapText(true);
        message.getStyleClass().add("problem-message");
        VBox buttons = new VBox(6);
        buttons.setFillWidth(true);
        for (Fix fix : problem.fixes()) {
            Button button = new Button(fix.label());
            button.getStyleClass().add("fix-button");
            button.setWrapText(true);
            button.setMinWidth(0);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMinHeight(Button.USE_PREF_SIZE);
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            button.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
            ApplyFixCommand command = new ApplyFixCommand(editor, fix);
            button.setDisable(!command.canExecute());
            button.setOnAction(e -> command.executeIfPossible());
            buttons.getChildren().add(button);
        }
        message.setMinWidth(0);
        message.setMinHeight(Label.USE_PREF_SIZE);
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
