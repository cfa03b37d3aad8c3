package org.layerloom.editor.view;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;
import org.layerloom.editor.model.Viewport;

/**
 * The dotted background of the canvas: one rectangle filled with a small tile that repeats, shifted
 * with the pan, so panning costs one image fill instead of thousands of dots. The tile is redrawn only
 * when the zoom step or the theme changes. JavaFX thread only.
 */
final class CanvasGrid extends Rectangle {

    private int tileSize = -1;
    private boolean tileDark;
    private WritableImage tile;

    CanvasGrid() {
        setMouseTransparent(true);
        setManaged(false);
    }

    void setSize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    void draw(Viewport viewport, double spacing, boolean dark) {
        double step = spacing * viewport.zoom();
        while (step < 12) {
            step *= 2;
        }
        int size = (int) Math.max(4, Math.round(step));
        if (tile == null || size != tileSize || dark != tileDark) {
            tile = tile(size, viewport.zoom() >= 0.8 ? 2 : 1, dark ? Color.web("#3a4250") : Color.web("#cfd5de"));
            tileSize = size;
            tileDark = dark;
        }
        double offsetX = ((viewport.panX() % size) + size) % size;
        double offsetY = ((viewport.panY() % size) + size) % size;
        setFill(new ImagePattern(tile, offsetX - size, offsetY - size, size, size, false));
    }

    private static WritableImage tile(int size, int dot, Color colour) {
        WritableImage image = new WritableImage(size, size);
        PixelWriter writer = image.getPixelWriter();
        for (int x = 0; x < dot; x++) {
            for (int y = 0; y < dot; y++) {
                writer.setColor(x, y, colour);
            }
        }
        return image;
    }
}
