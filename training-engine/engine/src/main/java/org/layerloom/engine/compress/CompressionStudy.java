package org.layerloom.engine.compress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * Measures the smaller variants of one saved run on its whole test split: magnitude pruning at several
 * fractions (each optionally followed by fine-tuning with the mask held), int8 (weights per channel,
 * activations calibrated on {@link CompressibleRun#CALIBRATION_EXAMPLES} training examples) and float16;
 * optionally saves every variant as a run ({@link VariantRuns}). Behind {@code layerloom compress} and the
 * app's "Make it smaller". Runs on the calling thread, which owns the run (a worker, never the JavaFX thread).
 */
public final class CompressionStudy {

    /** One pruning fraction's result; the fine-tuned numbers are NaN/0 when not asked for. */
    public record PruneRow(double fraction, long nonZero, long parameters, double accuracy, double tunedAccuracy,
                           Optional<Path> savedRun, Optional<Path> savedTunedRun) {
    }

    /** The int8 or float16 result. */
    public record QuantRow(String kind, double accuracy, long bytes, long float32Bytes,
                           Map<String, Double> largestErrorByLayer, Optional<Path> savedRun) {
    }

    private final CompressibleRun run;
    private final Dataset dataset;
    private final boolean save;

    public CompressionStudy(CompressibleRun run, Dataset dataset, boolean save) {
        this.run = run;
        this.dataset = dataset;
        this.save = save;
    }

    /** The original network's test accuracy. */
    public double originalAccuracy() {
        run.useOriginal();
        return run.evaluate(dataset, dataset.test(), null).accuracy();
    }

    /**
     * Prunes {@code fraction} of the original weights, measures, and with {@code fineTuneEpochs > 0} fine-tunes
     * with the mask held and measures again.
     */
    public PruneRow prune(double fraction, Pruning.Scope scope, int fineTuneEpochs, double learningRate)
            throws IOException {
        List<WeightTensor> original = run.originalWeights();
        Map<String, PruneMask> masks = Pruning.masks(original, fraction, scope);
        List<WeightTensor> pruned = Pruning.apply(original, masks);
        run.use(pruned);
        long nonZero = LayerSparsity.nonZeroTotal(pruned);
        long parameters = original.stream().mapToLong(w -> w.values().length).sum();
        TestMetrics test = run.evaluate(dataset, dataset.test(), null);
        String what = String.format(Locale.ROOT, "%s %.0f %% (%s)", "pruned", fraction * 100,
                scope == Pruning.Scope.GLOBAL ? "global" : "per layer");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fraction", fraction);
        details.put("scope", scope.name().toLowerCase(Locale.ROOT));
        details.put("sparsity", sparsity(pruned));
        Optional<Path> saved = save ? Optional.of(VariantRuns.save(run, "pruned", what + " of run "
                + run.run().runId(), test, details)) : Optional.empty();
        if (fineTuneEpochs <= 0) {
            return new PruneRow(fraction, nonZero, parameters, test.accuracy(), Double.NaN, saved, Optional.empty());
        }
        run.fineTune(dataset, masks, fineTuneEpochs, learningRate, done -> { });
        TestMetrics tuned = run.evaluate(dataset, dataset.test(), null);
        details.put("fineTuneEpochs", fineTuneEpochs);
        Optional<Path> savedTuned = save ? Optional.of(VariantRuns.save(run, "pruned", what + ", fine-tuned "
                + fineTuneEpochs + " epoch(s) with the mask held, of run " + run.run().runId(), tuned, details))
                : Optional.empty();
        return new PruneRow(fraction, LayerSparsity.nonZeroTotal(run.currentWeights()), parameters, test.accuracy(),
                tuned.accuracy(), saved, savedTuned);
    }

    /** Int8 weights per channel and 8-bit activations calibrated on the first training examples. */
    public QuantRow int8() throws IOException {
        run.useOriginal();
        Map<String, ActivationRange> ranges = run.calibrate(dataset.train());
        Int8Weights int8 = Int8Weights.of(run.originalWeights());
        run.use(int8.weights());
        TestMetrics test = run.evaluate(dataset, dataset.test(), ranges);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bytes", int8.int8Bytes());
        details.put("float32Bytes", int8.float32Bytes());
        details.put("largestWeightError", int8.largestErrorByLayer());
        details.put("activations", VariantRuns.describe(ranges));
        Optional<Path> saved = save ? Optional.of(VariantRuns.save(run, "int8", "int8 (weights per channel,"
                + " activations per tensor) of run " + run.run().runId(), test, details)) : Optional.empty();
        return new QuantRow("int8", test.accuracy(), int8.int8Bytes(), int8.float32Bytes(),
                int8.largestErrorByLayer(), saved);
    }

    /** Every parameter rounded to float16 (activations stay float32). */
    public QuantRow float16() throws IOException {
        List<WeightTensor> half = new ArrayList<>();
        long float32 = 0;
        Map<String, Double> errors = new LinkedHashMap<>();
        for (WeightTensor w : run.originalWeights()) {
            float[] rounded = WeightQuantizer.float16(w.values());
            double largest = 0;
            for (int i = 0; i < rounded.length; i++) {
                largest = Math.max(largest, Math.abs(rounded[i] - w.values()[i]));
            }
            errors.merge(w.layer(), largest, Math::max);
            half.add(w.withValues(rounded));
            float32 += 4L * rounded.length;
        }
        run.use(half);
        TestMetrics test = run.evaluate(dataset, dataset.test(), null);
        Optional<Path> saved = save ? Optional.of(VariantRuns.save(run, "float16", "float16 of run "
                + run.run().runId(), test, Map.of("bytes", float32 / 2, "float32Bytes", float32)))
                : Optional.empty();
        return new QuantRow("float16", test.accuracy(), float32 / 2, float32, errors, saved);
    }

    private static Map<String, Double> sparsity(List<WeightTensor> weights) {
        Map<String, Double> byLayer = new LinkedHashMap<>();
        for (LayerSparsity layer : LayerSparsity.of(weights)) {
            byLayer.put(layer.layer(), layer.sparsity());
        }
        return byLayer;
    }
}
