package org.layerloom.engine.export;

import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.TrainingSettings;

/**
 * How an exported network is trained, for targets that export training too (PyTorch's {@code train.py}): the
 * project's training settings, the loss of its Output node and, when it could be read, the dataset as the run
 * (or the project) prepared it: the same splits, validation held out with the same seed, the same
 * normalisation. Immutable; any thread.
 *
 * @param dataset the prepared dataset, or null when it could not be read (then no data is exported)
 */
public record ExportedTraining(TrainingSettings settings, LossSpec loss, Dataset dataset) {

    public ExportedTraining {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(loss, "loss");
    }

    /** The prepared dataset, if it could be read. */
    public Optional<Dataset> data() {
        return Optional.ofNullable(dataset);
    }
}
