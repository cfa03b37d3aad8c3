package org.layerloom.app.data;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.layerloom.engine.data.preview.DatasetPreview;
import org.layerloom.charts.ChartColors;

/**
 * A scatter plot of 2-D training points (below 160 pixels a side: a thumbnail, smaller dots and no caption), one colour per class, on equal axes, drawn on a transparent background: how the
 * classes lie is the whole point of the spirals, moons and circles datasets. JavaFX thread only.
 */
public final class PointPlot extends Canvas {

    private static final double MARGIN = 14;

    public PointPlot(List<DatasetPreview.Point> points, double size) {
        super(size, size);
        GraphicsContext g = getGraphicsContext2D();
        // No background of its own: the frame around it (.point-plot-frame) follows the theme.
        if (points.isEmpty()) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (DatasetPreview.Point p : points) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        boolean thumbnail = size < 160;
        double margin = thumbnail ? 4 : MARGIN;
        double dot = thumbnail ? 1.6 : 3;
        double span = Math.max(1e-9, Math.max(maxX - minX, maxY - minY));
        double scale = (size - 2 * margin) / span;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        g.setStroke(Color.web("#8a96a6", 0.25));
        g.strokeLine(size / 2, margin, size / 2, size - margin);
        g.strokeLine(margin, size / 2, size - margin, size / 2);
        for (DatasetPreview.Point p : points) {
            double x = size / 2 + (p.x() - cx) * scale;
            double y = size / 2 - (p.y() - cy) * scale;
            g.setFill(ChartColors.classColor(p.label()).deriveColor(0, 1, 1, 0.75));
            g.fillOval(x - dot, y - dot, 2 * dot, 2 * dot);
        }
        if (thumbnail) {
            return;
        }
        g.setFill(Color.web("#8a96a6"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(points.size() + " training points", MARGIN, size - 4);
    }
}
