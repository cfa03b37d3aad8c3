package org.layerloom.engine.data.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small real picture folders for tests: bright circles vs dark squares, in PNG, JPEG, GIF, BMP. */
public final class ImageFixtures {

    private ImageFixtures() {
    }

    /** A folder with sub-folders "circle" and "square" of {@code perClass} pictures each, 20×20 colour. */
    public static Path writeFolder(Path root, int perClass) throws IOException {
        String[] formats = {"png", "jpg", "gif", "bmp"};
        for (int i = 0; i < perClass; i++) {
            String format = formats[i % formats.length];
            write(root.resolve("circle").resolve("c" + i + "." + format), true, i, format);
            write(root.resolve("square").resolve("s" + i + "." + format), false, i, format);
        }
        return root;
    }

    static void write(Path file, boolean circle, int seed, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 30, 60));
        g.fillRect(0, 0, 20, 20);
        g.setColor(circle ? new Color(250, 200, 40) : new Color(60, 200, 90));
        int d = 8 + seed % 6;
        int x = seed % 5;
        if (circle) {
            g.fillOval(x + 2, 3, d, d);
        } else {
            g.fillRect(x + 2, 3, d, d);
        }
        g.dispose();
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }
}
