package org.layerloom.app.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.TrainingRequest;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.samples.Sample;
import org.layerloom.samples.SampleCatalog;

/**
 * Measures a sample's training time on this computer: copies the sample into a scratch folder and starts its real
 * training. Where an epoch is short (a small set such as the spirals), it times whole epochs after the first, so
 * the validation and the checkpoint at each epoch's end are counted (they are most of a tiny network's time), and
 * scales them to the sample's epochs. Otherwise it times the batches after the first few (the engine warms up on
 * those) and scales one batch to the sample's epochs and training examples ({@link TrainingTime#minutes}). Then it
 * stops the run. Call it on a background thread only; it blocks for a few seconds and deletes its scratch
 * folder.
 */
public final class MeasuredSampleTime implements SampleTimeEstimator {

    private static final int WARM_UP_BATCHES = 3;
    private static final int TIMED_BATCHES = 20;
    private static final long MOST_NANOS = Duration.ofSeconds(20).toNanos();
    /** Whole epochs are timed when three of them take at most this long (judged from the timed batches). */
    private static final double EPOCHS_WITHIN_SECONDS = 8;
    private static final int EPOCHS_TIMED = 2;

    private final SampleCatalog catalog;

    public MeasuredSampleTime(SampleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public OptionalDouble minutes(Sample sample, BooleanSupplier cancelled) {
        if (sample.download()) {
            return OptionalDouble.empty();
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("layerloom-sample-time-");
            Path file = catalog.copyTo(sample, scratch);
            Project project = ProjectFiles.load(file);
            TrainingRequest request = TrainingRequest.builder(project, file).optRunsRoot(scratch.resolve("runs"))
                    .build();
            BatchClock clock = new BatchClock();
            long started = System.nanoTime();
            try (TrainingSession session = TrainingSession.start(request, clock::record)) {
                while (!session.outcome().isDone() && !clock.enough() && !cancelled.getAsBoolean()
                        && System.nanoTime() - started < MOST_NANOS) {
                    Thread.sleep(20);
                }
                session.stopAndWait(Duration.ofSeconds(30));
            }
            if (cancelled.getAsBoolean()) {
                return OptionalDouble.empty();
            }
            OptionalDouble perEpoch = clock.secondsPerEpoch();
            if (perEpoch.isPresent()) {
                return OptionalDouble.of(perEpoch.getAsDouble() * project.training().epochs() / 60.0);
            }
            if (clock.secondsPerBatch().isEmpty() || clock.trainExamples <= 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(TrainingTime.minutes(clock.secondsPerBatch().getAsDouble(), clock.trainExamples,
                    project.training().batchSize(), project.training().epochs()));
        } catch (IOException | ProjectFileException | RuntimeException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        } finally {
            delete(scratch);
        }
    }

    /** Times the batches and epochs a run reports, from the training worker thread. */
    static final class BatchClock {
        private volatile int trainExamples;
        private volatile int batches;
        private volatile int batchesInEpoch;
        private volatile long firstTimed;
        private volatile long lastTimed;
        private volatile int epochsEnded;
        private volatile long firstEpochEnd;
        private volatile long lastEpochEnd;

        void record(TrainingEvent event) {
            record(event, System.nanoTime());
        }

        void record(TrainingEvent event, long now) {
            if (event instanceof DataLoaded data) {
                trainExamples = data.trainExamples();
            } else if (event instanceof BatchEnded batch) {
                batches++;
                batchesInEpoch = batch.batchesInEpoch();
                if (batches == WARM_UP_BATCHES) {
                    firstTimed = now;
                } else if (batches > WARM_UP_BATCHES) {
                    lastTimed = now;
                }
            } else if (event instanceof EpochEnded) {
                epochsEnded++;
                if (epochsEnded == 1) {
                    firstEpochEnd = now;
                } else {
                    lastEpochEnd = now;
                }
            }
        }

        /** Enough is known: whole epochs where they are short, else the timed batches. */
        boolean enough() {
            if (epochsEnded > EPOCHS_TIMED) {
                return true;
            }
            if (batches < WARM_UP_BATCHES + TIMED_BATCHES) {
                return false;
            }
            double threeEpochs = (EPOCHS_TIMED + 1) * Math.max(1, batchesInEpoch)
                    * secondsPerBatch().orElse(Double.POSITIVE_INFINITY);
            return threeEpochs > EPOCHS_WITHIN_SECONDS;
        }

        /** Seconds an epoch takes after the first, its validation and checkpoint included; empty before two ended. */
        OptionalDouble secondsPerEpoch() {
            return epochsEnded < 2 || lastEpochEnd <= firstEpochEnd ? OptionalDouble.empty()
                    : OptionalDouble.of((lastEpochEnd - firstEpochEnd) / 1e9 / (epochsEnded - 1));
        }

        OptionalDouble secondsPerBatch() {
            int timed = batches - WARM_UP_BATCHES;
            return timed <= 0 || lastTimed <= firstTimed ? OptionalDouble.empty()
                    : OptionalDouble.of((lastTimed - firstTimed) / 1e9 / timed);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a scratch folder in the temporary directory; the system clears it
        }
    }
}
