package org.layerloom.app.health;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.histogram.HistogramHeatmap;
import org.layerloom.charts.histogram.SignalLinesView;
import org.layerloom.editor.view.HealthOverlay;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The training-health view: a one-line verdict on the gradient flow, a scrubber over the run's health
 * captures (which also drives the health overlay on the graph), the per-layer table of the chosen capture,
 * the gradient norm and update ratio of every trainable layer over time (log scale, the 1e-3 rule of thumb
 * dashed), and the weight histograms over time of the layer chosen in the table. The app's event pump calls
 * {@link #onEvents} once per pulse. Its charts follow the theme it is given. JavaFX thread only.
 */
public final class HealthView extends BorderPane {

    static final String STYLESHEET = "/org/layerloom/app/health/health.css";

    private final HealthViewModel model;
    private final Label headline = new Label();
    private final Label position = new Label();
    private final Slider scrubber = new Slider(0, 0, 0);
    private final HealthTable table = new HealthTable();
    private final SignalLinesView gradients = new SignalLinesView();
    private final SignalLinesView ratios = new SignalLinesView();
    private final HistogramHeatmap histogram = new HistogramHeatmap();
    private String histogramNode;
    private boolean updating;

    /**
     * @param model   the captures and the scrubber
     * @param overlay the editor canvas's health overlay that follows the scrubber
     * @param theme   the app's theme, which the charts follow
     */
    public HealthView(HealthViewModel model, HealthOverlay overlay, ObservableValue<Theme> theme) {
        this.model = model;
        ThemeColors.follow(gradients, theme);
        ThemeColors.follow(ratios, theme);
        ThemeColors.follow(histogram, theme);
        new HealthOverlayFeed(model, overlay);
        getStyleClass().add("health-view");
        setId("health-view");
        getStylesheets().add(HealthView.class.getResource(STYLESHEET).toExternalForm());

        Label title = new Label("Training health");
        title.getStyleClass().add("health-title");
        headline.getStyleClass().add("health-headline");
        headline.setId("health-headline");
        headline.setWrapText(true);
        scrubber.setId("health-scrubber");
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.valueProperty().addListener((obs, was, is) -> {
            if (!updating) {
                model.select((int) Math.round(is.doubleValue()));
            }
        });
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        position.getStyleClass().add("health-position");
        position.setId("health-position");
        position.setMinWidth(230);
        Label scrubLabel = new Label("Capture");
        scrubLabel.getStyleClass().add("health-muted");
        HBox scrubRow = new HBox(10, scrubLabel, scrubber, position);
        scrubRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, title, headline, scrubRow);
        header.getStyleClass().add("health-header");
        setTop(header);

        gradients.titleProperty().set("Gradient norm per layer");
        ratios.titleProperty().set("Update ratio per layer");
        ratios.setReference(1e-3, "rule of thumb 1e-3");
        histogram.titleProperty().set("Weights over time");
        VBox charts = new VBox(8, gradients, ratios, histogram);
        charts.getStyleClass().add("health-charts");
        for (javafx.scene.layout.Region chart : List.<javafx.scene.layout.Region>of(gradients, ratios, histogram)) {
            VBox.setVgrow(chart, Priority.ALWAYS);
            chart.setMinHeight(140);
        }
        Label key = new Label("Dead: ReLU units that output 0 for every probe example.  Saturated: sigmoid/tanh"
                + " outputs at the flat ends.  Gradient norm: much smaller in the first layers means vanishing"
                + " gradients.  Update ratio: how much one step changes the weights (‖Δw‖/‖w‖); about 1e-3 is"
                + " healthy, values 10× off are marked.");
        key.getStyleClass().add("health-key");
        key.setWrapText(true);
        key.setTooltip(new javafx.scene.control.Tooltip(table.explanations()));
        VBox tableBox = new VBox(6, table, key);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(tableBox, charts);
        split.setDividerPositions(0.67);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 12, 12, 12));

        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && !updating) {
                histogramNode = is.nodeId();
                showHistogram();
            }
        });
        model.addListener(this::refresh);
        refresh();
    }

    /** Takes one pulse's worth of training events (JavaFX thread, once per pulse). */
    public void onEvents(List<TrainingEvent> batch) {
        model.onEvents(batch);
    }

    public HealthViewModel model() {
        return model;
    }

    private void refresh() {
        updating = true;
        try {
            int n = model.captureCount();
            scrubber.setMax(Math.max(0, n - 1));
            scrubber.setDisable(n < 2);
            scrubber.setValue(Math.max(0, model.selectedIndex()));
            position.setText(model.selectedLabel());
            headline.setText(model.headline());
            String selectedId = table.getSelectionModel().getSelectedItem() == null ? null
                    : table.getSelectionModel().getSelectedItem().nodeId();
            table.getItems().setAll(model.rows());
            for (LayerRow row : table.getItems()) {
                if (row.nodeId().equals(selectedId)) {
                    table.getSelectionModel().select(row);
                }
            }
            gradients.setSeries(model.gradientLines());
            ratios.setSeries(model.updateRatioLines());
            gradients.setMarker(model.selectedStep());
            ratios.setMarker(model.selectedStep());
            if (histogramNode == null || !model.trainableNodeIds().contains(histogramNode)) {
                histogramNode = model.trainableNodeIds().isEmpty() ? null : model.trainableNodeIds().get(0);
            }
        } finally {
            updating = false;
        }
        showHistogram();
    }

    private void showHistogram() {
        if (histogramNode == null) {
            histogram.titleProperty().set("Weights over time");
            histogram.setFrames(List.of());
            return;
        }
        histogram.titleProperty().set("Weights of " + model.name(histogramNode) + " over time (by step)");
        histogram.setFrames(model.histogram(histogramNode));
        histogram.setMarked(model.selectedIndex());
    }

    /** For tests: the charts. */
    SignalLinesView gradientChart() {
        return gradients;
    }

    HistogramHeatmap histogramChart() {
        return histogram;
    }

    HealthTable table() {
        return table;
    }
}
