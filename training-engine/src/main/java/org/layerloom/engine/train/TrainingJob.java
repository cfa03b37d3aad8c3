package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.Objects;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Everything one run needs: the project (network and its settings), the loaded dataset, the settings
 * in force (the project's, with any command-line overrides), where runs are kept, how many engine
 * threads to use (0: the engine's default) and the early-stopping patience in epochs (0: off).
 * Immutable; any thread.
 */
public record TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                          int patience) {

    public TrainingJob {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(runsRoot, "runsRoot");
    }

    /** A job with the project's own settings, default threads and no early stopping. */
    public static TrainingJob of(Project project, Dataset dataset, Path runsRoot) {
        return new TrainingJob(project, dataset, project.training(), runsRoot, 0, 0);
    }

    public TrainingJob withSettings(TrainingSettings newSettings) {
        return new TrainingJob(project, dataset, newSettings, runsRoot, threads, patience);
    }

    public TrainingJob withThreads(int newThreads) {
        return new TrainingJob(project, dataset, settings, runsRoot, newThreads, patience);
    }

    public TrainingJob withPatience(int epochs) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, epochs);
    }
}
