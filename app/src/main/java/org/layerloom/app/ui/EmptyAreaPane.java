package org.layerloom.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What an area shows when it has nothing yet: a title and one or two sentences saying how to get there.
 * Used for areas whose view is not part of this build. JavaFX thread only.
 */
public final class EmptyAreaPane extends StackPane {

    public EmptyAreaPane(String id, String title, String message) {
        setId(id);
        getStyleClass().add("empty-area");
        Label heading = new Label(title);
        heading.getStyleClass().add("empty-area-title");
        Label text = new Label(message);
        text.getStyleClass().add("muted");
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, heading, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-area-card");
        box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(box);
    }
}
