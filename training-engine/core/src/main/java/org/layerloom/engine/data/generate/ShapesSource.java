package org.layerloom.engine.data.generate;

import java.awt.Color;
import java.awt.Graphics2D;
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
 * Rendered shapes (id "shapes"): one filled shape per picture, at a random position, size and rotation, with
 * Gaussian pixel noise. Options: "shapes" (comma-separated, from circle, square, triangle, star, cross,
 * diamond, hexagon, heart; default the first four), "size" (28 or 32, default 28), "colour" (false: white on
 * black, one channel; true: a random colour on a random darker background, three channels), "samples"
 * (default 2,000), "noise" (default 0.05). Stateless; any thread.
 */
public final class ShapesSource extends GeneratorSource {

    private static final String DEFAULT_SHAPES = "circle,square,triangle,star";

    @Override
    String title() {
        return "Shapes";
    }

    @Override
    double defaultNoise() {
        return 0.05;
    }

    @Override
    List<String> extraOptions() {
        return List.of("shapes", "size", "colour");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        List<ShapeKind> kinds = kinds(options.text("shapes").orElse(DEFAULT_SHAPES));
        int size = options.integer("size", 28, 16, 64);
        boolean colour = options.flag("colour", false);
        int channels = colour ? 3 : 1;
        int classes = kinds.size();
        int pixels = channels * size * size;
        float[] values = new float[Math.multiplyExact(samples, pixels)];
        int[] labels = new int[samples];
        Raster raster = new Raster(size, channels);
        for (int i = 0; i < samples; i++) {
            int c = i % classes;
            labels[i] = c;
            draw(raster, kinds.get(c), colour, random);
            raster.readInto(values, i * pixels, noise, random);
            if ((i + 1) % 500 == 0) {
                meter.advance("Drawing shapes", 500);
            }
        }
        List<String> names = kinds.stream().map(ShapeKind::id).toList();
        Examples examples = Examples.of(RealFeatures.copyOf(values), TensorShape.of(channels, size, size),
                ClassLabels.copyOf(labels, classes));
        return new Generated("Shapes", String.format(Locale.ROOT, "%d×%d %s pictures of %s, drawn at random "
                + "positions, sizes and angles with a little noise. Which shape is it? A first image task that "
                + "needs no download.", size, size, colour ? "colour" : "grey", String.join(", ", names)),
                DatasetTask.classification(names), examples);
    }

    private static void draw(Raster raster, ShapeKind kind, boolean colour, Random random) {
        int size = raster.size();
        Color background = colour ? Color.getHSBColor(random.nextFloat(), 0.3f + 0.4f * random.nextFloat(),
                0.1f + 0.25f * random.nextFloat()) : Color.BLACK;
        Color fill = colour ? Color.getHSBColor(random.nextFloat(), 0.5f + 0.5f * random.nextFloat(),
                0.75f + 0.25f * random.nextFloat()) : Color.WHITE;
        Graphics2D g = raster.begin(background);
        double radius = size * (0.2 + 0.15 * random.nextDouble());
        double margin = radius + 1;
        double cx = margin + (size - 2 * margin) * random.nextDouble();
        double cy = margin + (size - 2 * margin) * random.nextDouble();
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(2 * Math.PI * random.nextDouble());
        t.scale(radius, radius);
        g.setColor(fill);
        g.fill(t.createTransformedShape(kind.outline()));
    }

    private static List<ShapeKind> kinds(String option) throws DatasetException {
        List<ShapeKind> kinds = new ArrayList<>();
        for (String part : option.split(",")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            ShapeKind kind = null;
            for (ShapeKind k : ShapeKind.values()) {
                if (k.id().equals(id)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new DatasetException("The shapes dataset has no shape '" + part.trim() + "'. It draws: "
                        + String.join(", ", java.util.Arrays.stream(ShapeKind.values()).map(ShapeKind::id).toList())
                        + ".");
            }
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() < 2) {
            throw new DatasetException("The option 'shapes' must name at least two different shapes, such as "
                    + "\"circle,square\".");
        }
        return kinds;
    }
}
