package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.RegressionTargets;
import org.layerloom.engine.graph.TensorShape;

/**
 * Regression on a noisy curve: one input x, one target y. Option "function" is "sine" (y = sin x for x from
 * −π to π, the default) or "polynomial" (y = 0.5x³ − 1.5x for x from −2 to 2; y stays within [−1, 1]); "noise"
 * is the standard deviation added to y (default 0.1). Stateless; any thread.
 */
public final class CurveSource extends GeneratorSource {

    private static final List<String> FUNCTIONS = List.of("sine", "polynomial");

    @Override
    String title() {
        return "Curve";
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
    List<String> extraOptions() {
        return List.of("function");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        boolean sine = options.choice("function", "sine", FUNCTIONS).equals("sine");
        double range = sine ? Math.PI : 2;
        float[] x = new float[samples];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double u = range * (2 * random.nextDouble() - 1);
            double curve = sine ? Math.sin(u) : 0.5 * u * u * u - 1.5 * u;
            x[i] = (float) u;
            y[i] = (float) (curve + noise * random.nextGaussian());
        }
        Examples examples = Examples.of(RealFeatures.copyOf(x), TensorShape.of(1), RegressionTargets.copyOf(y, 1));
        return sine
                ? new Generated("Sine curve", "Noisy points on the curve y = sin(x), for x from −π to π. Predict y "
                        + "from x: a regression with one input and one output. A straight line cannot follow the "
                        + "wave, so the network needs a hidden layer.", DatasetTask.regression(1), examples)
                : new Generated("Cubic curve", "Noisy points on the curve y = 0.5x³ − 1.5x, for x from −2 to 2. "
                        + "Predict y from x: a regression with one input and one output that rises, falls and "
                        + "rises again.", DatasetTask.regression(1), examples);
    }
}
