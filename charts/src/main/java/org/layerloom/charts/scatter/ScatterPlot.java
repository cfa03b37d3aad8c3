package org.layerloom.charts.scatter;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.AxisTicks;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ChartColors;
import org.layerloom.charts.ColorScale;

/**
 * A plot of class-coloured points on x/y axes with ticks, axis titles and a legend of class names, and an
 * optional background map of the plane: a classifier's decision map (class colours mixed by probability,
 * {@link #setDecisionMap}) or one neuron's output ({@link #setValueMap}). A click reports the point of the
 * plane under the mouse ({@link #setOnPlaneClicked}) and the index of the nearest data point within 8 px
 * ({@link #setOnPointClicked}); the picked place is marked with a cross. Equal axis scales keep shapes true
 * ({@link #setEqualAxes}). JavaFX thread only.
 */
public final class ScatterPlot extends CanvasChart {

    private static final double PAD = 10;
    private static final double LEGEND = 120;

    private float[] xs = new float[0];
    private float[] ys = new float[0];
    private int[] labels = new int[0];
    private List<String> classNames = List.of();
    private String title = "";
    private String xTitle = "x";
    private String yTitle = "y";
    private double xMin = -1;
    private double xMax = 1;
    private double yMin = -1;
    private double yMax = 1;
    private boolean fixedBounds;
    private boolean equalAxes;
    private int mapWidth;
    private int mapHeight;
    private int[] mapArgb = new int[0];
    private WritableImage mapImage;
    private double[] marker;
    private double pointRadius = 3;
    private BiConsumer<Double, Double> onPlaneClicked = (x, y) -> { };
    private IntConsumer onPointClicked = i -> { };
    private double[] frame = new double[4];
    private float[] decision;
    private int decisionClasses;
    private int decisionResolution;
    private javafx.scene.paint.Color decisionPaper;

    public ScatterPlot() {
        getStyleClass().add("scatter-plot");
        setPrefSize(480, 420);
        setMinSize(160, 140);
        setOnMouseClicked(e -> {
            if (e.getX() < frame[0] || e.getX() > frame[2] || e.getY() < frame[1] || e.getY() > frame[3]) {
                return;
            }
            double x = toPlaneX(e.getX());
            double y = toPlaneY(e.getY());
            marker = new double[] {x, y};
            redraw();
            onPlaneClicked.accept(x, y);
            int nearest = nearestPoint(e.getX(), e.getY(), 8);
            if (nearest >= 0) {
                onPointClicked.accept(nearest);
            }
        });
    }

    /** The points (one label per point; a negative label draws grey) and the names of the classes. */
    public void setPoints(float[] x, float[] y, int[] pointLabels, List<String> names) {
        if (x.length != y.length || x.length != pointLabels.length) {
            throw new IllegalArgumentException("x, y and labels differ in length");
        }
        xs = x.clone();
        ys = y.clone();
        labels = pointLabels.clone();
        classNames = List.copyOf(names);
        if (!fixedBounds) {
            fitBounds();
        }
        redraw();
    }

    /** The chart title and the axis titles. */
    public void setTitles(String chartTitle, String xAxis, String yAxis) {
        title = chartTitle;
        xTitle = xAxis;
        yTitle = yAxis;
        redraw();
    }

    /** Fixes the visible rectangle of the plane (e.g. the decision map's); otherwise it fits the points. */
    public void setBounds(double minX, double maxX, double minY, double maxY) {
        xMin = minX;
        xMax = maxX;
        yMin = minY;
        yMax = maxY;
        fixedBounds = true;
        redraw();
    }

    /** Keeps one unit as long on x as on y. */
    public void setEqualAxes(boolean equal) {
        equalAxes = equal;
        redraw();
    }

    public void setPointRadius(double radius) {
        pointRadius = radius;
        redraw();
    }

    /**
     * A decision map behind the points: {@code resolution} × {@code resolution} cells over the plot's bounds,
     * row 0 at the top, {@code classes} probabilities per cell.
     */
    public void setDecisionMap(int resolution, int classes, float[] probabilities) {
        decision = probabilities.clone();
        decisionClasses = classes;
        decisionResolution = resolution;
        setMap(resolution, resolution, mixed(colors().background()));
        decisionPaper = colors().background();
    }

    /** The decision map's cell colours washed towards {@code paper}. */
    private int[] mixed(javafx.scene.paint.Color paper) {
        int[] argb = new int[decisionResolution * decisionResolution];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = DecisionShading.mix(decision, i * decisionClasses, decisionClasses, paper, 0.55);
        }
        return argb;
    }

    /** One value per cell behind the points (e.g. a neuron's output), coloured on {@code scale}. */
    public void setValueMap(int width, int height, float[] values, ColorScale scale) {
        decision = null;
        setMap(width, height, colours(values, scale));
    }

    /** Removes the background map. */
    public void clearMap() {
        decision = null;
        setMap(0, 0, new int[0]);
    }

    public boolean hasMap() {
        return mapArgb.length > 0;
    }

    public void setOnPlaneClicked(BiConsumer<Double, Double> action) {
        onPlaneClicked = action == null ? (x, y) -> { } : action;
    }

    public void setOnPointClicked(IntConsumer action) {
        onPointClicked = action == null ? i -> { } : action;
    }

    /** Marks a place of the plane with a cross (null: none). */
    public void setMarker(double[] xy) {
        marker = xy == null ? null : xy.clone();
        redraw();
    }

    public int pointCount() {
        return xs.length;
    }

    private void setMap(int width, int height, int[] argb) {
        mapWidth = width;
        mapHeight = height;
        mapArgb = argb;
        mapImage = argb.length == 0 ? null : image(width, height, argb);
        redraw();
    }

    private void fitBounds() {
        if (xs.length == 0) {
            return;
        }
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        double c = Double.POSITIVE_INFINITY;
        double d = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            a = Math.min(a, xs[i]);
            b = Math.max(b, xs[i]);
            c = Math.min(c, ys[i]);
            d = Math.max(d, ys[i]);
        }
        double mx = Math.max((b - a) * 0.05, 1e-6);
        double my = Math.max((d - c) * 0.05, 1e-6);
        xMin = a - mx;
        xMax = b + mx;
        yMin = c - my;
        yMax = d + my;
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        double fontSize = font().getSize();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(colors().text());
        double top = PAD;
        if (!title.isEmpty()) {
            g.fillText(title, PAD, PAD, width - 2 * PAD);
            top += fontSize + 10;
        }
        double legendWidth = classNames.isEmpty() ? 0 : LEGEND;
        double left = PAD + fontSize + 6 + 44;
        double right = width - PAD - legendWidth;
        double bottom = height - PAD - 2 * fontSize - 10;
        if (right - left < 20 || bottom - top < 20) {
            return;
        }
        if (equalAxes) {
            double sx = (right - left) / (xMax - xMin);
            double sy = (bottom - top) / (yMax - yMin);
            double s = Math.min(sx, sy);
            right = left + s * (xMax - xMin);
            bottom = top + s * (yMax - yMin);
        }
        frame = new double[] {left, top, right, bottom};
        if (decision != null && !colors().background().equals(decisionPaper)) {
            decisionPaper = colors().background();
            mapArgb = mixed(decisionPaper);
            mapImage = image(mapWidth, mapHeight, mapArgb);
        }
        if (mapImage != null) {
            g.setImageSmoothing(true);
            g.drawImage(mapImage, left, top, right - left, bottom - top);
            g.setImageSmoothing(false);
        }
        axes(g, fontSize);
        for (int i = 0; i < xs.length; i++) {
            double px = toScreenX(xs[i]);
            double py = toScreenY(ys[i]);
            g.setFill(labels[i] < 0 ? colors().muted() : ChartColors.classColor(labels[i]));
            g.fillOval(px - pointRadius, py - pointRadius, 2 * pointRadius, 2 * pointRadius);
            g.setStroke(colors().background());
            g.setLineWidth(0.7);
            g.strokeOval(px - pointRadius, py - pointRadius, 2 * pointRadius, 2 * pointRadius);
        }
        if (marker != null) {
            double mx = toScreenX(marker[0]);
            double my = toScreenY(marker[1]);
            g.setStroke(colors().text());
            g.setLineWidth(2);
            g.strokeLine(mx - 7, my, mx + 7, my);
            g.strokeLine(mx, my - 7, mx, my + 7);
        }
        legend(g, frame[2] + 16, top, fontSize);
    }

    private void axes(GraphicsContext g, double fontSize) {
        double left = frame[0];
        double top = frame[1];
        double right = frame[2];
        double bottom = frame[3];
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        g.strokeRect(left - 0.5, top - 0.5, right - left + 1, bottom - top + 1);
        g.setFill(colors().muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : AxisTicks.linear(xMin, xMax, Math.max(2, (int) ((right - left) / 70)))) {
            double x = toScreenX(t);
            g.strokeLine(x, bottom, x, bottom + 4);
            g.fillText(ColorScale.format(t), x, bottom + 6);
        }
        g.fillText(xTitle, (left + right) / 2, bottom + fontSize + 10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : AxisTicks.linear(yMin, yMax, Math.max(2, (int) ((bottom - top) / 50)))) {
            double y = toScreenY(t);
            g.strokeLine(left - 4, y, left, y);
            g.fillText(ColorScale.format(t), left - 6, y);
        }
        g.save();
        g.translate(PAD + fontSize / 2, (top + bottom) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
    }

    private void legend(GraphicsContext g, double x, double y, double fontSize) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < classNames.size(); c++) {
            double cy = y + 8 + c * (fontSize + 8);
            g.setFill(ChartColors.classColor(c));
            g.fillOval(x, cy - 5, 10, 10);
            g.setFill(colors().text());
            g.fillText(classNames.get(c), x + 16, cy, LEGEND - 30);
        }
    }

    private double toScreenX(double x) {
        return frame[0] + (x - xMin) / (xMax - xMin) * (frame[2] - frame[0]);
    }

    private double toScreenY(double y) {
        return frame[3] - (y - yMin) / (yMax - yMin) * (frame[3] - frame[1]);
    }

    /** Where the plane's point ({@code x}, {@code y}) is drawn, in the chart's own pixel coordinates (after a paint). */
    public double[] pixelOf(double x, double y) {
        return new double[] {toScreenX(x), toScreenY(y)};
    }

    /** The plane's x under screen x {@code sx} (after a paint). */
    double toPlaneX(double sx) {
        return xMin + (sx - frame[0]) / (frame[2] - frame[0]) * (xMax - xMin);
    }

    double toPlaneY(double sy) {
        return yMin + (frame[3] - sy) / (frame[3] - frame[1]) * (yMax - yMin);
    }

    /** The point nearest to screen ({@code sx}, {@code sy}) within {@code radius} pixels, or -1. */
    int nearestPoint(double sx, double sy, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < xs.length; i++) {
            double dx = toScreenX(xs[i]) - sx;
            double dy = toScreenY(ys[i]) - sy;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
