package org.layerloom.app.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.CheckpointSaved;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestProgress;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * What the dashboard shows of the current (or last) run, read from its events: chart points for a
 * {@link DashboardChartFeed}, the progress line ({@link RunProgressTexts}), the epochs, the best epoch, the
 * learning rate, the layer that a not-a-number failure names and, at the end, the {@link RunResult}. The
 * phase and the commands are the {@link TrainingDashboardViewModel}'s. JavaFX thread only.
 */
public final class LiveRun implements TrainingEventVisitor {

    private final LongSupplier clock;
    private final StringProperty bestText = new SimpleStringProperty(this, "bestText", "");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", Double.NaN);
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>(this, "result");
    private final RunProgressTexts progress = new RunProgressTexts();
    private final List<EpochEnded> epochs = new ArrayList<>();
    private final FailedLayerLink failedLayer = new FailedLayerLink();
    private DashboardChartFeed feed = DashboardChartFeed.NONE;
    private boolean started;
    private boolean charted;
    private int bestEpoch;
    private String shownRun = "";

    /** @param clock nanoseconds, for the time trained and the time left ({@code System::nanoTime}) */
    LiveRun(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void setFeed(DashboardChartFeed newFeed) {
        feed = newFeed == null ? DashboardChartFeed.NONE : newFeed;
    }

    /** A new run is asked for: the last one's result and failure go. */
    void clear() {
        started = false;
        result.set(null);
        failedLayer.clear();
    }

    /** Tells the charts what the next run's training loss is ({@link DashboardChartFeed#trainingLossIs}). */
    void trainingLossIs(String name) {
        feed.trainingLossIs(name);
    }

    /**
     * Nothing of the last run is shown any more (another project was opened): no result, progress, epochs,
     * best epoch, learning rate or chart points.
     */
    void reset() {
        clear();
        progress.reset();
        epochs.clear();
        bestEpoch = 0;
        bestText.set("");
        learningRate.set(Double.NaN);
        shownRun = "";
        feed.reset();
        feed.flush();
        charted = false;
    }

    /** Shows a saved run's result and its epochs' curves, as if it had just ended. */
    void showSaved(RunResult saved, List<EpochEnded> savedEpochs) {
        reset();
        shownRun = saved.folder().getFileName().toString();
        for (EpochEnded epoch : savedEpochs) {
            epochs.add(epoch);
            feed.epoch(epoch);
        }
        feed.flush();
        bestEpoch = saved.bestEpoch();
        if (saved.bestEpoch() > 0) {
            bestText.set("best: epoch " + saved.bestEpoch());
        }
        progress.saved(saved.epochsDone(), saved.seconds());
        result.set(saved);
    }

    /** Redraws the charts once if the events read since the last call gave them points. */
    void flush() {
        if (charted) {
            feed.flush();
            charted = false;
        }
    }

    /** Updates the time trained and the time left, once the run has started. */
    void tick() {
        if (started) {
            progress.tick(clock.getAsLong());
        }
    }

    @Override
    public void dataProgress(DataProgress event) {
        progress.loading(event);
    }

    @Override
    public void runStarted(RunStarted event) {
        started = true;
        failedLayer.clear();
        progress.started(event, clock.getAsLong());
        if (event.isResumed() && event.runId().equals(shownRun)) {
            return; // the run shown goes on: its charts and epochs continue
        }
        shownRun = event.runId();
        epochs.clear();
        bestEpoch = 0;
        bestText.set("");
        feed.reset();
        charted = true;
    }

    @Override
    public void testProgress(TestProgress event) {
        progress.testing(event);
    }

    @Override
    public void batchEnded(BatchEnded b) {
        feed.batch((b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batchesInEpoch()), b.loss(), b.accuracy(),
                b.learningRate());
        progress.batchEnded(b);
        learningRate.set(b.learningRate());
        charted = true;
    }

    @Override
    public void epochEnded(EpochEnded event) {
        epochs.add(event);
        feed.epoch(event);
        charted = true;
    }

    @Override
    public void learningRateChanged(LearningRateChanged c) {
        double x = (c.epoch() - 1) + (double) Math.max(0, c.batch() - 1) / progress.batchesPerEpoch();
        feed.marker(x, "lr " + Numbers.rate(c.from()) + " → " + Numbers.rate(c.to()) + " at epoch " + c.epoch());
        learningRate.set(c.to());
        charted = true;
    }

    @Override
    public void checkpointSaved(CheckpointSaved event) {
        if (event.best()) {
            bestEpoch = event.epoch();
            bestText.set("best so far: epoch " + event.epoch());
        }
    }

    @Override
    public void stateChanged(StateChanged event) {
        switch (event.state()) {
            case PAUSED -> progress.paused(clock.getAsLong());
            case RUNNING -> progress.resumed(clock.getAsLong());
            default -> {
                // only a pause changes the time trained
            }
        }
    }

    @Override
    public void outputNotFinite(OutputNotFinite event) {
        failedLayer.show(event);
    }

    @Override
    public void runFinished(RunFinished f) {
        double bestLoss = epochs.stream().filter(e -> e.epoch() == f.bestEpoch()).mapToDouble(EpochEnded::validationLoss)
                .findFirst().orElse(Double.NaN);
        result.set(new RunResult(f.test(), f.bestEpoch(), bestLoss, f.epochsDone(), f.reason(), Path.of(f.runFolder()),
                f.seconds()));
        if (f.bestEpoch() > 0) {
            bestText.set("best: epoch " + f.bestEpoch());
        }
        progress.done();
    }

    /** The progress line: epoch and batch, speed, time trained and left, device, share done. */
    public RunProgressTexts progress() {
        return progress;
    }

    public ReadOnlyStringProperty bestTextProperty() {
        return bestText;
    }

    /** The layer the last failure names (its output was not a number), for a link to the editor. */
    public FailedLayerLink failedLayer() {
        return failedLayer;
    }

    /** The learning rate of the last batch. */
    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate;
    }

    /** How the last run ended, or null while none has. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result;
    }

    /** The epochs of the current (or last) run. */
    public List<EpochEnded> epochs() {
        return List.copyOf(epochs);
    }

    /** The best epoch so far (by validation loss), or 0. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
