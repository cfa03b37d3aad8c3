package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.ProgressMeter;

/**
 * A ring of 2-D points of radius 1 around a smaller ring (option "factor", its radius, 0.05 to 0.95, default
 * 0.5); "noise" is the standard deviation of the jitter on each coordinate (default 0.05). Stateless; any
 * thread.
 */
public final class CirclesSource extends GeneratorSource {

    @Override
    String title() {
        return "Circles";
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
        return List.of("factor");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        double factor = options.number("factor", 0.5, 0.05, 0.95);
        float[] xy = new float[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = i % 2;
            double radius = c == 0 ? 1 : factor;
            double angle = 2 * Math.PI * random.nextDouble();
            xy[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
            labels[i] = c;
        }
        return points("Circles", "A ring of 2-D points around a smaller ring. The boundary between them is a "
                + "circle, so the network must combine x and y non-linearly.", List.of("outer ring", "inner ring"),
                xy, labels);
    }
}
