package org.layerloom.engine.train.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.event.EpochEnded;

/**
 * What the run history shows of one saved run, read from its folder: when it started and how long it
 * took, how it ended, its settings (inside {@code project}, as trained), its epochs, the best epoch's
 * validation accuracy and loss, its parameter count and its test accuracy. Numbers a run does not have
 * are NaN (or 0 for counts); {@code project} is empty when the manifest could not be read. Immutable.
 *
 * @param status   "completed", "stopped", "running", "failed" (as the manifest says) or "damaged"
 * @param madeFrom how the run came from another one, in a few words ("pruned 80 % (global) of run X",
 *                 "fine-tuned from X, zeros held", "taught by X (T 4, α 0.9)"), or "" for a run trained from its seed
 */
public record RunSummary(String id, Path folder, Instant started, double seconds, String status, int epochsDone,
                         int bestEpoch, double bestValidationAccuracy, double bestValidationLoss, long parameters,
                         double testAccuracy, List<EpochEnded> epochs, Optional<Project> project, String madeFrom) {

    public RunSummary {
        epochs = List.copyOf(epochs);
        madeFrom = madeFrom == null ? "" : madeFrom;
    }

    /** A run trained from its seed's weights, with its own labels. */
    public RunSummary(String id, Path folder, Instant started, double seconds, String status, int epochsDone,
                      int bestEpoch, double bestValidationAccuracy, double bestValidationLoss, long parameters,
                      double testAccuracy, List<EpochEnded> epochs, Optional<Project> project) {
        this(id, folder, started, seconds, status, epochsDone, bestEpoch, bestValidationAccuracy, bestValidationLoss,
                parameters, testAccuracy, epochs, project, "");
    }

    /** The learning rate the run was set up with, or NaN without a project. */
    public double learningRate() {
        return project.map(p -> p.training().optimizer().learningRate()).orElse(Double.NaN);
    }

    /** The batch size, or 0 without a project. */
    public int batchSize() {
        return project.map(p -> p.training().batchSize()).orElse(0);
    }

    /** The optimizer's name ("adam", "sgd"...), or "" without a project. */
    public String optimizer() {
        return project.map(p -> p.training().optimizer().kind().id()).orElse("");
    }
}
