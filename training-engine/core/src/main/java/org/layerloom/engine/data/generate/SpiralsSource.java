package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.ProgressMeter;

/**
 * Interleaved spiral arms of 2-D points, one class per arm (option "classes", 2 to 10, default 2). Each arm
 * winds 1.25 turns out from the centre to radius 1; "noise" is the standard deviation of the jitter added to
 * each coordinate (default 0.05). Stateless; any thread.
 */
public final class SpiralsSource extends GeneratorSource {

    private static final double TURNS = 1.25;

    @Override
    String title() {
        return "Spirals";
    }

    @Override
    double defaultNoise() {
        return 0.05;
    }

    @Override
    int defaultSamples() {
        return POINT_SAMPLES;
    }

    @Override
    String seedPurpose() {
        return POINT_SEED;
    }

    @Override
    List<String> extraOptions() {
        return List.of("classes");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        int classes = options.integer("classes", 2, 2, 10);
        float[] xy = new float[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = i % classes;
            double t = random.nextDouble();
            double angle = 2 * Math.PI * (c / (double) classes + TURNS * t);
            xy[2 * i] = (float) (t * Math.cos(angle) + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (t * Math.sin(angle) + noise * random.nextGaussian());
            labels[i] = c;
        }
        return points("Spirals", classes + " spiral arms of 2-D points wound into each other, one class per arm. "
                + "No straight line separates them: the network needs hidden layers with non-linear activations.",
                numbered("arm", classes), xy, labels);
    }
}
