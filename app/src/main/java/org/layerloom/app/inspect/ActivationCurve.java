package org.layerloom.app.inspect;

import javafx.scene.canvas.GraphicsContext;
import org.layerloom.charts.CanvasChart;
import org.layerloom.engine.inspect.compute.ActivationWorking;

/**
 * An activation function's curve with the layer's actual inputs plotted on it as dots, so that dead or
 * saturated inputs show where they sit. Built empty; JavaFX thread only.
 */
final class ActivationCurve extends CanvasChart {

    private static final int SAMPLES = 200;
    private static final int MAX_POINTS = 4_000;

    private ActivationWorking working;

    ActivationCurve() {
        getStyleClass().add("activation-curve");
        setPrefSize(420, 240);
        setMinSize(200, 150);
    }

    void setWorking(ActivationWorking shown) {
        working = shown;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (working == null) {
            return;
        }
        int n = working.input().size();
        double lo = -4;
        double hi = 4;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, working.input().value(i));
            hi = Math.max(hi, working.input().value(i));
        }
        double[][] curve = working.curve(lo, hi, SAMPLES);
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (double[] p : curve) {
            yLo = Math.min(yLo, p[1]);
            yHi = Math.max(yHi, p[1]);
        }
        double pad = 28;
        double fromX = lo;
        double spanX = hi - lo;
        double fromY = yLo;
        double spanY = Math.max(1e-9, yHi - yLo);
        java.util.function.DoubleUnaryOperator px = x -> pad + (x - fromX) / spanX * (w - 2 * pad);
        java.util.function.DoubleUnaryOperator py = y -> h - pad - (y - fromY) / spanY * (h - 2 * pad);
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        if (lo < 0 && hi > 0) {
            g.strokeLine(px.applyAsDouble(0), pad / 2, px.applyAsDouble(0), h - pad);
        }
        if (yLo < 0 && yHi > 0) {
            g.strokeLine(pad, py.applyAsDouble(0), w - pad, py.applyAsDouble(0));
        }
        g.setStroke(colors().accent());
        g.setLineWidth(2);
        for (int i = 1; i < curve.length; i++) {
            g.strokeLine(px.applyAsDouble(curve[i - 1][0]), py.applyAsDouble(curve[i - 1][1]),
                    px.applyAsDouble(curve[i][0]), py.applyAsDouble(curve[i][1]));
        }
        g.setFill(colors().seriesColor(1).deriveColor(0, 1, 1, 0.55));
        int step = Math.max(1, n / MAX_POINTS);
        for (int i = 0; i < n; i += step) {
            double[] p = working.point(i);
            g.fillOval(px.applyAsDouble(p[0]) - 3, py.applyAsDouble(p[1]) - 3, 6, 6);
        }
        g.setFill(colors().muted());
        g.fillText(String.format(java.util.Locale.ROOT, "x from %s to %s", WorkingText.format(lo),
                WorkingText.format(hi)), pad, h - 6);
        g.fillText(working.function().name() + "(x)", pad, pad / 2 + 6);
    }
}
