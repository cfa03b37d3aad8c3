package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.ProgressMeter;

/**
 * Round clouds of 2-D points, one class each (option "classes", 2 to 10, default 3). The cloud centres sit
 * evenly on a circle, at least about 3 apart; "noise" is each cloud's standard deviation (default 0.5).
 * Stateless; any thread.
 */
public final class BlobsSource extends GeneratorSource {

    @Override
    String title() {
        return "Blobs";
    }

    @Override
    double defaultNoise() {
        return 0.5;
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
        int classes = options.integer("classes", 3, 2, 10);
        double radius = Math.max(2, 1.5 * classes / Math.PI);
        double start = 2 * Math.PI * random.nextDouble();
        float[] xy = new float[2 * samples];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            int c = i % classes;
            double angle = start + 2 * Math.PI * c / classes;
            xy[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
            labels[i] = c;
        }
        return points("Blobs", classes + " round clouds of 2-D points, one class each. The easiest task: even a "
                + "network without hidden layers separates them.", numbered("blob", classes), xy, labels);
    }
}
