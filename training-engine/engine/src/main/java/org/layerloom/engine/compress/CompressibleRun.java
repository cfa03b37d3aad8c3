package org.layerloom.engine.compress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.MaskedFineTune;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * A saved run opened to make it smaller: it keeps the run's original weights, puts pruned, quantized or
 * fine-tuned weights into the network in their place, and measures the result on a test subset or the
 * whole test split, optionally with every layer's output fake-quantized to 8 bits ({@link ActivationRange}).
 *
 * <p>Life-cycle and thread: {@link #open} loads the engine, so call it off the JavaFX thread; use the
 * instance from one thread at a time and {@link #close()} it.
 */
public final class CompressibleRun implements AutoCloseable {

    /** How many training examples calibrate the activation ranges. */
    public static final int CALIBRATION_EXAMPLES = 200;

    private final SavedRun run;
    private final NetworkWeights access;
    private final List<WeightTensor> original;

    private CompressibleRun(SavedRun run) {
        this.run = run;
        this.access = new NetworkWeights(run.project().graph(), run.block(), run.manager());
        this.original = List.copyOf(access.read());
    }

    /** Opens the run in {@code runFolder}; the messages of {@link SavedRun#open} apply. */
    public static CompressibleRun open(Path runFolder) throws IOException {
        SavedRun run = SavedRun.open(runFolder);
        try {
            return new CompressibleRun(run);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** The opened run. */
    public SavedRun run() {
        return run;
    }

    /** The run's own weights, as saved. */
    public List<WeightTensor> originalWeights() {
        return original;
    }

    /** The weights the network holds now. */
    public List<WeightTensor> currentWeights() {
        return access.read();
    }

    /** Puts {@code weights} (every parameter) into the network. */
    public void use(List<WeightTensor> weights) {
        access.write(weights);
    }

    /** Puts the run's own weights back. */
    public void useOriginal() {
        access.write(original);
    }

    /**
     * The range of every node's output (the Input node's included) over the first
     * {@link #CALIBRATION_EXAMPLES} of {@code examples}, with the weights the network holds now.
     */
    public Map<String, ActivationRange> calibrate(Examples examples) {
        Map<String, ActivationRange> ranges = new LinkedHashMap<>();
        List<String> nodes = run.nodeIds();
        for (String id : nodes) {
            ranges.put(id, ActivationRange.empty());
        }
        int count = Math.min(CALIBRATION_EXAMPLES, examples.size());
        for (int i = 0; i < count; i++) {
            for (Map.Entry<String, NodeActivation> e : run.activations(examples, i, nodes).entrySet()) {
                FloatTensor value = e.getValue().output();
                ranges.merge(e.getKey(), ActivationRange.empty(), (a, b) -> a.observe(value.values()));
            }
        }
        return ranges;
    }

    /**
     * Measures the network as it is now on {@code split} of {@code dataset}; with {@code activations}
     * (from {@link #calibrate}) every node's output is fake-quantized with its range first, null for float.
     */
    public TestMetrics evaluate(Dataset dataset, Examples split, Map<String, ActivationRange> activations) {
        GraphBlock.NodeTap tap = activations == null ? null : ActivationRounding.tap(activations);
        return run.evaluate(dataset, split, tap);
    }

    /**
     * The network's raw outputs for {@code examples} with every node's output fake-quantized (null: float),
     * one row per example; for the numerical tests.
     */
    public float[][] outputs(Examples examples, Map<String, ActivationRange> activations) {
        return activations == null ? run.outputs(examples) : run.outputs(examples, ActivationRounding.tap(activations));
    }

    /**
     * Fine-tunes the weights the network holds now for {@code epochs} epochs on the training split, with
     * {@code masks} re-applied after every step so that pruned weights stay zero.
     *
     * @return the mean training loss
     */
    public double fineTune(Dataset dataset, Map<String, PruneMask> masks, int epochs, double learningRate,
                           java.util.function.IntConsumer batchesDone) {
        Set<String> masked = masks.keySet();
        return MaskedFineTune.train(run, dataset, epochs, learningRate, masks.isEmpty() ? block -> { } : block -> {
            List<WeightTensor> weights = new ArrayList<>();
            for (WeightTensor w : access.read()) {
                weights.add(masked.contains(w.name()) ? w.withValues(masks.get(w.name()).apply(w.values())) : w);
            }
            access.write(weights);
        }, batchesDone);
    }

    @Override
    public void close() {
        run.close();
    }
}
