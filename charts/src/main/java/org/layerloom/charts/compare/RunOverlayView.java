package org.layerloom.charts.compare;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.layout.BorderPane;
import org.layerloom.charts.ChartColors;
import org.layerloom.charts.line.LiveLineChartView;
import org.layerloom.charts.line.SeriesKind;

/**
 * Several runs' curves of one metric in one chart, each in its own colour with its label in the legend
 * (the label names what differs, e.g. "lr 0.01" against "lr 0.001"). Zoom, hover, log scale and export
 * as in {@link LiveLineChartView}. JavaFX thread only.
 */
public final class RunOverlayView extends BorderPane {

    private final LiveLineChartView chart;

    public RunOverlayView(String xName, String yName) {
        chart = new LiveLineChartView("", xName, yName);
        setCenter(chart);
        getStyleClass().add("run-overlay");
    }

    /** The chart inside, for its toolbar and colours. */
    public LiveLineChartView chart() {
        return chart;
    }

    /** Shows these curves (replacing the ones before), with {@code yName} on the y axis. */
    public void setCurves(String yName, List<Curve> curves) {
        chart.setYName(yName);
        chart.model().clear();
        for (int i = 0; i < curves.size(); i++) {
            Curve curve = curves.get(i);
            String key = "run" + i;
            chart.model().addSeries(key, curve.label(), SeriesKind.POINTS, i);
            double[] xs = curve.xs();
            double[] ys = curve.ys();
            for (int k = 0; k < xs.length; k++) {
                chart.model().append(key, xs[k], ys[k]);
            }
        }
        chart.followLatestProperty().set(true);
        chart.refresh();
    }

    /** The chart's colours; bind it to follow a theme. */
    public ObjectProperty<ChartColors> colorsProperty() {
        return chart.colorsProperty();
    }
}
