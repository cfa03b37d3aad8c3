package org.layerloom.app.inspect;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.BarStrip;
import org.layerloom.engine.inspect.Prediction;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.text.Numbers;

/**
 * The network's answer for the chosen input: a headline ("Predicts 7 with 93 % — right") and the class
 * probabilities as bars named by class, the predicted one highlighted; for a regression the output values.
 * JavaFX thread only.
 */
final class PredictionPane extends VBox {

    private final Label headline = Css.styled(new Label("No input yet."), "prediction-headline");
    private final BarStrip bars;

    PredictionPane(ObservableValue<Theme> theme) {
        super(6);
        Css.styled(this, "inspect-card", "prediction-pane");
        bars = ThemeColors.follow(new BarStrip(), theme);
        bars.setPrefHeight(170);
        headline.setWrapText(true);
        getChildren().addAll(Css.styled(new Label("Prediction"), "section-title"), headline, bars);
    }

    /** Shows no answer (no run, or no input chosen yet). */
    void clear() {
        headline.setText("No input yet.");
        headline.getStyleClass().remove("wrong");
        bars.setValues(new float[0], java.util.List.of());
        bars.setTitles("", "");
    }

    void show(Prediction prediction, InputSample input, RunSummary summary) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (prediction.isClassification()) {
            float[] p = prediction.probabilities();
            for (int c = 0; c < p.length; c++) {
                names.add(summary.className(c));
            }
            int k = prediction.predictedClass();
            String verdict = input.trueClass() < 0 ? "" : input.trueClass() == k ? "  ✔ right"
                    : "  ✘ wrong, it is " + summary.className(input.trueClass());
            headline.setText("Predicts " + summary.className(k) + " (" + Numbers.probability(prediction.confidence()) + ")"
                    + verdict);
            headline.getStyleClass().remove("wrong");
            if (input.trueClass() >= 0 && input.trueClass() != k) {
                headline.getStyleClass().add("wrong");
            }
            bars.setValues(p, names);
            bars.setValueFormat(Numbers::probability);
            bars.setMaximum(1);
            bars.setHighlighted(k);
            bars.setTitles("Class probabilities", "probability");
        } else {
            float[] out = prediction.outputs();
            StringBuilder text = new StringBuilder("Outputs:");
            for (float v : out) {
                text.append(' ').append(ColorScale.format(v));
            }
            headline.setText(text.toString());
            bars.setValues(out, names);
            bars.setValueFormat(ColorScale::format);
            bars.setMaximum(Double.NaN);
            bars.setHighlighted(-1);
            bars.setTitles("Output values", "value");
        }
    }

    String headlineText() {
        return headline.getText();
    }
}
