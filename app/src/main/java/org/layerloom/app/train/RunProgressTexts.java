package org.layerloom.app.train;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.RunProgress;
import org.layerloom.engine.train.event.RunStarted;

/**
 * The dashboard's progress line as observable texts, kept from a {@link RunProgress}: epoch and batch, samples
 * per second, time trained and time left, device and threads, and the share of the run done (while the dataset
 * loads, the share of its loading when that is known). Times are for the clock readings the view-model passes
 * in. JavaFX thread only.
 */
public final class RunProgressTexts {

    private final StringProperty epochText = new SimpleStringProperty(this, "epochText", "Epoch –");
    private final StringProperty batchText = new SimpleStringProperty(this, "batchText", "batch –");
    private final StringProperty speedText = new SimpleStringProperty(this, "speedText", "– samples/s");
    private final StringProperty elapsedText = new SimpleStringProperty(this, "elapsedText", "0:00");
    private final StringProperty etaText = new SimpleStringProperty(this, "etaText", "–");
    private final StringProperty deviceText = new SimpleStringProperty(this, "deviceText", "–");
    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", 0);
    private RunProgress progress = RunProgress.NONE;
    private boolean untilStopped;
    private boolean testing;
    private String epochBeforeTest;
    private int testedExamples;

    /** A run starts (or a saved one resumes) at clock reading {@code now}. */
    void started(RunStarted s, long now) {
        progress = RunProgress.started(s, now);
        deviceText.set(s.device().toUpperCase(Locale.ROOT) + " · " + s.threads()
                + (s.threads() == 1 ? " thread" : " threads"));
        untilStopped = s.untilStopped();
        testing = false;
        epochText.set(epochOf(s.firstEpoch(), s.epochs()));
        fraction.set(untilStopped ? -1 : progress.fraction());
        etaText.set(untilStopped ? "until you stop it" : "–");
    }

    /** The dataset of the next run is loading. */
    void loading(DataProgress p) {
        if (!Double.isNaN(p.fraction())) {
            fraction.set(p.fraction());
        }
    }

    void batchEnded(BatchEnded b) {
        progress = progress.after(b);
        epochText.set(epochOf(b.epoch(), progress.epochs()));
        batchText.set("batch " + b.batch() + " of " + b.batchesInEpoch());
        speedText.set(Numbers.count(b.samplesPerSecond()) + " samples/s");
        fraction.set(untilStopped ? -1 : progress.fraction());
    }

    private String epochOf(int epoch, int epochs) {
        return untilStopped ? "Epoch " + epoch + ", until you stop it"
                : "Epoch " + epoch + " of " + (epochs == 0 ? "?" : epochs);
    }

    void paused(long now) {
        progress = progress.paused(now);
    }

    /** The run goes on at {@code now}. */
    void resumed(long now) {
        progress = progress.resumed(now);
    }

    /** The run's epochs have this many batches each (1 before it started), for chart positions. */
    int batchesPerEpoch() {
        return Math.max(1, progress.batchesInEpoch());
    }

    /** Updates the time trained and the time left for clock reading {@code now}. */
    void tick(long now) {
        if (progress == RunProgress.NONE) {
            return;
        }
        elapsedText.set(Numbers.clock(progress.secondsTrained(now)));
        double left = progress.secondsLeft(now);
        if (!Double.isNaN(left) && !untilStopped && !testing) {
            etaText.set("about " + Numbers.clock(left) + " left");
        }
    }

    /**
     * Training has ended and the kept parameters are being tested: the line shows how many test examples are done,
     * and no time left (the training's estimate no longer holds).
     */
    void testing(org.layerloom.engine.train.event.TestProgress t) {
        if (!testing) {
            epochBeforeTest = epochText.get();
        }
        testing = true;
        testedExamples = t.examples();
        epochText.set("Testing the kept network");
        batchText.set(Numbers.count(t.examplesDone()) + " of " + Numbers.counted(t.examples(), "test example"));
        etaText.set(t.examplesDone() == 0 ? "testing" : Numbers.percent(t.fraction()) + " tested");
        fraction.set(t.fraction());
    }

    /** No run is shown (another project was opened): the line is as before any run. */
    void reset() {
        progress = RunProgress.NONE;
        untilStopped = false;
        testing = false;
        epochBeforeTest = null;
        epochText.set("Epoch –");
        batchText.set("batch –");
        speedText.set("– samples/s");
        elapsedText.set("0:00");
        etaText.set("–");
        deviceText.set("–");
        fraction.set(0);
    }

    /** A saved run of {@code epochs} epochs that took {@code seconds} is shown, not a live one. */
    void saved(int epochs, double seconds) {
        reset();
        epochText.set("Epoch " + epochs + " of " + epochs);
        elapsedText.set(Numbers.clock(seconds));
        etaText.set("done");
        fraction.set(1);
    }

    /**
     * The run has ended: after a test the line goes back to the epoch the training reached and says how many
     * examples were tested, so no "Testing the kept network" stays once the result is shown.
     */
    void done() {
        if (testing) {
            epochText.set(epochBeforeTest);
            batchText.set("tested on " + Numbers.counted(testedExamples, "example"));
            fraction.set(untilStopped ? 1 : progress.fraction());
        }
        testing = false;
        etaText.set("done");
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText;
    }

    public ReadOnlyStringProperty batchTextProperty() {
        return batchText;
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText;
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText;
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText;
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText;
    }

    /** The run's progress from 0 to 1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction;
    }
}
