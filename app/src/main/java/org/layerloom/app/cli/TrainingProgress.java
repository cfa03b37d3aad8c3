package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunProgress;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.StartingWeightsLoaded;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * Prints a run for a person: the dataset loaded, a progress bar per epoch ({@link RunProgress}) redrawn at most ten times a second on a terminal
 * (one line per epoch otherwise), the epoch's loss and accuracy, and at the end the test metrics and
 * the run folder. Training-health events and activation previews print nothing here (they are for the
 * app's views and {@code --json}). Called on the training worker; it only writes to its stream.
 */
final class TrainingProgress implements TrainingListener, TrainingEventVisitor {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000;
    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;
    private RunProgress progress = RunProgress.NONE;
    private BatchEnded lastBatch;

    private final boolean averagedWeights;

    /** {@code averagedWeights}: the run validates and tests the moving average of its weights. */
    TrainingProgress(PrintWriter out, boolean terminal, boolean averagedWeights) {
        this.out = out;
        this.terminal = terminal;
        this.averagedWeights = averagedWeights;
    }

    @Override
    public void trainingEvent(TrainingEvent event) {
        event.accept(this);
        out.flush();
    }

    @Override
    public void dataLoaded(DataLoaded loaded) {
        out.printf(Locale.ROOT, "Loaded %s in %.1f s: %,d training, %,d validation and %,d test examples.%n",
                loaded.dataset(), loaded.seconds(), loaded.trainExamples(), loaded.validationExamples(),
                loaded.testExamples());
        out.println("  Data: " + loaded.use().sentence());
        loaded.notes().forEach(note -> out.println("  Data: " + note));
    }

    @Override
    public void startingWeightsLoaded(StartingWeightsLoaded loaded) {
        out.println(loaded.summary());
    }

    @Override
    public void runStarted(RunStarted started) {
        progress = RunProgress.started(started, System.nanoTime());
        out.printf(Locale.ROOT, "Training on %s with %d thread(s): %,d training and %,d validation examples,"
                        + " %,d parameters, %d epoch(s) of %,d batches.%n", started.device(), started.threads(),
                started.trainExamples(), started.validationExamples(), started.parameters(), started.epochs(),
                started.batchesPerEpoch());
        KernelGuard.current().ifPresent(verdict -> out.println("CPU kernels: " + verdict.describe() + "."));
    }

    @Override
    public void batchEnded(BatchEnded batch) {
        lastBatch = batch;
        progress = progress.after(batch);
        long now = System.nanoTime();
        if (terminal && (now - lastDraw > REDRAW_NANOS || batch.batch() == batch.batchesInEpoch())) {
            lastDraw = now;
            out.print("\r" + bar(progress, batch));
        }
    }

    @Override
    public void epochEnded(EpochEnded epoch) {
        if (terminal) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.println(epochLine(epoch));
    }

    @Override
    public void learningRateChanged(LearningRateChanged change) {
        out.printf(Locale.ROOT, "%nLearning rate %s -> %s at epoch %d.%n", Numbers.rate(change.from()),
                Numbers.rate(change.to()), change.epoch());
    }

    @Override
    public void runFinished(RunFinished finished) {
        if (terminal && lastBatch != null && finished.stoppedEarly()) {
            out.println();
        }
        out.println(finishedText(finished, averagedWeights));
    }

    @Override
    public void runFailed(RunFailed failed) {
        if (terminal && lastBatch != null) {
            out.println();
        }
    }

    /** The progress bar of the epoch at {@code p}, with the loss and accuracy of its last batch {@code b}. */
    static String bar(RunProgress p, BatchEnded b) {
        int filled = (int) Math.round(BAR * p.epochFraction());
        String accuracy = Double.isNaN(b.accuracy()) ? "" : String.format(Locale.ROOT, "  acc %7s", Numbers.percent(b.accuracy(), 1));
        return String.format(Locale.ROOT, "Epoch %d/%d [%s%s] %d/%d  loss %.4f%s  %s samples/s", p.epoch(), p.epochs(),
                "#".repeat(filled), ".".repeat(BAR - filled), p.batch(), p.batchesInEpoch(), b.loss(), accuracy,
                Numbers.count(p.samplesPerSecond()));
    }

    static String epochLine(EpochEnded e) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d: loss %.4f", e.epoch(), e.trainLoss()));
        if (!Double.isNaN(e.trainAccuracy())) {
            line.append(", accuracy ").append(Numbers.percent(e.trainAccuracy(), 2));
        }
        if (!Double.isNaN(e.validationLoss())) {
            line.append(String.format(Locale.ROOT, "; validation loss %.4f", e.validationLoss()));
            if (!Double.isNaN(e.validationAccuracy())) {
                line.append(", accuracy ").append(Numbers.percent(e.validationAccuracy(), 2));
            }
        }
        return line.append(" (").append(Numbers.seconds(e.seconds())).append(')').toString();
    }

    static String finishedText(RunFinished finished, boolean averagedWeights) {
        TestMetrics test = finished.test();
        StringBuilder text = new StringBuilder();
        if (finished.stoppedEarly() || !finished.reason().equals("completed")) {
            text.append("Training ended: ").append(finished.reason()).append(".\n");
        }
        text.append(String.format(Locale.ROOT, "Test (%,d examples, %s of epoch %d): loss %.4f", test.examples(),
                averagedWeights ? "averaged weights" : "parameters", finished.bestEpoch(), test.loss()));
        if (test.isClassification()) {
            text.append(", accuracy ").append(Numbers.percent(test.accuracy(), 2));
        } else {
            text.append(String.format(Locale.ROOT, ", MAE %.4f, MSE %.4f", test.mae(), test.mse()));
        }
        text.append(String.format(Locale.ROOT, "%nRun saved in %s (%s)", finished.runFolder(),
                Numbers.seconds(finished.seconds())));
        return text.toString();
    }
}
