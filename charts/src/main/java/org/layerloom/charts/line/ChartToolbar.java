package org.layerloom.charts.line;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The small row of controls for one {@link LiveLineChartView}: "Log scale", "Follow latest" and an
 * Export menu (PNG picture, CSV of all the data, through a save dialog). Export failures go to
 * {@code onError} as a sentence. JavaFX thread only.
 */
public final class ChartToolbar extends HBox {

    /**
     * @param chart    the chart the controls act on
     * @param baseName the suggested file name without extension, e.g. "loss"
     * @param onError  told, in plain words, when a file could not be written
     */
    public ChartToolbar(LiveLineChartView chart, String baseName, Consumer<String> onError) {
        CheckBox log = new CheckBox("Log scale");
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        log.setTooltip(new Tooltip("Show the values on a logarithmic axis (small losses become readable)."));
        CheckBox follow = new CheckBox("Follow latest");
        follow.selectedProperty().bindBidirectional(chart.followLatestProperty());
        follow.setTooltip(new Tooltip("Keep all of the run in view as it grows. Drag a rectangle or use the"
                + " wheel to zoom, Ctrl+drag to pan."));
        MenuItem png = new MenuItem("Picture (PNG)…");
        png.setOnAction(e -> save(chart, baseName + ".png", "PNG picture", "*.png", onError, true));
        MenuItem csv = new MenuItem("Data (CSV)…");
        csv.setOnAction(e -> save(chart, baseName + ".csv", "CSV table", "*.csv", onError, false));
        MenuButton export = new MenuButton("Export", null, png, csv);
        getChildren().addAll(log, follow, export);
        getStyleClass().add("chart-toolbar");
        getStylesheets().add(ChartToolbar.class.getResource("/org/layerloom/charts/charts.css").toExternalForm());
    }

    private void save(LiveLineChartView chart, String name, String what, String pattern, Consumer<String> onError,
                      boolean picture) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            if (picture) {
                chart.exportPng(file.toPath(), 1600, 900);
            } else {
                chart.exportCsv(file.toPath());
            }
        } catch (IOException | RuntimeException e) {
            onError.accept("Could not write " + file + ": " + e.getMessage());
        }
    }
}
