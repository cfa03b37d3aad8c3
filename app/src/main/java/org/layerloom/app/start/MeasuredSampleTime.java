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
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.samples.Sample;
import org.layerloom.samples.SampleCatalog;

/**
 * Measures a sample's training time on this computer: copies the sample into a scratch folder, starts its real
 * training, times the batches after the first few (the engine warms up on those), stops it, and scales the time
 * of one batch to the sample's epochs and training examples ({@link TrainingTime#minutes}). Call it on a
 * background thread only; it blocks for a few seconds while the batches run and deletes its scratch folder.
 */
public final class MeasuredSampleTime implements SampleTimeEstimator {

    private static final int WARM_UP_BATCHES = 3;
    private static final int TIMED_BATCHES = 20;
    private static final long MOST_NANOS = Duration.ofSeconds(20).toNanos();

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
            if (cancelled.getAsBoolean() || clock.secondsPerBatch().isEmpty() || clock.trainExamples <= 0) {
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

    /** Times the batches a run reports, from the training worker thread. */
    private static final class BatchClock {
        private volatile int trainExamples;
        private volatile int batches;
        private volatile long firstTimed;
        private volatile long lastTimed;

        void record(TrainingEvent event) {
            if (event instanceof DataLoaded data) {
                trainExamples = data.trainExamples();
            } else if (event instanceof BatchEnded) {
                long now = System.nanoTime();
                batches++;
                if (batches == WARM_UP_BATCHES) {
                    firstTimed = now;
                } else if (batches > WARM_UP_BATCHES) {
                    lastTimed = now;
                }
            }
        }

        boolean enough() {
            return batches >= WARM_UP_BATCHES + TIMED_BATCHES;
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
