package org.layerloom.engine.data.generate;

import java.util.List;
import java.util.Locale;
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
 * Sine-wave forecasting (id "sine-forecast"): each example is "length" (default 20) steps of a sine wave with
 * a random amplitude (0.5 to 1), frequency and phase, plus noise, shaped (length, 1); the target is the next,
 * noise-free value. A regression for SimpleRNN, LSTM or GRU networks. Options "samples" (default 2,000),
 * "noise" (default 0.05), "length". Stateless; any thread.
 */
public final class SineForecastSource extends GeneratorSource {

    @Override
    String title() {
        return "Sine forecast";
    }

    @Override
    double defaultNoise() {
        return 0.05;
    }

    @Override
    List<String> extraOptions() {
        return List.of("length");
    }

    @Override
    Generated generate(DatasetOptions options, int samples, double noise, Random random, ProgressMeter meter)
            throws DatasetException {
        int length = options.integer("length", 20, 2, 1000);
        float[] values = new float[Math.multiplyExact(samples, length)];
        float[] targets = new float[samples];
        for (int i = 0; i < samples; i++) {
            double amplitude = 0.5 + 0.5 * random.nextDouble();
            double step = 2 * Math.PI / (8 + 16 * random.nextDouble());
            double phase = 2 * Math.PI * random.nextDouble();
            for (int t = 0; t < length; t++) {
                values[i * length + t] = (float) (amplitude * Math.sin(phase + step * t) + noise * random.nextGaussian());
            }
            targets[i] = (float) (amplitude * Math.sin(phase + step * length));
            if ((i + 1) % 1000 == 0) {
                meter.advance("Generating waves", 1000);
            }
        }
        Examples examples = Examples.of(RealFeatures.copyOf(values), TensorShape.of(length, 1),
                RegressionTargets.copyOf(targets, 1));
        return new Generated("Sine forecast", String.format(Locale.ROOT, "%d steps of a noisy sine wave (random "
                + "height, speed and start) in, the next value out: a forecasting task for recurrent networks.",
                length), DatasetTask.regression(1), examples);
    }
}
