package org.layerloom.app.train;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The banner above the work areas that offers to continue a training a crash cut short, with Continue and
 * Dismiss; hidden while there is nothing to offer. JavaFX thread only.
 */
public final class InterruptedRunBanner extends HBox {

    public InterruptedRunBanner(InterruptedRunOffer offer) {
        super(10);
        setId("interrupted-run-banner");
        getStyleClass().add("recovery-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("interrupted-run-text");
        text.setWrapText(true);
        text.textProperty().bind(offer.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button continueRun = new Button("Continue");
        continueRun.setId("continue-interrupted-run");
        continueRun.getStyleClass().add("accent-button");
        continueRun.setOnAction(e -> offer.continueRun());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismiss-interrupted-run");
        dismiss.setOnAction(e -> offer.dismiss());
        continueRun.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, continueRun, dismiss);
        visibleProperty().bind(offer.runProperty().map(run -> run.isPresent()));
        managedProperty().bind(visibleProperty());
    }
}
