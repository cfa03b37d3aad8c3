package org.layerloom.app.train.settings;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import org.layerloom.engine.text.Numbers;

/**
 * A small plot of a {@link SchedulePreview}: the learning rate (from 0 to its highest) over the epochs, with the
 * highest rate, the last rate and the first and last epoch written at the axes. Drawn with shapes styled by the
 * theme's colours ({@code schedule-*} style classes). JavaFX thread only.
 */
public final class SchedulePlot extends Pane {

    private static final double LEFT = 58;
    private static final double RIGHT = 12;
    private static final double TOP = 10;
    private static final double BOTTOM = 22;

    private final Polyline curve = new Polyline();
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final Label top = label();
    private final Label bottom = label();
    private final Label first = label();
    private final Label last = label();
    private final Label end = label();
    private SchedulePreview preview;

    public SchedulePlot() {
        curve.getStyleClass().add("schedule-curve");
        xAxis.getStyleClass().add("schedule-axis");
        yAxis.getStyleClass().add("schedule-axis");
        end.getStyleClass().add("schedule-end");
        getChildren().addAll(xAxis, yAxis, curve, top, bottom, first, last, end);
        getStyleClass().add("schedule-plot");
        setPrefSize(320, 130);
        setMinHeight(110);
    }

    /** Shows {@code newPreview}. */
    public void show(SchedulePreview newPreview) {
        preview = newPreview;
        top.setText(Numbers.rate(preview.highest()));
        bottom.setText("0");
        first.setText("epoch 0");
        last.setText("epoch " + Numbers.count(preview.epochs()));
        double[] rates = preview.rates();
        double last = rates[rates.length - 1];
        end.setText(last < 1e-3 * preview.highest() ? "ends near 0" : "ends at " + Numbers.rate(last));
        requestLayout();
    }

    /** The points drawn, as x, y pairs in the plot's coordinates (for tests). */
    public java.util.List<Double> points() {
        return java.util.List.copyOf(curve.getPoints());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double x0 = LEFT;
        double x1 = Math.max(x0 + 10, w - RIGHT);
        double y0 = TOP;
        double y1 = Math.max(y0 + 10, h - BOTTOM);
        xAxis.setStartX(x0);
        xAxis.setEndX(x1);
        xAxis.setStartY(y1);
        xAxis.setEndY(y1);
        yAxis.setStartX(x0);
        yAxis.setEndX(x0);
        yAxis.setStartY(y0);
        yAxis.setEndY(y1);
        curve.getPoints().clear();
        if (preview != null) {
            double high = preview.highest() > 0 ? preview.highest() : 1;
            double[] rates = preview.rates();
            int stride = Math.max(1, rates.length / 600);
            Double[] points = new Double[2 * ((rates.length + stride - 1) / stride + 1)];
            int n = 0;
            for (int i = 0; i < rates.length; i += stride) {
                points[n++] = x0 + (x1 - x0) * preview.epochOf(i) / preview.epochs();
                points[n++] = y1 - (y1 - y0) * rates[i] / high;
            }
            points[n++] = x1;
            points[n++] = y1 - (y1 - y0) * rates[rates.length - 1] / high;
            curve.getPoints().setAll(java.util.Arrays.copyOf(points, n));
        }
        place(top, x0 - 6 - width(top), y0 - 8);
        place(bottom, x0 - 6 - width(bottom), y1 - 8);
        place(first, x0, y1 + 3);
        place(last, x1 - width(last), y1 + 3);
        place(end, (x0 + x1 - width(end)) / 2, y1 + 3);
    }

    private static double width(Label label) {
        return label.prefWidth(-1);
    }

    private static void place(Label label, double x, double y) {
        label.resizeRelocate(x, y, label.prefWidth(-1), label.prefHeight(-1));
    }

    private static Label label() {
        Label label = new Label();
        label.getStyleClass().addAll("schedule-label", "muted");
        label.setManaged(false);
        return label;
    }
}
