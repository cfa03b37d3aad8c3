package org.layerloom.app.data;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.layerloom.engine.data.preview.DatasetPreview;

/** Paints preview samples (floats in [0, 1], channel-first) into images, each pixel as a square. JavaFX thread. */
public final class ImageTiles {

    private ImageTiles() {
    }

    public static WritableImage paint(DatasetPreview.ImageSample sample, int scale) {
        WritableImage image = new WritableImage(sample.width() * scale, sample.height() * scale);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < sample.height(); y++) {
            for (int x = 0; x < sample.width(); x++) {
                Color color = sample.channels() >= 3
                        ? Color.color(clamp(sample.at(0, y, x)), clamp(sample.at(1, y, x)), clamp(sample.at(2, y, x)))
                        : Color.gray(clamp(sample.at(0, y, x)));
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        writer.setColor(x * scale + dx, y * scale + dy, color);
                    }
                }
            }
        }
        return image;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, Float.isNaN(v) ? 0 : v));
    }
}
