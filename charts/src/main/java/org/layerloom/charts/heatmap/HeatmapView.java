package org.layerloom.charts.heatmap;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ColorScale;

/**
 * A matrix of numbers as coloured cells, with a title, axis titles (e.g. "time step" × "unit", "query" ×
 * "key"), optional tick labels per row and column (shown when they fit) and a colour bar. Cells keep a
 * square aspect when {@link #setSquareCells} is on. Built empty; fill it with {@link #setData}. JavaFX
 * thread only.
 */
public final class HeatmapView extends CanvasChart {

    private static final double PAD = 8;

    private int rows;
    private int columns;
    private float[] values = new float[0];
    private ColorScale scale = ColorScale.sequential(0, 1);
    private String title = "";
    private String rowTitle = "";
    private String columnTitle = "";
    private String scaleTitle = "";
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private boolean squareCells;

    public HeatmapView() {
        getStyleClass().add("heatmap-view");
        setPrefSize(420, 260);
        setMinSize(120, 80);
    }

    /** Shows {@code rows} × {@code columns} values, row by row, coloured on {@code colorScale}. */
    public void setData(int rowCount, int columnCount, float[] rowMajor, ColorScale colorScale) {
        if ((long) rowCount * columnCount != rowMajor.length) {
            throw new IllegalArgumentException(rowCount + "×" + columnCount + " cells need as many values, not "
                    + rowMajor.length);
        }
        rows = rowCount;
        columns = columnCount;
        values = rowMajor.clone();
        scale = java.util.Objects.requireNonNull(colorScale, "colorScale");
        redraw();
    }

    /** The chart's title, the titles of the vertical (rows) and horizontal (columns) axes and the colour bar's. */
    public void setTitles(String chartTitle, String rowsTitle, String columnsTitle, String colorTitle) {
        title = chartTitle;
        rowTitle = rowsTitle;
        columnTitle = columnsTitle;
        scaleTitle = colorTitle;
        redraw();
    }

    /** Names of the rows and columns (e.g. the words of a sentence); empty lists show index ticks. */
    public void setLabels(List<String> rowNames, List<String> columnNames) {
        rowLabels = List.copyOf(rowNames);
        columnLabels = List.copyOf(columnNames);
        redraw();
    }

    public void setSquareCells(boolean square) {
        squareCells = square;
        redraw();
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public ColorScale scale() {
        return scale;
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        double fontSize = font().getSize();
        double top = PAD + (title.isEmpty() ? 0 : fontSize + 8);
        double left = PAD + (rowTitle.isEmpty() ? 0 : fontSize + 6) + tickWidth(rowLabels, rows, fontSize);
        double right = width - PAD - ColorBar.WIDTH;
        double bottom = height - PAD - (columnTitle.isEmpty() ? 0 : fontSize + 6) - fontSize - 4;
        g.setFill(colors().text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        if (!title.isEmpty()) {
            g.fillText(title, PAD, PAD, width - 2 * PAD);
        }
        if (rows == 0 || columns == 0 || right - left < 10 || bottom - top < 10) {
            return;
        }
        double cellW = (right - left - 8) / columns;
        double cellH = (bottom - top) / rows;
        if (squareCells) {
            cellW = Math.min(cellW, cellH);
            cellH = cellW;
        }
        double mapW = cellW * columns;
        double mapH = cellH * rows;
        g.drawImage(image(columns, rows, colours(values, scale)), left, top, mapW, mapH);
        g.setStroke(colors().grid());
        g.setLineWidth(1);
        g.strokeRect(left - 0.5, top - 0.5, mapW + 1, mapH + 1);
        ticks(g, left, top, cellW, cellH, fontSize);
        g.setFill(colors().muted());
        if (!columnTitle.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(columnTitle, left + mapW / 2, top + mapH + fontSize + 8);
        }
        if (!rowTitle.isEmpty()) {
            g.save();
            g.translate(PAD + fontSize / 2, top + mapH / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(rowTitle, 0, 0);
            g.restore();
        }
        ColorBar.draw(g, scale, left + mapW + 14, top - 20, Math.max(mapH + 20, 90), scaleTitle, colors());
    }

    private void ticks(GraphicsContext g, double left, double top, double cellW, double cellH, double fontSize) {
        g.setFill(colors().muted());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int rowStep = step(rows, cellH, fontSize + 2);
        for (int r = 0; r < rows; r += rowStep) {
            g.fillText(name(rowLabels, r), left - 4, top + (r + 0.5) * cellH);
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double widest = columnLabels.isEmpty() ? fontSize * 2.2 : fontSize * 0.6 * columnLabels.stream()
                .mapToInt(String::length).max().orElse(1) + 6;
        int columnStep = step(columns, cellW, widest);
        for (int c = 0; c < columns; c += columnStep) {
            g.fillText(name(columnLabels, c), left + (c + 0.5) * cellW, top + rows * cellH + 4);
        }
    }

    /** Every {@code step}-th tick so that labels of {@code room} pixels do not overlap (1, 2, 5, 10, …). */
    static int step(int count, double cell, double room) {
        int[] nice = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        for (int s : nice) {
            if (s * cell >= room) {
                return s;
            }
        }
        return Math.max(1, count);
    }

    private static String name(List<String> labels, int i) {
        return i < labels.size() ? labels.get(i) : Integer.toString(i);
    }

    private static double tickWidth(List<String> labels, int count, double fontSize) {
        int chars = labels.isEmpty() ? Integer.toString(Math.max(0, count - 1)).length()
                : labels.stream().mapToInt(String::length).max().orElse(1);
        return Math.min(120, chars * fontSize * 0.6 + 8);
    }
}
