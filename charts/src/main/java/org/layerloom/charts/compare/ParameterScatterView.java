package org.layerloom.charts.compare;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.layerloom.charts.ChartColors;

/**
 * A scatter of runs: accuracy (y, in %) against the number of parameters (x, logarithmic), each point
 * labelled with its run and coloured as in the overlay, so a student sees whether a bigger network
 * paid off. Fed plain numbers with {@link #setPoints}. JavaFX thread only.
 */
public final class ParameterScatterView extends BorderPane {

    /** The narrowest accuracy axis, in percentage points. */
    static final double MINIMUM_ACCURACY_RANGE = 2;

    private final org.layerloom.charts.TextScale textScale;
    private final XYSeriesCollection data = new XYSeriesCollection();
    /** The label drawn beside each point, by series index ("" for a point drawn under another's label). */
    private final List<String> labels = new java.util.ArrayList<>();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    private final XYSeriesCollection frontierData = new XYSeriesCollection();
    private final XYLineAndShapeRenderer frontierRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ObjectProperty<ChartColors> colors = new SimpleObjectProperty<>(this, "colors", ChartColors.LIGHT);
    private ChartColors palette = ChartColors.LIGHT;

    public ParameterScatterView() {
        LogAxis x = new LogAxis("parameters (log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1), false, false);
        x.setAutoTickUnitSelection(false);
        NumberAxis y = new NumberAxis("best validation accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        y.setUpperMargin(0.15);
        y.setLowerMargin(0.1);
        // Runs of the same accuracy (35 of 36 right: 97.2222 %) would otherwise give a range a hundred-millionth
        // wide whose every tick reads 9.722222E1: keep it at least 2 points wide, with ticks every half point or
        // more, written as plain decimals.
        y.setAutoRangeMinimumSize(MINIMUM_ACCURACY_RANGE);
        org.jfree.chart.axis.TickUnits steps = new org.jfree.chart.axis.TickUnits();
        for (double step : new double[] {0.5, 1, 2, 5, 10, 20, 25}) {
            steps.add(new org.jfree.chart.axis.NumberTickUnit(step, new DecimalFormat("0.#")));
        }
        y.setStandardTickUnits(steps);
        plot = new XYPlot(data, x, y, renderer);
        plot.setOutlineVisible(false);
        plot.setDataset(1, frontierData);
        plot.setRenderer(1, frontierRenderer);
        frontierRenderer.setSeriesStroke(0, new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_ROUND,
                java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> series < labels.size() ? labels.get(series)
                : dataset.getSeriesKey(series).toString());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setAntiAlias(true);
        setCenter(new ChartViewer(chart));
        getStyleClass().add("parameter-scatter");
        colors.addListener((obs, was, is) -> colorsDidChange(is));
        textScale = new org.layerloom.charts.TextScale(getChildren());
        textScale.property().addListener((obs, was, is) -> applyPalette());
        applyPalette();
    }

    /**
     * Shows these runs; points without an accuracy (NaN, e.g. regressions) are left out. Runs at the same place (a
     * pruned run and its fine-tuned copy at equal accuracy) share one label, "A +1", instead of overprinting.
     */
    public void setPoints(List<ScatterPoint> points) {
        chart.setNotify(false);
        data.removeAllSeries();
        labels.clear();
        labels.addAll(SharedLabels.of(points));
        int index = 0;
        for (ScatterPoint point : points) {
            String key = point.label();
            while (data.getSeriesIndex(key) >= 0) {
                key = key + " ";
            }
            XYSeries series = new XYSeries(key, false, true);
            if (!Double.isNaN(point.accuracy()) && point.parameters() > 0) {
                series.add(point.parameters(), 100 * point.accuracy());
            }
            data.addSeries(series);
            renderer.setSeriesPaint(index, ChartColors.awt(palette.seriesColor(index)), false);
            renderer.setSeriesShape(index, new Ellipse2D.Double(-5, -5, 10, 10), false);
            renderer.setSeriesItemLabelPaint(index, ChartColors.awt(palette.text()), false);
            index++;
        }
        fitSizeAxis(points);
        chart.setNotify(true);
    }

    /**
     * Draws a dashed line through {@code points} (the runs worth keeping, smallest first), over the scatter;
     * an empty list removes it.
     */
    public void setFrontier(List<ScatterPoint> points) {
        frontierData.removeAllSeries();
        XYSeries line = new XYSeries("frontier", false, true);
        for (ScatterPoint point : points) {
            if (!Double.isNaN(point.accuracy()) && point.parameters() > 0) {
                line.add(point.parameters(), 100 * point.accuracy());
            }
        }
        if (!line.isEmpty()) {
            frontierData.addSeries(line);
            frontierRenderer.setSeriesPaint(0, ChartColors.awt(palette.muted()), false);
        }
    }

    /** How many points the frontier line joins. */
    public int frontierPointCount() {
        return frontierData.getSeriesCount() == 0 ? 0 : frontierData.getItemCount(0);
    }

    /** The accuracy axis's title, e.g. "test accuracy (%)". */
    public void setAccuracyLabel(String label) {
        plot.getRangeAxis().setLabel(label);
    }

    /** The accuracy axis's title. */
    public String accuracyLabel() {
        return plot.getRangeAxis().getLabel();
    }

    /** A log axis over one value (all runs the same size) would show one tick many times: widen it. */
    private void fitSizeAxis(List<ScatterPoint> points) {
        long low = points.stream().mapToLong(ScatterPoint::parameters).filter(p -> p > 0).min().orElse(0);
        long high = points.stream().mapToLong(ScatterPoint::parameters).filter(p -> p > 0).max().orElse(0);
        ValueAxis x = plot.getDomainAxis();
        if (low == 0) {
            x.setAutoRange(true);
        } else {
            double pad = (double) high / low < 10 ? 10 : 2;
            x.setRange(low / pad, high * pad);
        }
    }

    /** The accuracy axis's tick labels (minor ticks have none) as drawn in a chart of {@code width} × {@code height} pixels. */
    List<String> accuracyTickLabels(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), info);
            java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
            List<?> ticks = plot.getRangeAxis().refreshTicks(g, new org.jfree.chart.axis.AxisState(), area,
                    org.jfree.chart.ui.RectangleEdge.LEFT);
            return ticks.stream().map(tick -> ((org.jfree.chart.axis.Tick) tick).getText())
                    .filter(text -> text != null && !text.isEmpty()).map(String::valueOf).toList();
        } finally {
            g.dispose();
        }
    }

    /** How many runs are drawn (with a point). */
    public int pointCount() {
        int n = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            n += data.getItemCount(i);
        }
        return n;
    }

    /** The colours the chart is painted in (light by default); bind it to follow a theme. */
    public ObjectProperty<ChartColors> colorsProperty() {
        return colors;
    }

    /** Repaints in the colours of another theme. */
    public void setColors(ChartColors newColors) {
        colors.set(java.util.Objects.requireNonNull(newColors, "colors"));
    }

    private void colorsDidChange(ChartColors newColors) {
        palette = newColors == null ? ChartColors.LIGHT : newColors;
        applyPalette();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartColors.awt(palette.seriesColor(i)), false);
            renderer.setSeriesItemLabelPaint(i, ChartColors.awt(palette.text()), false);
        }
        chart.fireChartChanged();
    }

    private void applyPalette() {
        chart.setBackgroundPaint(ChartColors.awt(palette.background()));
        plot.setBackgroundPaint(ChartColors.awt(palette.background()));
        plot.setDomainGridlinePaint(ChartColors.awt(palette.gridLine()));
        plot.setRangeGridlinePaint(ChartColors.awt(palette.gridLine()));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setTickLabelPaint(ChartColors.awt(palette.muted()));
            axis.setLabelPaint(ChartColors.awt(palette.text()));
            axis.setAxisLinePaint(ChartColors.awt(palette.gridLine()));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(textScale.size(11))));
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(textScale.size(12))));
        }
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(textScale.size(11))));
    }
}
