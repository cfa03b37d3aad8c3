package org.layerloom.app.smoke;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.TrainingRequest;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Trains a project file for exactly one epoch through the engine's launch path,
 * {@link TrainingSession#start(TrainingRequest, org.layerloom.engine.train.event.TrainingListener)} (its
 * dataset loads and it trains on the session's worker thread), and returns what the epoch measured. The
 * run is saved beside the project as usual. Call from a thread that may block (not the JavaFX thread); one run per call.
 */
public final class OneEpochTraining {

    /** What one epoch produced: the project as loaded, the epoch's numbers and how the run ended. */
    public record Result(Project project, EpochEnded epoch, RunFinished finished) {
    }

    private final long timeoutSeconds;

    /** @param timeoutSeconds how long the epoch may take before it counts as hung */
    public OneEpochTraining(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public Result train(Path file) throws SmokeFailure, InterruptedException {
        Project project;
        try {
            project = ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            throw new SmokeFailure("the sample copied to " + file + " cannot be read: " + e.getMessage(), e);
        }
        TrainingSettings s = project.training();
        TrainingSettings oneEpoch = new TrainingSettings(s.optimizer(), s.schedule(), s.batchSize(), 1,
                s.validationSplit(), s.seed(), s.device());
        AtomicReference<EpochEnded> epoch = new AtomicReference<>();
        TrainingRequest request = TrainingRequest.builder(project, file).optSettings(oneEpoch).build();
        TrainingEvent outcome;
        try (TrainingSession session = TrainingSession.start(request, event -> {
            if (event instanceof EpochEnded ended) {
                epoch.set(ended);
            }
        })) {
            outcome = session.outcome().get(timeoutSeconds, TimeUnit.SECONDS);
            Throwable unreadable = session.dataset().handle((dataset, e) -> e).join();
            if (unreadable != null) {
                throw new SmokeFailure("the dataset of " + file.getFileName() + " cannot be made: "
                        + unreadable.getMessage(), unreadable);
            }
        } catch (ExecutionException e) {
            throw new SmokeFailure("training crashed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SmokeFailure("one epoch did not finish within " + timeoutSeconds + " s", e);
        }
        if (outcome instanceof RunFailed failed) {
            throw new SmokeFailure("training failed: " + failed.reason());
        }
        if (!(outcome instanceof RunFinished finished)) {
            throw new SmokeFailure("training ended with an unexpected event: " + outcome);
        }
        EpochEnded ended = Optional.ofNullable(epoch.get()).orElseThrow(
                () -> new SmokeFailure("training finished without reporting an epoch"));
        if (!Double.isFinite(ended.trainLoss())) {
            throw new SmokeFailure("the training loss after one epoch is " + ended.trainLoss());
        }
        return new Result(project, ended, finished);
    }
}
