package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.ProgressMeter;

/**
 * The XOR pattern: four clusters of 2-D points around (±1, ±1); points whose coordinates have opposite signs
 * form one class, the rest the other. "noise" is each cluster's standard deviation (default 0.3). Stateless;
 * any thread.
 */
public final class XorSource extends GeneratorSource {

    @Override
    String title() {
        return "XOR";
    }

    @Override
    double defaultNoise() {
        return 0.3;
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
        // corners in the order (1, 1), (-1, 1), (-1, -1), (1, -1): the class alternates with the corner
        double[] cx = {1, -1, -1, 1};
        double[] cy = {1, 1, -1, -1};
        float[] xy = new float[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int corner = i % 4;
            xy[2 * i] = (float) (cx[corner] + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (cy[corner] + noise * random.nextGaussian());
            labels[i] = corner % 2;
        }
        return points("XOR", "Four clusters of 2-D points at the corners of a square; opposite corners share a "
                + "class (the XOR pattern). A network without hidden layers cannot learn it; one hidden layer can.",
                List.of("same sign", "opposite signs"), xy, labels);
    }
}
