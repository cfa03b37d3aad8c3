package org.layerloom.engine.data;

/**
 * The split recipes every source shares, for sources outside this package: hold out a test fraction of
 * everything (stratified for classes), cap the rest at the request's training limit, then hold out the
 * request's validation ratio of that; or, when the test examples come from their own file, only the last two
 * steps. Every random choice comes from the request's seed. Stateless; any thread.
 */
public final class Splitting {

    private Splitting() {
    }

    /** Splits {@code all} into train, validation and test; {@code testFraction} in [0, 1). */
    public static Splits byRatio(Examples all, double testFraction, DatasetRequest request) {
        SplitPlan testPlan = Splits.plan(all, testFraction, Seeds.derive(request.seed(), "test"));
        Examples ordered = all.subset(testPlan.order());
        int kept = testPlan.keptCount();
        Examples training = ordered.slice(0, kept).first(request.limitTraining(kept));
        Examples test = ordered.slice(kept, ordered.size());
        return Splits.of(training, test, request.validationRatio(), Seeds.derive(request.seed(), "validation"));
    }

    /** Keeps {@code test} as given and splits the (capped) {@code trainingSet} into train and validation. */
    public static Splits withTest(Examples trainingSet, Examples test, DatasetRequest request) {
        Examples training = trainingSet.first(request.limitTraining(trainingSet.size()));
        return Splits.of(training, test, request.validationRatio(), Seeds.derive(request.seed(), "validation"));
    }

    /** A seed for one random choice ({@code purpose}, e.g. "shapes") of this request; stable across runs. */
    public static long seed(DatasetRequest request, String purpose) {
        return Seeds.derive(request.seed(), purpose);
    }

    /**
     * The same division as {@link #byRatio} applied to example indices {@code 0..n-1} (n = labels' size), for
     * sources that must split before they encode (a vocabulary is built from the training texts only).
     */
    public static SplitIndices indicesByRatio(Labels labels, double testFraction, DatasetRequest request) {
        float[] index = new float[labels.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Splits splits = byRatio(Examples.of(RealFeatures.owning(index), org.layerloom.engine.graph.TensorShape.of(1),
                labels), testFraction, request);
        return new SplitIndices(indices(splits.train()), indices(splits.validation()), indices(splits.test()));
    }

    private static int[] indices(Examples part) {
        float[] values = part.realFeatures().toArray();
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Which original examples went to each split, in split order. */
    public record SplitIndices(int[] train, int[] validation, int[] test) {
    }

    /** How many of {@code available} training examples the request's training limit lets a source read. */
    public static int trainingCount(DatasetRequest request, int available) {
        return request.limitTraining(available);
    }
}
