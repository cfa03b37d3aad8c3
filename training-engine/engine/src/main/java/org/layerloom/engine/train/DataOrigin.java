package org.layerloom.engine.train;

import java.nio.file.Path;

/**
 * Where a run's dataset was loaded from, beyond the project's dataset choice: the folder its relative paths
 * started from ({@code null} when not known, as for a job made without a {@link TrainingRequest}) and at most
 * how many training examples were read (0: all). Written into the run's manifest so that the run's data can
 * be loaded again exactly ({@link RunData}). Immutable; any thread.
 */
public record DataOrigin(Path folder, int trainingLimit) {

    /** Nothing known (a job made without a request): the manifest leaves the folder and the limit out. */
    public static final DataOrigin UNKNOWN = new DataOrigin(null, 0);

    public DataOrigin {
        if (trainingLimit < 0) {
            throw new IllegalArgumentException("the training limit must be at least 0: " + trainingLimit);
        }
        folder = folder == null ? null : folder.toAbsolutePath().normalize();
    }
}
