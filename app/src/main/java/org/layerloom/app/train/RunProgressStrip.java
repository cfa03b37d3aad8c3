package org.layerloom.app.train;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.beans.value.ObservableStringValue;

/**
 * The dashboard's progress line: a bar over the whole run, then epoch and batch, samples per second,
 * time trained and time left, device and threads, and the best epoch. JavaFX thread only.
 */
final class RunProgressStrip extends HBox {

    RunProgressStrip(LiveRun run) {
        RunProgressTexts model = run.progress();
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.fractionProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(240);
        HBox.setHgrow(bar, Priority.SOMETIMES);
        getChildren().addAll(bar,
                fact("epoch-text", model.epochTextProperty(), true),
                fact("batch-text", model.batchTextProperty(), false),
                fact("speed-text", model.speedTextProperty(), false),
                fact("elapsed-text", model.elapsedTextProperty(), false),
                fact("eta-text", model.etaTextProperty(), false),
                fact("device-text", model.deviceTextProperty(), false),
                fact("best-text", run.bestTextProperty(), true));
        getStyleClass().add("dash-progress");
    }

    private static Label fact(String id, ObservableStringValue text, boolean strong) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.getStyleClass().add(strong ? "progress-fact-strong" : "progress-fact");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
