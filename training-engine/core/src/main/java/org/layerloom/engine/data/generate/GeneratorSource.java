package org.layerloom.engine.data.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.DatasetSource;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.ProgressMeter;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splitting;
import org.layerloom.engine.graph.TensorShape;

/**
 * The recipe of every generated dataset (2-D points, curves, images and sequences): read "samples" and
 * "noise", make every example from the request's seed (example {@code i} has class {@code i % classes}, so
 * classes are balanced and any prefix is too), hold out 20 % for testing (stratified for classes), cap the
 * rest at the training limit, then hold out the validation ratio. Offline and deterministic. Stateless; any
 * thread.
 */
abstract class GeneratorSource implements DatasetSource {

    static final double TEST_FRACTION = 0.2;
    /** The default "samples" of the 2-D point sets and the curve; images and sequences make 2,000. */
    static final int POINT_SAMPLES = 1000;
    /** The seed stream of the 2-D point sets and the curve; images and sequences use their title. */
    static final String POINT_SEED = "points";

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
        Generated generated = generate(options, samples, noise,
                new Random(Splitting.seed(request, seedPurpose())), meter);
        meter.finish("Generating " + generated.name());
        return new Dataset(generated.name(), generated.description(), generated.task(),
                generated.examples().exampleShape(), Splitting.byRatio(generated.examples(), TEST_FRACTION, request));
    }

    /** Name used in option messages before the dataset exists, e.g. "Spirals". */
    abstract String title();

    /** The "samples" when the choice names none. */
    int defaultSamples() {
        return 2000;
    }

    /** The typical "noise" for this dataset. */
    abstract double defaultNoise();

    /** What the random numbers are derived for from the request's seed: the title unless a source says. */
    String seedPurpose() {
        return title();
    }

    /** Options beyond "samples" and "noise". */
    List<String> extraOptions() {
        return List.of();
    }

    /**
     * All {@code samples} examples, drawing every random number from {@code random}; a long generator reports
     * progress in examples made through {@code meter} and stops when cancelled.
     */
    abstract Generated generate(DatasetOptions options, int samples, double noise, Random random,
                                ProgressMeter meter) throws DatasetException;

    /** What a generator made. */
    record Generated(String name, String description, DatasetTask task, Examples examples) {
    }

    /** 2-D points {@code xy} (x0, y0, x1, y1, ...) with their classes. */
    static Generated points(String name, String description, List<String> classNames, float[] xy, int[] labels) {
        Examples examples = Examples.of(RealFeatures.copyOf(xy), TensorShape.of(2),
                ClassLabels.copyOf(labels, classNames.size()));
        return new Generated(name, description, DatasetTask.classification(classNames), examples);
    }

    /** Names "prefix 1" to "prefix count". */
    static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= count; c++) {
            names.add(prefix + " " + c);
        }
        return names;
    }
}
