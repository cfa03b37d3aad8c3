package org.layerloom.engine.data.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.Splitting;

/**
 * The recipe of the generated images and sequences: read "samples" and "noise", make every example from the
 * request's seed (example {@code i} has class {@code i % classes}, so classes are balanced), hold out 20 % for
 * testing, then the validation ratio. Offline and deterministic. Stateless; any thread.
 */
abstract class GeneratorSource implements DatasetSource {

    static final double TEST_FRACTION = 0.2;

    @Override
    public final Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        DatasetOptions options = request.options();
        List<String> known = new ArrayList<>(List.of("samples", "noise"));
        known.addAll(extraOptions());
        options.requireKnown(title(), known);
        int samples = options.integer("samples", defaultSamples(), 10, 1_000_000);
        double noise = options.number("noise", defaultNoise(), 0, 10);
        ProgressMeter meter = new ProgressMeter(progress, samples);
        meter.checkCancelled();
        Generated generated = generate(options, samples, noise, new Random(Splitting.seed(request, title())),
                meter);
        meter.finish("Generating " + generated.name());
        return new Dataset(generated.name(), generated.description(), generated.task(),
                generated.examples().exampleShape(), Splitting.byRatio(generated.examples(), TEST_FRACTION, request));
    }

    abstract String title();

    int defaultSamples() {
        return 2000;
    }

    abstract double defaultNoise();

    List<String> extraOptions() {
        return List.of();
    }

    /** All examples; reports progress in examples made through {@code meter} and stops when cancelled. */
    abstract Generated generate(DatasetOptions options, int samples, double noise, Random random,
                                ProgressMeter meter) throws DatasetException;

    /** What a generator made. */
    record Generated(String name, String description, DatasetTask task, Examples examples) {
    }
}
