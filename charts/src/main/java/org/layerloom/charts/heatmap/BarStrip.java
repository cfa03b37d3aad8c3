package org.layerloom.charts.heatmap;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ColorScale;

/**
 * A row of bars, one per value, rising from (or falling below) a zero line: a Dense layer's outputs, or a
 * classifier's class probabilities with their names and the predicted class highlighted. With few bars
 * each is labelled below and its value written above; with many (e.g. 128 units) the bars get thin and
 * only every n-th index is written. JavaFX thread only.
 */
public final class BarStrip extends CanvasChart {

    private static final double PAD = 8;

    private float[] values = new float[0];
    private List<String> labels = List.of();
    private String title = "";
    private String valueTitle = "";
    private int highlighted = -1;
    private double fixedMax = Double.NaN;
    private ColorScale scale;
    private DoubleFunction<String> valueFormat = ColorScale::format;

    public BarStrip() {
        getStyleClass().add("bar-strip");
        setPrefSize(420, 160);
        setMinSize(120, 80);
    }

    /** Shows {@code newValues}, named by {@code names} (may be empty: indices are shown). */
    public void setValues(float[] newValues, List<String> names) {
        values = newValues.clone();
        labels = List.copyOf(names);
        redraw();
    }

    /** The title above the bars and the name of what their height means (e.g. "probability"). */
    public void setTitles(String chartTitle, String valueName) {
        title = chartTitle;
        valueTitle = valueName;
        redraw();
    }

    /** Draws bar {@code index} in the accent colour (e.g. the predicted class); -1 for none. */
    public void setHighlighted(int index) {
        highlighted = index;
        redraw();
    }

    /** Fixes the top of the value axis (1 for probabilities); NaN fits the largest |value|. */
    public void setMaximum(double max) {
        fixedMax = max;
        redraw();
    }

    /**
     * How values are written above the bars and on the value axis: short numbers ({@link ColorScale#format})
     * by default; e.g. percentages for probabilities.
     */
    public void setValueFormat(DoubleFunction<String> format) {
        valueFormat = java.util.Objects.requireNonNull(format, "format");
        redraw();
    }

    /** The text written for {@code value}, as on the bars. */
    public String formatted(double value) {
        return valueFormat.apply(value);
    }

    /** Colours bars by value on {@code colorScale} instead of one colour; null for one colour. */
    public void setScale(ColorScale colorScale) {
        scale = colorScale;
        redraw();
    }

    /** The names under the bars (empty: indices are shown). */
    public List<String> names() {
        return labels;
    }

    public int size() {
        return values.length;
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        double fontSize = font().getSize();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors().text());
        double top = PAD;
        if (!title.isEmpty()) {
            g.fillText(title, PAD, PAD, width - 2 * PAD);
            top += fontSize + 8;
        }
        if (values.length == 0) {
            return;
        }
        boolean few = values.length <= 16;
        double max = Double.isNaN(fixedMax) ? 0 : fixedMax;
        double min = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        if (max - min <= 0) {
            max = 1;
        }
        double axis = 52;
        double left = PAD + axis;
        double right = width - PAD;
        double valueRoom = few ? fontSize + 4 : 0;
        double plotTop = top + valueRoom;
        double plotBottom = height - PAD - fontSize - 6;
        if (plotBottom - plotTop < 10) {
            return;
        }
        double zeroY = plotBottom - (0 - min) / (max - min) * (plotBottom - plotTop);
        double slot = (right - left) / values.length;
        double barWidth = Math.max(1, few ? Math.min(slot * 0.7, 48) : slot * 0.85);
        g.setFill(colors().muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(valueFormat.apply(max), left - 6, plotTop);
        g.fillText("0", left - 6, zeroY);
        if (min < 0) {
            g.fillText(valueFormat.apply(min), left - 6, plotBottom);
        }
        if (!valueTitle.isEmpty()) {
            g.save();
            g.translate(PAD + fontSize / 2, (plotTop + plotBottom) / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(valueTitle, 0, 0);
            g.restore();
        }
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        g.strokeLine(left, Math.round(zeroY) + 0.5, right, Math.round(zeroY) + 0.5);
        for (int i = 0; i < values.length; i++) {
            double v = Float.isFinite(values[i]) ? values[i] : 0;
            double y = plotBottom - (v - min) / (max - min) * (plotBottom - plotTop);
            double x = left + i * slot + (slot - barWidth) / 2;
            g.setFill(barColour(i, v));
            g.fillRect(x, Math.min(y, zeroY), barWidth, Math.max(1, Math.abs(zeroY - y)));
            if (few) {
                g.setFill(i == highlighted ? colors().accent() : colors().muted());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(valueFormat.apply(v), x + barWidth / 2, Math.min(y, zeroY) - 2, slot);
            }
        }
        indexLabels(g, left, slot, plotBottom, fontSize, few);
    }

    private void indexLabels(GraphicsContext g, double left, double slot, double plotBottom, double fontSize,
                             boolean few) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int step = few ? 1 : HeatmapView.step(values.length, slot, fontSize * 2.6);
        for (int i = 0; i < values.length; i += step) {
            g.setFill(i == highlighted ? colors().accent() : colors().muted());
            String name = i < labels.size() ? labels.get(i) : Integer.toString(i);
            g.fillText(name, left + (i + 0.5) * slot, plotBottom + 4, few ? slot : slot * step);
        }
    }

    private Color barColour(int i, double v) {
        if (i == highlighted) {
            return colors().accent();
        }
        if (scale != null) {
            return scale.color(v);
        }
        return colors().accent().deriveColor(0, 0.55, 1.0, 0.55);
    }
}
