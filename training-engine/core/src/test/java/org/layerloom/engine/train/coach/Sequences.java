package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEvent;

/** Hand-made metric sequences for the rule tests. Tests only. */
final class Sequences {

    static final int BATCHES_PER_EPOCH = 100;

    private Sequences() {
    }

    static RunStarted started(int epochs, int threads) {
        return RunStarted.builder().setRunId("run").setEpochs(epochs, BATCHES_PER_EPOCH).optDevice("cpu", threads)
                .optExamples(BATCHES_PER_EPOCH * 64, 600).optParameters(10_000).build();
    }

    /** {@code n} batches from step {@code firstStep} with these losses, 90 % accuracy and 5,000 examples/s. */
    static List<TrainingEvent> batches(long firstStep, int n, IntToDoubleFunction loss) {
        return batches(firstStep, n, loss, i -> 0.9, i -> 5_000);
    }

    static List<TrainingEvent> batches(long firstStep, int n, IntToDoubleFunction loss, IntToDoubleFunction accuracy,
                                       IntToDoubleFunction speed) {
        List<TrainingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long step = firstStep + i;
            events.add(BatchEnded.builder()
                    .setBatch((int) ((step - 1) / BATCHES_PER_EPOCH) + 1, (int) ((step - 1) % BATCHES_PER_EPOCH) + 1,
                            BATCHES_PER_EPOCH)
                    .setStep(step).setLoss(loss.applyAsDouble(i)).optAccuracy(accuracy.applyAsDouble(i))
                    .setLearningRate(0.01).setSamplesPerSecond(speed.applyAsDouble(i)).build());
        }
        return events;
    }

    /** Whole epochs, each {@value #BATCHES_PER_EPOCH} batches at its train loss, then its end. */
    static List<TrainingEvent> epochs(double[] train, double[] validation) {
        List<TrainingEvent> events = new ArrayList<>();
        events.add(started(train.length + 4, 2));
        for (int e = 0; e < train.length; e++) {
            double t = train[e];
            events.addAll(batches((long) e * BATCHES_PER_EPOCH + 1, BATCHES_PER_EPOCH, i -> t));
            events.add(new EpochEnded(e + 1, t, 0.9, validation[e], 0.85, 0.01, 2));
        }
        return events;
    }

    /** The advice of the situation when it fired while the coach read {@code events}. */
    static Optional<CoachAdvice> advice(TrainingCoach coach, List<TrainingEvent> events, CoachSituation situation) {
        return coach.observeAll(events).advice().stream().filter(a -> a.situation() == situation).findFirst();
    }
}
