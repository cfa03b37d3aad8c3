package org.layerloom.app.train;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.charts.line.ChartToolbar;
import org.layerloom.charts.line.LiveLineChartView;

/** A titled card around one chart with its toolbar (log scale, follow latest, export). JavaFX thread only. */
final class ChartCard extends VBox {

    ChartCard(String title, LiveLineChartView chart, String fileName, Consumer<String> onError) {
        this(title, chart, new ChartToolbar(chart, fileName, onError));
    }

    ChartCard(String title, Node content, Node tools) {
        Label heading = new Label(title);
        heading.getStyleClass().add("chart-card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, heading, spacer, tools);
        header.getStyleClass().add("chart-card-header");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content);
        getStyleClass().add("chart-card");
    }
}
