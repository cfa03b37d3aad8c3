package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.BatchEnded;

/**
 * The run is slow: after {@value #MIN_BATCHES} batches, one epoch is estimated to take more than
 * {@value #SLOW_EPOCH_SECONDS} s at the median throughput of the last {@value #WINDOW} batches, or that
 * throughput fell below {@value #DROP} of the best seen (something else competes for the processor) and an
 * epoch now takes more than {@value #NOTICEABLE_EPOCH_SECONDS} s (a slowdown of a one-second epoch is not
 * worth a card).
 * Advice: a 2× larger batch (up to {@value #MAX_BATCH}), as many threads as cores when more were used.
 * Stateless; any thread.
 */
final class SlowRunRule implements CoachRule {

    static final int MIN_BATCHES = 30;
    static final int WINDOW = 20;
    static final double SLOW_EPOCH_SECONDS = 120;
    static final double DROP = 0.5;
    static final double NOTICEABLE_EPOCH_SECONDS = 20;
    static final int MAX_BATCH = 256;

    @Override
    public CoachSituation situation() {
        return CoachSituation.SLOW_RUN;
    }

    @Override
    public int warmUpBatches() {
        return MIN_BATCHES;
    }

    @Override
    public Optional<CoachAdvice> check(MetricHistory history, CoachContext context) {
        List<BatchEnded> batches = history.batches();
        int n = batches.size();
        if (n < MIN_BATCHES) {
            return Optional.empty();
        }
        BatchEnded last = batches.get(n - 1);
        double speed = MetricHistory.median(batches, n - WINDOW, n, BatchEnded::samplesPerSecond);
        if (!(speed > 0)) {
            return Optional.empty();
        }
        double examples = history.started().map(s -> (double) s.trainExamples())
                .orElse((double) last.batchesInEpoch() * context.batchSize());
        double epochSeconds = examples / speed;
        double best = speed;
        for (int i = WINDOW; i <= n; i += WINDOW / 2) {
            best = Math.max(best, MetricHistory.median(batches, i - WINDOW, i, BatchEnded::samplesPerSecond));
        }
        String reason;
        if (epochSeconds > SLOW_EPOCH_SECONDS) {
            reason = "One epoch takes about " + Numbers.duration(epochSeconds) + " at " + Math.round(speed)
                    + " examples per second.";
        } else if (speed < DROP * best && epochSeconds > NOTICEABLE_EPOCH_SECONDS) {
            reason = "Training slowed from " + Math.round(best) + " to " + Math.round(speed)
                    + " examples per second; something else may be using the processor.";
        } else {
            return Optional.empty();
        }
        List<CoachAction> actions = new ArrayList<>();
        if (context.batchSize() > 0 && context.batchSize() < MAX_BATCH) {
            actions.add(new SettingChange(Setting.BATCH_SIZE, context.batchSize(),
                    Math.min(MAX_BATCH, 2 * context.batchSize())));
        }
        int threads = history.started().map(s -> s.threads()).orElse(0);
        if (context.cores() > 0 && threads > context.cores()) {
            actions.add(new SettingChange(Setting.THREADS, threads, context.cores()));
        }
        return Optional.of(new CoachAdvice(CoachSituation.SLOW_RUN, "Training is slow", reason,
                "A larger batch keeps the processor busier; close other heavy programs, use no more threads than"
                        + " cores, or train on a GPU if you have one.",
                actions, last.epoch(), last.step()));
    }
}
