package org.layerloom.engine.data.generate;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.graph.TensorShape;

/**
 * Rendered digits (id "digits"): the digits 0 to 9 typed in the fonts of this computer (plain and bold, the
 * Java logical fonts plus up to "fonts" installed ones, default 12), white on black, each bent by a random
 * rotation, scale, shear and shift and sprinkled with noise: an offline stand-in for MNIST. Options: "size"
 * (28 or 32, default 28), "samples" (default 2,000), "noise" (default 0.05), "fonts". The pictures depend on the
 * fonts installed, so two computers give different (equally good) datasets from one seed. Stateless; any thread.
 */
public final class DigitsSource extends GeneratorSource {

    private static final List<String> LOGICAL = List.of("SansSerif", "Serif", "Monospaced", "Dialog");

    @Override
    String title() {
        return "Digits";
    }

    @Override
    double defaultNoise() {
        return 0.05;
    }

    @Override
    List<String> extraOptions() {
        return List.of("size", "fonts");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        int size = options.integer("size", 28, 16, 64);
        int extra = options.integer("fonts", 12, 0, 200);
        try {
            return draw(samples, noise, random, meter, size, fonts(extra, size));
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            throw new DatasetException("Java cannot draw text on this computer (" + e + "), so the digits dataset "
                    + "cannot be made. Install fonts (on Linux e.g. the packages fontconfig and fonts-dejavu), or "
                    + "use the shapes dataset, which needs no fonts.", e);
        }
    }

    private Generated draw(int samples, double noise, Random random, ProgressMeter meter, int size, List<Font> fonts)
            throws DatasetException {
        int pixels = size * size;
        float[] values = new float[Math.multiplyExact(samples, pixels)];
        int[] labels = new int[samples];
        Raster raster = new Raster(size, 1);
        for (int i = 0; i < samples; i++) {
            int digit = i % 10;
            labels[i] = digit;
            draw(raster, digit, fonts.get(random.nextInt(fonts.size())), random);
            raster.readInto(values, i * pixels, noise, random);
            if ((i + 1) % 500 == 0) {
                meter.advance("Drawing digits", 500);
            }
        }
        Examples examples = Examples.of(RealFeatures.copyOf(values), TensorShape.of(1, size, size),
                ClassLabels.copyOf(labels, 10));
        return new Generated("Digits", String.format(Locale.ROOT, "%d×%d grey pictures of the digits 0 to 9, "
                + "typed in %d fonts of this computer and randomly turned, stretched, slanted and moved, with "
                + "noise. Like MNIST, but made on the spot.", size, size, fonts.size()),
                DatasetTask.classification(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")), examples);
    }

    private static void draw(Raster raster, int digit, Font font, Random random) {
        int size = raster.size();
        Graphics2D g = raster.begin(Color.BLACK);
        g.setColor(Color.WHITE);
        g.setFont(font);
        String text = String.valueOf(digit);
        FontMetrics metrics = g.getFontMetrics();
        double w = metrics.stringWidth(text);
        double h = metrics.getAscent() * 0.72;
        AffineTransform t = new AffineTransform();
        t.translate(size / 2.0 + (random.nextDouble() - 0.5) * size * 0.14,
                size / 2.0 + (random.nextDouble() - 0.5) * size * 0.14);
        t.rotate(Math.toRadians(25 * (random.nextDouble() - 0.5)));
        t.shear(0.35 * (random.nextDouble() - 0.5), 0);
        double scale = 0.85 + 0.25 * random.nextDouble();
        t.scale(scale * (0.9 + 0.2 * random.nextDouble()), scale);
        g.setTransform(t);
        g.drawString(text, (float) (-w / 2), (float) (h / 2));
    }

    /** The logical fonts plus up to {@code extra} installed families that draw all digits, plain and bold. */
    private static List<Font> fonts(int extra, int size) {
        List<String> families = new ArrayList<>(LOGICAL);
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
        java.util.Arrays.sort(installed);
        int added = 0;
        for (String family : installed) {
            if (added >= extra) {
                break;
            }
            Font f = new Font(family, Font.PLAIN, size);
            if (!families.contains(family) && f.canDisplayUpTo("0123456789") == -1
                    && !family.toLowerCase(Locale.ROOT).contains("symbol")
                    && !family.toLowerCase(Locale.ROOT).contains("dings")) {
                families.add(family);
                added++;
            }
        }
        int pixels = Math.round(size * 0.78f);
        List<Font> fonts = new ArrayList<>();
        for (String family : families) {
            fonts.add(new Font(family, Font.PLAIN, pixels));
            fonts.add(new Font(family, Font.BOLD, pixels));
        }
        return fonts;
    }
}
