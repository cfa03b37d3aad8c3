package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The metric sequences of one run as the coach's rules read them: every batch's loss, accuracy and
 * throughput, every epoch's results, how the run started, and where the learning rate was last changed
 * (rules about the loss look only at the batches since then). Fed in event order. Single thread (the
 * coach's caller).
 */
public final class MetricHistory {

    private final List<BatchEnded> batches = new ArrayList<>();
    private final List<EpochEnded> epochs = new ArrayList<>();
    private RunStarted started;
    private int sinceChange;
    private int epochsBeforeChange;

    /** Adds one event; events other than run start, batches, epochs and learning-rate changes are ignored. */
    public void record(TrainingEvent event) {
        event.accept(recorder);
    }

    private final TrainingEventVisitor recorder = new TrainingEventVisitor() {
        @Override
        public void runStarted(RunStarted event) {
            started = event;
        }

        @Override
        public void batchEnded(BatchEnded event) {
            batches.add(event);
        }

        @Override
        public void epochEnded(EpochEnded event) {
            epochs.add(event);
        }

        @Override
        public void learningRateChanged(LearningRateChanged event) {
            sinceChange = batches.size();
            epochsBeforeChange = epochs.size();
        }
    };

    public Optional<RunStarted> started() {
        return Optional.ofNullable(started);
    }

    /** Every batch of the run so far. */
    public List<BatchEnded> batches() {
        return java.util.Collections.unmodifiableList(batches);
    }

    /** The batches since the learning rate was last changed (all of them if it never was). */
    public List<BatchEnded> recentBatches() {
        return batches().subList(sinceChange, batches.size());
    }

    /** Every epoch of the run so far. */
    public List<EpochEnded> epochs() {
        return java.util.Collections.unmodifiableList(epochs);
    }

    /** The epochs that ended entirely after the last learning-rate change. */
    public List<EpochEnded> recentEpochs() {
        return epochs().subList(Math.min(epochs.size(), epochsBeforeChange + (sinceChange > 0 ? 1 : 0)),
                epochs.size());
    }

    public Optional<BatchEnded> lastBatch() {
        return batches.isEmpty() ? Optional.empty() : Optional.of(batches.get(batches.size() - 1));
    }

    /** The number of batches that ended after step {@code step}. */
    int batchesAfter(long step) {
        int count = 0;
        for (int i = batches.size() - 1; i >= 0 && batches.get(i).step() > step; i--) {
            count++;
        }
        return count;
    }

    /**
     * The mean loss of the (up to) {@code window} batches that ended at or before step {@code step}; NaN when
     * there are none.
     */
    double meanLossUpTo(long step, int window) {
        int end = batches.size() - batchesAfter(step);
        int from = Math.max(0, end - window);
        return end > from ? mean(batches, from, end, BatchEnded::loss) : Double.NaN;
    }

    /** The mean loss of the last {@code window} batches (all of them when fewer); NaN when there are none. */
    double recentMeanLoss(int window) {
        return batches.isEmpty() ? Double.NaN
                : mean(batches, Math.max(0, batches.size() - window), batches.size(), BatchEnded::loss);
    }

    /** The mean of {@code value} over {@code list[from, to)}. */
    static double mean(List<BatchEnded> list, int from, int to, ToDoubleFunction<BatchEnded> value) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += value.applyAsDouble(list.get(i));
        }
        return sum / (to - from);
    }

    /** The median of {@code value} over {@code list[from, to)}. */
    static double median(List<BatchEnded> list, int from, int to, ToDoubleFunction<BatchEnded> value) {
        double[] values = new double[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = value.applyAsDouble(list.get(i));
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
