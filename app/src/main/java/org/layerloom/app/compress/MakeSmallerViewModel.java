package org.layerloom.app.compress;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.compress.CompressibleRun;
import org.layerloom.engine.compress.CompressionStudy;
import org.layerloom.engine.compress.LayerSparsity;
import org.layerloom.engine.compress.Pruning;
import org.layerloom.engine.compress.VariantRuns;
import org.layerloom.engine.compress.WeightTensor;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.train.RunData;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * "Make it smaller" for one saved run: a pruning percentage (0 to 95 %, global or per layer) whose test accuracy,
 * non-zero parameter count and per-layer sparsity are measured on a fixed test subset while it changes
 * ({@link #preview}) and on the whole test split when it settles ({@link #measure}); int8 quantization; saving
 * the pruned network as a new run, or saving it and fine-tuning it one epoch with the pruning mask held, as an
 * ordinary run in the Train area.
 *
 * <p>Threads: call from the JavaFX thread. The saved run and its data live on {@code engine}, which must run
 * one task at a time in order (a single-thread executor): nothing else touches them. Results come back
 * through {@code fx}. {@link #close()} frees the run (on the engine thread).
 */
public final class MakeSmallerViewModel {

    /** The fixed test subset measured while the slider moves. */
    public static final int PREVIEW_EXAMPLES = 1000;

    /** One measurement of a pruned network. */
    public record Measured(double percent, long nonZero, long parameters, double accuracy, int examples,
                           List<LayerSparsity> layers) {
    }

    private final Executor engine;
    private final Executor fx;
    private final java.util.function.Predicate<Path> fineTuneRun;
    private final LatestResult<Measured> measuring;
    private final LatestResult<String> operation;
    private final LatestResult<Path> saving;
    private final ObjectProperty<Pruning.Scope> scope = new SimpleObjectProperty<>(this, "scope",
            Pruning.Scope.GLOBAL);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Opening the run…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<LayerSparsity> layers = FXCollections.observableArrayList();
    private double percent;
    private int testSize;

    // Engine thread only.
    private CompressibleRun run;
    private Dataset dataset;
    private Dataset preview;

    /**
     * @param fineTuneRun starts an ordinary run (with its charts, in the Train area) that fine-tunes the pruned run
     *                    saved in the folder it is given, holding its zeros, and says whether it started (not while
     *                    another run trains); called on the JavaFX thread
     */
    public MakeSmallerViewModel(Executor engine, Executor fx, java.util.function.Predicate<Path> fineTuneRun) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.fineTuneRun = Objects.requireNonNull(fineTuneRun, "fineTuneRun");
        this.measuring = new LatestResult<>("Measuring the pruned network", engine, fx);
        this.operation = new LatestResult<>("Making the network smaller", engine, fx);
        this.saving = new LatestResult<>("Saving the pruned network", engine, fx);
    }

    /** Opens the run in {@code runFolder} and its recorded data, and measures it unpruned. */
    public void open(Path runFolder) {
        LatestResult<Integer> opening = new LatestResult<>("Opening the run", engine, fx);
        opening.submit(ticket -> {
            run = CompressibleRun.open(runFolder);
            RunData.Outcome data = RunData.of(run.run()).load(ProgressListener.none());
            if (!data.isLoaded()) {
                throw new IllegalStateException(data.message());
            }
            dataset = data.dataset();
            preview = new Dataset(dataset.name(), dataset.description(), dataset.task(), dataset.exampleShape(),
                    new Splits(dataset.train(), dataset.validation(), dataset.test().first(PREVIEW_EXAMPLES)));
            return dataset.test().size();
        }, size -> {
            testSize = size;
            ready.set(true);
            measure();
        }, e -> message.set("This run cannot be made smaller: " + e.getMessage()));
    }

    /** The pruning percentage, 0 to 95; measured on the test subset. */
    public void preview(double newPercent) {
        percent = Math.max(0, Math.min(Pruning.MAX_FRACTION * 100, newPercent));
        submitMeasure(true);
    }

    /** Measures the current percentage on the whole test split. */
    public void measure() {
        submitMeasure(false);
    }

    public ObjectProperty<Pruning.Scope> scopeProperty() {
        return scope;
    }

    private void submitMeasure(boolean quick) {
        if (!ready.get()) {
            return;
        }
        double fraction = percent / 100;
        Pruning.Scope chosen = scope.get();
        double shown = percent;
        measuring.submit(ticket -> {
            List<WeightTensor> pruned = Pruning.apply(run.originalWeights(),
                    Pruning.masks(run.originalWeights(), fraction, chosen));
            run.use(pruned);
            Dataset on = quick ? preview : dataset;
            TestMetrics test = run.evaluate(on, on.test(), null);
            return new Measured(shown, LayerSparsity.nonZeroTotal(pruned),
                    run.originalWeights().stream().mapToLong(w -> w.values().length).sum(), test.accuracy(),
                    test.examples(), LayerSparsity.of(pruned));
        }, this::show, e -> message.set("Measuring failed: " + e.getMessage()));
    }

    private void show(Measured m) {
        summary.set(String.format(Locale.ROOT, "Pruned %.0f %%: test accuracy %.2f %% on %,d examples%s; %,d of %,d"
                + " parameters non-zero", m.percent(), 100 * m.accuracy(), m.examples(),
                m.examples() < testSize ? " (a fixed subset; release the slider for all)" : "",
                m.nonZero(), m.parameters()));
        layers.setAll(m.layers());
    }

    /** Quantizes the original network to int8, saves it as a run and says its accuracy, size and weight errors. */
    public void quantize() {
        submitOperation(ticket -> describe(new CompressionStudy(run, dataset, true).int8()));
    }

    /** Rounds every weight of the original network to float16, saves it as a run and says the same. */
    public void quantizeHalf() {
        submitOperation(ticket -> describe(new CompressionStudy(run, dataset, true).float16()));
    }

    private static String describe(CompressionStudy.QuantRow row) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: test accuracy %.2f %%, %,d bytes"
                + " instead of %,d (float32). Largest weight error:", row.kind(), 100 * row.accuracy(), row.bytes(),
                row.float32Bytes()));
        for (Map.Entry<String, Double> e : row.largestErrorByLayer().entrySet()) {
            text.append(String.format(Locale.ROOT, " %s %.3g;", e.getKey(), e.getValue()));
        }
        row.savedRun().ifPresent(f -> text.append(" Saved as run ").append(f.getFileName()).append('.'));
        return text.toString();
    }

    /** Saves the network pruned at the current percentage as a new run (measured on the whole test split). */
    public void savePruned() {
        double fraction = percent / 100;
        Pruning.Scope chosen = scope.get();
        submitOperation(ticket -> {
            CompressionStudy.PruneRow row = new CompressionStudy(run, dataset, true).prune(fraction, chosen, 0,
                    Double.NaN);
            return String.format(Locale.ROOT, "Saved as run %s: %.2f %% with %,d non-zero parameters.",
                    row.savedRun().orElseThrow().getFileName(), 100 * row.accuracy(), row.nonZero());
        });
    }

    /**
     * Saves the network pruned at the current percentage as a run, then hands it to the Train area, which fine-tunes
     * it one epoch as an ordinary run with its charts, its pruned weights held at zero.
     */
    public void fineTune() {
        if (!ready.get()) {
            return;
        }
        double fraction = percent / 100;
        Pruning.Scope chosen = scope.get();
        message.set("Working…");
        saving.submit(ticket -> new CompressionStudy(run, dataset, true).prune(fraction, chosen, 0, Double.NaN)
                .savedRun().orElseThrow(), saved -> {
                    boolean started = fineTuneRun.test(saved);
                    message.set("Saved the pruned network as run " + saved.getFileName() + (started
                            ? "; it is fine-tuning for one epoch in the Train area (see its Live charts), with its"
                                    + " pruned weights held at zero. The result is saved as a run of its own."
                            : ". It cannot be fine-tuned now: another run is training. Press Fine-tune again when"
                                    + " that run has ended."));
                }, e -> message.set("That did not work: " + e.getMessage()));
    }

    private void submitOperation(LatestResult.Work<String> work) {
        if (!ready.get()) {
            return;
        }
        message.set("Working…");
        operation.submit(work, message::set, e -> message.set("That did not work: " + e.getMessage()));
    }

    /** Frees the run on the engine thread. */
    public void close() {
        measuring.cancel();
        operation.cancel();
        saving.cancel();
        engine.execute(() -> {
            if (run != null) {
                run.close();
                run = null;
            }
        });
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Busy while a measurement or an operation runs. */
    public javafx.beans.binding.BooleanExpression busyProperty() {
        return measuring.busyProperty().or(operation.busyProperty()).or(saving.busyProperty());
    }

    /** The latest measurement, one sentence. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The latest operation's result or a failure, one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sparsity of each layer in the latest measurement. */
    public ObservableList<LayerSparsity> layers() {
        return layers;
    }
}
