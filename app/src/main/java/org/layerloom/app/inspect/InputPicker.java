package org.layerloom.app.inspect;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.image.DrawingPad;
import org.layerloom.charts.image.OverlayImage;
import org.layerloom.charts.scatter.ScatterPlot;
import org.layerloom.engine.look.Theme;

/**
 * Where the student chooses what the network looks at: a test sample by number, the next one the network
 * gets wrong, a digit drawn on a 28 × 28 pad (for 28 × 28 image models) or a point clicked on the plane
 * (for 2-D models); below, the chosen input itself. Rebuilt for each run by {@link #showRun}. JavaFX thread only.
 */
final class InputPicker extends VBox {

    private final InspectViewModel model;
    private final ObservableValue<Theme> theme;
    private final Spinner<Integer> sample = new Spinner<>(0, 0, 0);
    private final Label description = Css.styled(new Label(""), "input-description");
    private final OverlayImage preview;
    private DrawingPad pad;
    private ScatterPlot plane;

    InputPicker(InspectViewModel model, ObservableValue<Theme> theme) {
        super(8);
        this.model = model;
        this.theme = theme;
        Css.styled(this, "inspect-card", "input-picker");
        preview = ThemeColors.follow(new OverlayImage(), theme);
        preview.setPrefSize(180, 180);
        sample.setEditable(true);
        sample.setPrefWidth(110);
        sample.getStyleClass().add("sample-spinner");
        sample.valueProperty().addListener((obs, was, now) -> {
            InputSample shown = model.inputProperty().get();
            if (now != null && (shown == null || shown.testIndex() != now)) {
                model.pickTestSample(now);
            }
        });
        description.setWrapText(true);
        clear();
    }

    /** Shows no choices (no run is open). */
    void clear() {
        pad = null;
        plane = null;
        description.setText("");
        getChildren().setAll(Css.styled(new Label("Choose an input"), "section-title"),
                Css.styled(new Label("Open a finished run from the Train area to choose an input."), "muted"));
    }

    /** Lays out the choices that fit the run's kind of input. */
    void showRun(RunSummary summary) {
        getChildren().clear();
        pad = null;
        plane = null;
        getChildren().add(Css.styled(new Label("Choose an input"), "section-title"));
        if (summary.testCount() > 0) {
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory())
                    .setMax(summary.testCount() - 1);
            Button mistake = Css.styled(new Button("Show the next mistake"), "next-mistake");
            mistake.setOnAction(e -> model.pickNextMistake());
            mistake.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> model.misclassifiedProperty().get().length == 0, model.misclassifiedProperty()));
            HBox row = new HBox(8, new Label("Test sample"), sample);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(row, mistake);
        }
        if (summary.takesDrawnDigit()) {
            pad = ThemeColors.follow(new DrawingPad(28), theme);
            pad.setPrefSize(196, 196);
            pad.setOnDrawn(model::useDrawing);
            Button clear = new Button("Clear");
            clear.setOnAction(e -> pad.clear());
            Label hint = Css.styled(new Label((summary.testCount() > 0 ? "…or draw a digit" : "Draw a digit")
                    + " (right button erases):"), "muted");
            getChildren().addAll(hint, pad, clear);
        }
        if (summary.takesText()) {
            javafx.scene.control.TextField sentence = new javafx.scene.control.TextField();
            sentence.setId("sentence-field");
            sentence.setPromptText("e.g. the food was great");
            Button read = new Button("Read it");
            read.setId("read-sentence");
            read.setDefaultButton(false);
            Runnable useIt = () -> model.useSentence(sentence.getText());
            read.setOnAction(e -> useIt.run());
            sentence.setOnAction(e -> useIt.run());
            HBox.setHgrow(sentence, javafx.scene.layout.Priority.ALWAYS);
            HBox row = new HBox(8, sentence, read);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(Css.styled(new Label("…or type a sentence:"), "muted"), row);
        }
        if (summary.isPlane()) {
            plane = ThemeColors.follow(new ScatterPlot(), theme);
            plane.setPrefSize(320, 320);
            plane.setEqualAxes(true);
            plane.setPointRadius(2.2);
            plane.setTitles("Click a point of the plane", "x₁", "x₂");
            plane.setOnPlaneClicked(model::usePoint);
            showPlanePoints(model.planePointsProperty().get(), summary);
            getChildren().add(plane);
        }
        getChildren().add(description);
    }

    void showPlanePoints(float[][] points, RunSummary summary) {
        if (plane != null && points != null) {
            plane.setPoints(points[0], points[1], model.planeLabels(), List.of());
        }
    }

    /** Shows the chosen input and keeps the spinner on its test index. */
    void showInput(InputSample input, RunSummary summary) {
        description.setText("Looking at " + input.description() + ".");
        if (input.testIndex() >= 0 && !Integer.valueOf(input.testIndex()).equals(sample.getValue())) {
            sample.getValueFactory().setValue(input.testIndex());
        }
        if (summary.isImage()) {
            if (!getChildren().contains(preview)) {
                // Shown once there is an input, so that no picture of another run stays.
                getChildren().add(getChildren().indexOf(description), preview);
            }
            int[] hw = summary.imageSize();
            float[] values = input.values();
            preview.setImage(hw[0], hw[1], java.util.Arrays.copyOf(values, hw[0] * hw[1]));
            preview.setTitles(summary.exampleShape().length == 3 && summary.exampleShape()[0] > 1
                    ? "Input (first channel)" : "Input", "");
        }
        if (plane != null && input.values().length == 2) {
            plane.setMarker(new double[] {input.values()[0], input.values()[1]});
        }
    }

    DrawingPad pad() {
        return pad;
    }

    ScatterPlot plane() {
        return plane;
    }
}
