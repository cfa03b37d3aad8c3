package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.ProgressMeter;

/**
 * Two interlocking half-circles of 2-D points (as scikit-learn's make_moons, centred on the origin); "noise"
 * is the standard deviation of the jitter on each coordinate (default 0.1). Stateless; any thread.
 */
public final class MoonsSource extends GeneratorSource {

    @Override
    String title() {
        return "Moons";
    }

    @Override
    double defaultNoise() {
        return 0.1;
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
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        float[] xy = new float[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = i % 2;
            double t = Math.PI * random.nextDouble();
            double x = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            xy[2 * i] = (float) (x - 0.5 + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (y - 0.25 + noise * random.nextGaussian());
            labels[i] = c;
        }
        return points("Moons", "Two interlocking half-moons of 2-D points. A curved line separates them; a small "
                + "hidden layer is enough.", List.of("upper moon", "lower moon"), xy, labels);
    }
}
