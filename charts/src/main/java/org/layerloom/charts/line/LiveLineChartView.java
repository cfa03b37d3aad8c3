package org.layerloom.charts.line;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.layerloom.charts.ChartColors;

/**
 * A live line chart (JFreeChart inside JavaFX) over a {@link LineChartModel}: noisy per-step series
 * drawn faint with their smoothed line over them, per-epoch points, labelled vertical markers, a
 * linear or log y axis, a tooltip with the exact values under the mouse, zoom (drag a rectangle, the
 * wheel) and pan (Ctrl+drag), "follow latest" (the x axis keeps showing all data; zooming turns it off),
 * and export of the picture (PNG) and of the FULL data (CSV). Only what is visible is drawn, thinned to
 * two points per pixel column, so a million points redraw in a few milliseconds.
 *
 * <p>Feed it by changing {@link #model()} and then calling {@link #refresh()} once (per pulse): that
 * redraws once. JavaFX thread only.
 */
public final class LiveLineChartView extends StackPane {

    private final LineChartModel model = new LineChartModel();
    private static final double DEFAULT_MINIMUM_RANGE = 1e-8;
    /** Pixels between a legend item's marker and its label, at the default text size. */
    private static final double LEGEND_LABEL_GAP = 6;
    /** Pixels after a legend item's label, before the next item, at the default text size. */
    private static final double LEGEND_ITEM_GAP = 18;
    private final DecimatedDataset dataset = new DecimatedDataset();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final NumberAxis linearAxis;
    private final LogAxis logAxis;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label hover = new Label();
    private final org.layerloom.charts.TextScale textScale;
    private final BooleanProperty followLatest = new SimpleBooleanProperty(this, "followLatest", true);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final String xName;
    private final ObjectProperty<ChartColors> colors = new SimpleObjectProperty<>(this, "colors", ChartColors.LIGHT);
    private ChartColors palette = ChartColors.LIGHT;
    private long drawnRevision = -1;
    private int drawnColumns = -1;
    private double drawnLower = Double.NaN;
    private double drawnUpper = Double.NaN;
    private String styledMarkers = "";
    private boolean updating;
    private boolean refreshQueued;
    private long lastRedrawNanos;

    /**
     * @param title the chart's heading, or "" for none
     * @param xName what x counts, e.g. "epoch" (axis label and tooltip)
     * @param yName what y measures, e.g. "loss"
     */
    public LiveLineChartView(String title, String xName, String yName) {
        this.xName = xName;
        NumberAxis xAxis = new NumberAxis(xName);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setAutoRangeStickyZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        linearAxis = new NumberAxis(yName);
        linearAxis.setAutoRangeIncludesZero(false);
        logAxis = new LogAxis(yName);
        logAxis.setSmallestValue(1e-6);
        logAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
        plot = new XYPlot(dataset, xAxis, linearAxis, renderer);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-9, 0, 9, 0));
        renderer.setLegendItemLabelGenerator((data, series) -> {
            String label = dataset.drawn().get(series).label();
            return label == null ? "" : label;
        });
        chart = new JFreeChart(title.isEmpty() ? null : title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().setTooltipEnabled(false);
        hover.getStyleClass().add("chart-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(viewer, hover);
        textScale = new org.layerloom.charts.TextScale(getChildren());
        textScale.property().addListener((obs, was, is) -> {
            applyPalette();
            syncMarkers();
        });
        getStyleClass().add("live-line-chart");
        getStylesheets().add(LiveLineChartView.class.getResource("/org/layerloom/charts/charts.css").toExternalForm());
        setMinSize(200, 140);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        xAxis.addChangeListener(event -> axisMoved());
        viewer.widthProperty().addListener((o, a, b) -> queueRefresh());
        viewer.getCanvas().setOnMouseMoved(event -> showValuesAt(event.getX(), event.getY()));
        viewer.getCanvas().setOnMouseExited(event -> hover.setVisible(false));
        followLatest.addListener((o, was, follow) -> {
            if (follow && !updating) {
                plot.getDomainAxis().setAutoRange(true);
                plot.getRangeAxis().setAutoRange(true);
                drawnRevision = -1;
                refresh();
            }
        });
        logScale.addListener((o, was, log) -> {
            plot.setRangeAxis(log ? logAxis : linearAxis);
            applyPalette();
            drawnRevision = -1;
            refresh();
        });
        colors.addListener((o, was, is) -> colorsDidChange(is));
        applyPalette();
    }

    /** The data; change it, then call {@link #refresh()}. */
    public LineChartModel model() {
        return model;
    }

    /** Whether the x axis follows the data as it grows; zooming or panning turns it off. */
    public BooleanProperty followLatestProperty() {
        return followLatest;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Sets the smoothing weight of the noisy series, in [0, 1), and redraws. */
    public void setSmoothing(double weight) {
        model.setSmoothing(weight);
        refresh();
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
        drawnRevision = -1;
        refresh();
    }

    /** The chart's heading. */
    public void setTitle(String title) {
        chart.setTitle(title.isEmpty() ? null : title);
    }

    /** Sets the y axis label. */
    public void setYName(String yName) {
        linearAxis.setLabel(yName);
        logAxis.setLabel(yName);
    }

    /** Redraws when the data, the visible range or the width changed since the last time; one redraw at most. */
    public void refresh() {
        refreshQueued = false;
        int columns = Math.max(1, (int) Math.round(viewer.getWidth() > 0 ? viewer.getWidth() : 600));
        double[] shown = shownRange();
        if (model.revision() == drawnRevision && columns == drawnColumns
                && (followLatest.get() || (shown[0] == drawnLower && shown[1] == drawnUpper))) {
            return;
        }
        long start = System.nanoTime();
        updating = true;
        chart.setNotify(false);
        try {
            double[] range = visibleRange();
            dataset.update(model.drawn(), range[0], range[1], columns);
            keepConstantLinesReadable();
            styleSeries();
            syncMarkers();
        } finally {
            chart.setNotify(true);
            updating = false;
        }
        drawnRevision = model.revision();
        drawnColumns = columns;
        double[] after = shownRange();
        drawnLower = after[0];
        drawnUpper = after[1];
        lastRedrawNanos = System.nanoTime() - start;
    }

    /**
     * A line that never changes (a fixed learning rate) gets a value axis of ±25 % around it, not one a
     * millionth wide with labels such as 9.999995E-3.
     */
    private void keepConstantLinesReadable() {
        org.jfree.data.Range values = org.jfree.data.general.DatasetUtils.findRangeBounds(dataset);
        double size = DEFAULT_MINIMUM_RANGE;
        if (values != null) {
            double magnitude = Math.max(Math.abs(values.getLowerBound()), Math.abs(values.getUpperBound()));
            if (magnitude > 0 && values.getLength() < magnitude * 1e-3) {
                size = magnitude * 0.5;
            }
        }
        if (linearAxis.getAutoRangeMinimumSize() != size) {
            linearAxis.setAutoRangeMinimumSize(size);
        }
    }

    /** How long the last {@link #refresh()} took to thin the data and redraw, in nanoseconds. */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    /** How many points the chart drew last time, over all lines. */
    /** The size of the axes' tick labels in points now (grows with the window's font size), for tests. */
    int tickLabelSize() {
        return linearAxis.getTickLabelFont().getSize();
    }

    public int drawnPoints() {
        return dataset.drawnPoints();
    }

    /** Shows the x range [lower, upper] (turns "follow latest" off), as zooming does. */
    public void zoomTo(double lower, double upper) {
        followLatest.set(false);
        plot.getDomainAxis().setRange(lower, upper);
        refresh();
    }

    /** The x range on screen. */
    public double[] shownRange() {
        return new double[] {plot.getDomainAxis().getLowerBound(), plot.getDomainAxis().getUpperBound()};
    }

    /** Whether the y axis is logarithmic now. */
    public boolean isLogAxisShown() {
        return plot.getRangeAxis() instanceof LogAxis;
    }

    /** The labels of the markers on the chart, in order. */
    public List<String> markerLabels() {
        return plot.getDomainMarkers(Layer.FOREGROUND) == null ? List.of()
                : plot.getDomainMarkers(Layer.FOREGROUND).stream().map(m -> ((ValueMarker) m).getLabel()).toList();
    }

    /** The hover text shown at a point of the canvas, or "" when it is outside the plot. */
    public String valuesAt(double canvasX) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || dataset.getSeriesCount() == 0) {
            return "";
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (canvasX < area.getMinX() || canvasX > area.getMaxX()) {
            return "";
        }
        ValueAxis axis = plot.getDomainAxis();
        double x = axis.java2DToValue(canvasX, area, RectangleEdge.BOTTOM);
        double pixel = (axis.getUpperBound() - axis.getLowerBound()) / Math.max(1, area.getWidth());
        StringBuilder text = new StringBuilder(xName).append(' ').append(format(x));
        List<DrawnSeries> lines = model.drawn();
        for (int i = 0; i < lines.size(); i++) {
            DrawnSeries line = lines.get(i);
            int at = line.data().nearest(x);
            if (at < 0 || (line.hasDots() && Math.abs(line.data().x(at) - x) > 12 * pixel)) {
                continue;
            }
            if (line.isFaint() && i + 1 < lines.size()) {
                DrawnSeries smooth = lines.get(i + 1);
                text.append('\n').append(smooth.label()).append(": ").append(format(line.data().y(at)))
                        .append("  (smoothed ").append(format(smooth.data().y(at))).append(')');
                i++;
            } else {
                text.append('\n').append(line.label()).append(": ").append(format(line.data().y(at)));
                if (line.hasDots()) {
                    text.append(" at ").append(xName).append(' ').append(format(line.data().x(at)));
                }
            }
        }
        return text.toString();
    }

    /** Writes the chart as a PNG picture of {@code width}×{@code height} pixels. */
    public void exportPng(Path file, int width, int height) throws IOException {
        double[] range = visibleRange();
        chart.setNotify(false);
        dataset.update(model.drawn(), range[0], range[1], width);
        chart.setNotify(true);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        drawnRevision = -1;
        refresh();
    }

    /** Writes every point of every series (the full data, not what is drawn) as CSV. */
    public void exportCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            model.writeCsv(out);
        }
    }

    private double[] visibleRange() {
        double[] bounds = model.xBounds();
        if (followLatest.get() || bounds == null) {
            plot.getDomainAxis().setAutoRange(true);
            return bounds == null ? new double[] {0, 1} : bounds;
        }
        return shownRange();
    }

    private void axisMoved() {
        if (updating) {
            return;
        }
        if (!plot.getDomainAxis().isAutoRange() && followLatest.get()) {
            updating = true;
            followLatest.set(false);
            updating = false;
        }
        queueRefresh();
    }

    private void queueRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(this::refresh);
        }
    }

    private void showValuesAt(double x, double y) {
        String text = valuesAt(x);
        hover.setText(text);
        hover.setVisible(!text.isEmpty());
        if (!text.isEmpty()) {
            hover.autosize();
            double left = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
            hover.relocate(Math.max(0, left), Math.max(0, Math.min(y + 10, getHeight() - hover.getHeight())));
        }
    }

    private void styleSeries() {
        List<DrawnSeries> lines = dataset.drawn();
        for (int i = 0; i < lines.size(); i++) {
            DrawnSeries line = lines.get(i);
            renderer.setSeriesPaint(i, line.isFaint() ? ChartColors.awt(palette.seriesColor(line.color()), 70)
                    : ChartColors.awt(palette.seriesColor(line.color())), false);
            renderer.setSeriesStroke(i, new BasicStroke(line.isFaint() ? 1f : line.hasDots() ? 1.8f : 2.2f,
                    BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), false);
            renderer.setSeriesShapesVisible(i, line.hasDots());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7), false);
            renderer.setSeriesVisibleInLegend(i, line.label() != null, false);
        }
    }

    private void syncMarkers() {
        List<ChartMarker> markers = model.markers();
        double[] shown = shownRange();
        double middle = followLatest.get() && model.xBounds() != null
                ? (model.xBounds()[0] + model.xBounds()[1]) / 2 : (shown[0] + shown[1]) / 2;
        String layout = markers.size() + ":" + (markers.isEmpty() ? 0 : Double.compare(markers.get(markers.size() - 1).x(), middle));
        if (layout.equals(styledMarkers)) {
            return;
        }
        plot.clearDomainMarkers();
        for (ChartMarker m : markers) {
            ValueMarker marker = new ValueMarker(m.x(), ChartColors.awt(palette.marker()), new BasicStroke(1.4f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            marker.setLabel(m.label());
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(textScale.size(11))));
            marker.setLabelPaint(ChartColors.awt(palette.marker()));
            marker.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
            boolean leftOfLine = m.x() > middle;
            marker.setLabelAnchor(leftOfLine ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(leftOfLine ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
        styledMarkers = layout;
    }

    private void applyPalette() {
        chart.setBackgroundPaint(ChartColors.awt(palette.background()));
        plot.setBackgroundPaint(ChartColors.awt(palette.background()));
        plot.setDomainGridlinePaint(ChartColors.awt(palette.gridLine()));
        plot.setRangeGridlinePaint(ChartColors.awt(palette.gridLine()));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(textScale.size(11)));
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(textScale.size(12)));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), linearAxis, logAxis}) {
            axis.setTickLabelPaint(ChartColors.awt(palette.muted()));
            axis.setLabelPaint(ChartColors.awt(palette.text()));
            axis.setAxisLinePaint(ChartColors.awt(palette.gridLine()));
            axis.setTickMarkPaint(ChartColors.awt(palette.gridLine()));
            axis.setTickLabelFont(tick);
            axis.setLabelFont(label);
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(ChartColors.awt(palette.text()));
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(textScale.size(14))));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(ChartColors.awt(palette.background()));
            legend.setItemPaint(ChartColors.awt(palette.text()));
            legend.setItemFont(label);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            // room between each marker and its label, and more between one item and the next
            legend.setLegendItemGraphicPadding(new RectangleInsets(2, 2, 2, 2));
            legend.setItemLabelPadding(new RectangleInsets(2, textScale.size(LEGEND_LABEL_GAP), 2,
                    textScale.size(LEGEND_ITEM_GAP)));
        }
        styledMarkers = "";
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value).replaceFirst("\\.?0+$", "");
    }
}
