package org.layerloom.engine.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import org.layerloom.engine.project.DatasetChoice;

/**
 * Everything a {@link DatasetSource} needs to produce a dataset: the source id and its options, the folder
 * that relative paths are resolved against (usually the project's folder), the seed for every random choice,
 * the fraction of the training data held out for validation, and an optional cap on the number of training
 * examples read (for quick runs and tests). Immutable; any thread.
 */
public record DatasetRequest(String source, DatasetOptions options, Path baseFolder, long seed,
                             double validationRatio, OptionalInt trainingLimit) {

    public DatasetRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(baseFolder, "baseFolder");
        Objects.requireNonNull(trainingLimit, "trainingLimit");
        if (!(validationRatio >= 0 && validationRatio < 1)) {
            throw new IllegalArgumentException("the validation ratio must lie in [0, 1), not " + validationRatio);
        }
        if (trainingLimit.isPresent() && trainingLimit.getAsInt() < 1) {
            throw new IllegalArgumentException("the training limit must be positive: " + trainingLimit);
        }
    }

    /** A request for the project's dataset choice, without a training limit. */
    public static DatasetRequest of(DatasetChoice choice, Path baseFolder, long seed, double validationRatio) {
        return new DatasetRequest(choice.source(), DatasetOptions.of(choice.options()), baseFolder, seed,
                validationRatio, OptionalInt.empty());
    }

    public DatasetRequest withOption(String key, Object value) {
        return new DatasetRequest(source, options.with(key, value), baseFolder, seed, validationRatio,
                trainingLimit);
    }

    public DatasetRequest withSeed(long newSeed) {
        return new DatasetRequest(source, options, baseFolder, newSeed, validationRatio, trainingLimit);
    }

    public DatasetRequest withValidationRatio(double ratio) {
        return new DatasetRequest(source, options, baseFolder, seed, ratio, trainingLimit);
    }

    /** Reads at most {@code limit} training examples (before the validation split). */
    public DatasetRequest withTrainingLimit(int limit) {
        return new DatasetRequest(source, options, baseFolder, seed, validationRatio, OptionalInt.of(limit));
    }

    /** {@code path} if absolute, else resolved against the base folder. */
    public Path resolve(String path) {
        return baseFolder.resolve(path).normalize();
    }

    /** How many of {@code available} training examples to use. */
    int limitTraining(int available) {
        return trainingLimit.isPresent() ? Math.min(available, trainingLimit.getAsInt()) : available;
    }
}
