package org.layerloom.editor.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.layerloom.editor.model.GradientScale;

/**
 * The key to the gradient-coloured wires, in a corner of the canvas: a colour bar on a log scale with its
 * low, middle and high norms, "vanishing" and "large" at the ends. JavaFX thread only.
 */
final class GradientLegend extends VBox {

    static final double BAR_WIDTH = 180;

    private final Label low = new Label();
    private final Label middle = new Label();
    private final Label high = new Label();

    GradientLegend() {
        getStyleClass().add("gradient-legend");
        setId("gradient-legend");
        setMouseTransparent(true);
        Label title = new Label("Gradient norm (log scale)");
        title.getStyleClass().add("legend-title");
        List<Stop> stops = new ArrayList<>();
        Color[] colours = HealthColours.gradientStops();
        for (int i = 0; i < colours.length; i++) {
            stops.add(new Stop(i / (double) (colours.length - 1), colours[i]));
        }
        Rectangle bar = new Rectangle(BAR_WIDTH, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        bar.setArcWidth(4);
        bar.setArcHeight(4);
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        HBox numbers = new HBox(low, left, middle, right, high);
        numbers.setPrefWidth(BAR_WIDTH);
        numbers.setMaxWidth(BAR_WIDTH);
        Label vanishing = new Label("vanishing");
        Label large = new Label("large");
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox words = new HBox(vanishing, gap, large);
        words.setMaxWidth(BAR_WIDTH);
        for (Label l : List.of(low, middle, high, vanishing, large)) {
            l.getStyleClass().add("legend-tick");
        }
        setSpacing(3);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, bar, numbers, words);
        setManaged(false);
        show(new GradientScale(1e-4, 1));
    }

    void show(GradientScale scale) {
        low.setText(GradientScale.format(scale.low()));
        middle.setText(GradientScale.format(scale.valueAt(0.5)));
        high.setText(GradientScale.format(scale.high()));
    }

    String text() {
        return low.getText() + " | " + middle.getText() + " | " + high.getText();
    }
}
