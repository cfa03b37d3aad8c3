package org.layerloom.app.inspect;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ColorScale;

/**
 * One map (an input channel, a filter's output map) as coloured cells with a window drawn over it, and
 * optionally only its first cells filled in (an output map being computed position by position; the rest
 * are drawn blank). Built empty; JavaFX thread only.
 */
final class WindowMap extends CanvasChart {

    private int rows;
    private int columns;
    private float[] values = new float[0];
    private ColorScale scale = ColorScale.sequential(0, 1);
    private String title = "";
    private int top;
    private int left;
    private int height;
    private int width;
    private int filled = Integer.MAX_VALUE;

    WindowMap() {
        getStyleClass().add("window-map");
        setPrefSize(190, 210);
        setMinSize(120, 120);
    }

    void setMap(int rowCount, int columnCount, float[] rowMajor, ColorScale colorScale, String chartTitle) {
        rows = rowCount;
        columns = columnCount;
        values = rowMajor.clone();
        scale = colorScale;
        title = chartTitle;
        redraw();
    }

    /** The window's cells, in map coordinates (it may reach into the padding outside the map). */
    void setWindow(int windowTop, int windowLeft, int windowHeight, int windowWidth) {
        top = windowTop;
        left = windowLeft;
        height = windowHeight;
        width = windowWidth;
        redraw();
    }

    /** Only the first {@code count} cells (row by row) are filled in. */
    void setFilled(int count) {
        filled = count;
        redraw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        double fontSize = font().getSize();
        g.setFill(colors().text());
        g.fillText(title, 4, fontSize + 2);
        if (rows == 0 || columns == 0) {
            return;
        }
        double areaTop = fontSize + 10;
        double cell = Math.min((w - 8) / (columns + 2), (h - areaTop - 4) / (rows + 2));
        double x0 = 4 + cell;
        double y0 = areaTop + cell;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                g.setFill(i < filled ? scale.color(values[i]) : colors().gridLine());
                g.fillRect(x0 + c * cell, y0 + r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        g.strokeRect(x0 - 0.5, y0 - 0.5, columns * cell + 1, rows * cell + 1);
        if (width > 0 && height > 0) {
            g.setStroke(colors().isDark() ? Color.web("#ffd166") : Color.web("#d1495b"));
            g.setLineWidth(2);
            g.strokeRect(x0 + left * cell, y0 + top * cell, width * cell, height * cell);
        }
    }
}
