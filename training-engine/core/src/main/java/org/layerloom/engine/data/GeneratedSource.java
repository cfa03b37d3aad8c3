package org.layerloom.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.graph.TensorShape;

/**
 * The shared recipe of the generated datasets: read "samples" and "noise", generate every example from the
 * request's seed, hold out 20 % for testing (stratified for classes), cap the rest at the training limit, and
 * hold out the validation ratio of that. Generators give example {@code i} the class {@code i % classes}, so
 * classes are balanced and any prefix is too. Offline, instant and deterministic. Stateless; any thread.
 */
abstract class GeneratedSource implements DatasetSource {

    static final double TEST_FRACTION = 0.2;
    static final int DEFAULT_SAMPLES = 1000;

    @Override
    public final Dataset load(DatasetRequest request, ProgressListener progress) throws DatasetException {
        ProgressMeter meter = new ProgressMeter(progress, 1);
        meter.checkCancelled();
        DatasetOptions options = request.options();
        List<String> known = new ArrayList<>(List.of("samples", "noise"));
        known.addAll(extraOptions());
        options.requireKnown(title(), known);
        int samples = options.integer("samples", DEFAULT_SAMPLES, 10, 1_000_000);
        double noise = options.number("noise", defaultNoise(), 0, 10);
        Generated generated = generate(options, samples, noise, new Random(Seeds.derive(request.seed(), "points")));

        Examples all = generated.examples();
        SplitPlan testPlan = Splits.plan(all, TEST_FRACTION, Seeds.derive(request.seed(), "test"));
        Examples ordered = all.subset(testPlan.order());
        int kept = testPlan.keptCount();
        Examples training = ordered.slice(0, kept).first(request.limitTraining(kept));
        Examples test = ordered.slice(kept, ordered.size());
        Splits splits = Splits.of(training, test, request.validationRatio(),
                Seeds.derive(request.seed(), "validation"));
        meter.advance("Generating " + generated.name(), 1);
        return new Dataset(generated.name(), generated.description(), generated.task(), all.exampleShape(), splits);
    }

    /** Name used in option messages before the dataset exists, e.g. "Spirals". */
    abstract String title();

    /** The typical "noise" for this dataset. */
    abstract double defaultNoise();

    /** Options beyond "samples" and "noise". */
    List<String> extraOptions() {
        return List.of();
    }

    /** All {@code samples} examples, drawing every random number from {@code random}. */
    abstract Generated generate(DatasetOptions options, int samples, double noise, Random random)
            throws DatasetException;

    /** What a generator made. */
    record Generated(String name, String description, DatasetTask task, Examples examples) {
    }

    /** 2-D points {@code xy} (x0, y0, x1, y1, ...) with their classes. */
    static Generated points(String name, String description, List<String> classNames, float[] xy, int[] labels) {
        Examples examples = Examples.of(RealFeatures.owning(xy), TensorShape.of(2),
                ClassLabels.owning(labels, classNames.size()));
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
