package org.layerloom.app.train;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.RowConstraints;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.line.LiveLineChartView;
import org.layerloom.charts.line.SeriesKind;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * The live charts of a run: loss and accuracy (per batch faint with a smoothed line, per-epoch training
 * means and validation points) and the learning rate, with the same markers on all three. Receives
 * points as the {@link DashboardChartFeed}; while shown, it redraws at most ten times a second on a pulse
 * after new points came (each chart once, in one batch), otherwise once per flush. JavaFX thread only.
 */
final class LiveChartsPanel extends GridPane implements DashboardChartFeed {

    private static final String BATCH = "batch";
    private static final String TRAIN = "train";
    private static final String VALIDATION = "validation";

    private final LiveLineChartView loss = new LiveLineChartView("", "epoch", "loss");
    private final LiveLineChartView accuracy = new LiveLineChartView("", "epoch", "accuracy (%)");
    private final LiveLineChartView rate = new LiveLineChartView("", "epoch", "learning rate");

    /** Charts redraw at most this often while points stream in: enough for the eye, cheap for the pulse. */
    static final long REDRAW_NANOS = 100_000_000L;

    private final javafx.animation.AnimationTimer redrawTimer = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty && System.nanoTime() - lastRedraw >= REDRAW_NANOS) {
                redrawNow();
            }
        }
    };
    private boolean dirty;
    private boolean timerRunning;
    /** What the loss chart's training series measure, when not the network's own loss ("" then). */
    private String trainingLoss = "";
    private long lastRedraw;

    LiveChartsPanel(Consumer<String> onError, ObservableValue<Theme> theme) {
        for (LiveLineChartView chart : charts()) {
            ThemeColors.bind(chart.colorsProperty(), theme);
        }
        getStyleClass().add("live-charts");
        setHgap(12);
        setVgap(12);
        add(new ChartCard("Loss", loss, "loss", onError), 0, 0);
        add(new ChartCard("Accuracy", accuracy, "accuracy", onError), 1, 0);
        add(new ChartCard("Learning rate", rate, "learning-rate", onError), 0, 1, 2, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(half, half);
        RowConstraints big = new RowConstraints();
        big.setVgrow(Priority.ALWAYS);
        big.setMinHeight(260);
        RowConstraints small = new RowConstraints(150, 170, 200);
        getRowConstraints().addAll(big, small);
        reset();
    }

    LiveLineChartView lossChart() {
        return loss;
    }

    LiveLineChartView accuracyChart() {
        return accuracy;
    }

    LiveLineChartView rateChart() {
        return rate;
    }

    void setSmoothing(double weight) {
        loss.setSmoothing(weight);
        accuracy.setSmoothing(weight);
    }

    @Override
    public void trainingLossIs(String name) {
        trainingLoss = name == null ? "" : name;
    }

    @Override
    public void reset() {
        for (LiveLineChartView chart : List.of(loss, accuracy)) {
            double smoothing = chart.model().smoothing();
            chart.model().clear();
            chart.model().setSmoothing(smoothing);
            String training = chart == loss && !trainingLoss.isEmpty() ? "training (" + trainingLoss + ")" : "training";
            chart.model().addSeries(BATCH, training + ", per batch", SeriesKind.RAW_WITH_SMOOTHED, 0);
            chart.model().addSeries(TRAIN, training + ", epoch mean", SeriesKind.POINTS, 2);
            chart.model().addSeries(VALIDATION, "validation", SeriesKind.POINTS, 1);
        }
        rate.model().clear();
        rate.model().addSeries(BATCH, "learning rate", SeriesKind.LINE, 4);
        flush();
    }

    @Override
    public void batch(double x, double lossValue, double accuracyValue, double learningRate) {
        loss.model().append(BATCH, x, lossValue);
        accuracy.model().append(BATCH, x, 100 * accuracyValue);
        rate.model().append(BATCH, x, learningRate);
    }

    @Override
    public void epoch(EpochEnded epoch) {
        loss.model().append(TRAIN, epoch.epoch(), epoch.trainLoss());
        loss.model().append(VALIDATION, epoch.epoch(), epoch.validationLoss());
        accuracy.model().append(TRAIN, epoch.epoch(), 100 * epoch.trainAccuracy());
        accuracy.model().append(VALIDATION, epoch.epoch(), 100 * epoch.validationAccuracy());
    }

    @Override
    public void marker(double x, String label) {
        for (LiveLineChartView chart : charts()) {
            chart.model().addMarker(x, label);
        }
    }

    /** Marks the charts for a redraw; {@link #redrawTimer} draws at most every {@link #REDRAW_NANOS}. */
    @Override
    public void flush() {
        dirty = true;
        if (!timerRunning) {
            redrawNow();
        }
    }

    /** Starts redrawing at most ten times a second, on a pulse after new points (instead of on each flush). */
    void startThrottledRedraws() {
        timerRunning = true;
        redrawTimer.start();
    }

    void stopThrottledRedraws() {
        timerRunning = false;
        redrawTimer.stop();
    }

    private void redrawNow() {
        dirty = false;
        lastRedraw = System.nanoTime();
        for (LiveLineChartView chart : charts()) {
            chart.refresh();
        }
    }

    private List<LiveLineChartView> charts() {
        return List.of(loss, accuracy, rate);
    }
}
