package org.layerloom.charts.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.layerloom.charts.CanvasChart;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.ColorBar;

/**
 * A grid of small same-sized images sharing one colour scale, with a caption under each and the colour bar
 * beside them: a convolution layer's feature maps, first-layer filters, or each Dense unit's weights as a
 * 28 × 28 picture. Tiles wrap to the width; the preferred height follows the number of rows, so the grid
 * sits in a scroll pane. A click on a tile reports its index. JavaFX thread only.
 */
public final class ImageGrid extends CanvasChart {

    private static final double PAD = 8;
    private static final double GAP = 6;

    private int imageHeight;
    private int imageWidth;
    private final List<float[]> images = new ArrayList<>();
    private List<String> captions = List.of();
    private ColorScale scale = ColorScale.sequential(0, 1);
    private String title = "";
    private String scaleTitle = "";
    private double tileSize = 64;
    private IntConsumer onTileClicked = i -> { };

    public ImageGrid() {
        getStyleClass().add("image-grid");
        setMinSize(120, 60);
        setOnMouseClicked(e -> {
            int tile = tileAt(e.getX(), e.getY());
            if (tile >= 0) {
                onTileClicked.accept(tile);
            }
        });
    }

    /**
     * Shows {@code tiles}, each {@code height} × {@code width} values row by row, on {@code colorScale}.
     *
     * @param names a caption per tile (may be empty: none)
     */
    public void setImages(int height, int width, List<float[]> tiles, List<String> names, ColorScale colorScale) {
        for (float[] tile : tiles) {
            if (tile.length != height * width) {
                throw new IllegalArgumentException("a " + height + "×" + width + " tile needs " + height * width
                        + " values, not " + tile.length);
            }
        }
        imageHeight = height;
        imageWidth = width;
        images.clear();
        tiles.forEach(t -> images.add(t.clone()));
        captions = List.copyOf(names);
        scale = java.util.Objects.requireNonNull(colorScale, "colorScale");
        requestLayout();
        redraw();
    }

    /** The title above the grid and the colour bar's name (e.g. "activation", "weight"). */
    public void setTitles(String gridTitle, String colorTitle) {
        title = gridTitle;
        scaleTitle = colorTitle;
        requestLayout();
        redraw();
    }

    /** The side of a tile in pixels (64 by default). */
    public void setTileSize(double size) {
        tileSize = size;
        requestLayout();
        redraw();
    }

    public void setOnTileClicked(IntConsumer action) {
        onTileClicked = action == null ? i -> { } : action;
    }

    public int tileCount() {
        return images.size();
    }

    public ColorScale scale() {
        return scale;
    }

    @Override
    protected double computePrefWidth(double height) {
        return PAD * 2 + ColorBar.WIDTH + Math.min(8, Math.max(1, images.size())) * (tileSize + GAP);
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : computePrefWidth(-1);
        int rows = (images.size() + perRow(w) - 1) / Math.max(1, perRow(w));
        return Math.max(top() + Math.max(1, rows) * cellHeight() + PAD, top() + 80);
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(colors().text());
        if (!title.isEmpty()) {
            g.fillText(title, PAD, PAD, width - 2 * PAD);
        }
        if (images.isEmpty()) {
            return;
        }
        int perRow = perRow(width);
        double tileH = tileSize * imageHeight / Math.max(imageWidth, imageHeight);
        double tileW = tileSize * imageWidth / Math.max(imageWidth, imageHeight);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < images.size(); i++) {
            double x = PAD + (i % perRow) * (tileSize + GAP);
            double y = top() + (i / perRow) * cellHeight();
            g.drawImage(image(imageWidth, imageHeight, colours(images.get(i), scale)), x, y, tileW, tileH);
            g.setStroke(colors().grid());
            g.setLineWidth(1);
            g.strokeRect(x - 0.5, y - 0.5, tileW + 1, tileH + 1);
            if (i < captions.size()) {
                g.setFill(colors().muted());
                g.fillText(captions.get(i), x + tileW / 2, y + tileH + 2, tileSize + GAP - 2);
            }
        }
        double barX = PAD + Math.min(perRow, images.size()) * (tileSize + GAP) + 8;
        int rows = (images.size() + perRow - 1) / perRow;
        double barHeight = Math.max(90, Math.min(rows, 3) * cellHeight() + 12);
        ColorBar.draw(g, scale, Math.min(barX, width - ColorBar.WIDTH), top() - 20,
                Math.min(barHeight, height - top() + 20 - PAD), scaleTitle, colors());
    }

    /** The tile under ({@code x}, {@code y}), or -1. */
    int tileAt(double x, double y) {
        int perRow = perRow(getWidth());
        int column = (int) Math.floor((x - PAD) / (tileSize + GAP));
        int row = (int) Math.floor((y - top()) / cellHeight());
        if (x < PAD || y < top() || column >= perRow || column < 0) {
            return -1;
        }
        int index = row * perRow + column;
        return index < images.size() ? index : -1;
    }

    private int perRow(double width) {
        return Math.max(1, (int) ((width - 2 * PAD - ColorBar.WIDTH - 8 + GAP) / (tileSize + GAP)));
    }

    private double top() {
        return PAD + (title.isEmpty() ? 0 : font().getSize() + 10) + 12;
    }

    private double cellHeight() {
        return tileSize + GAP + (captions.isEmpty() ? 0 : font().getSize() + 4);
    }
}
