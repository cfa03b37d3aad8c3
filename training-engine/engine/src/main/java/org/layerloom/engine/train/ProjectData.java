package org.layerloom.engine.train;

import java.nio.file.Path;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetEntry;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Loads the dataset a project trains on: its dataset choice, with relative paths resolved against the
 * project's folder, an optional data folder given by the student (for datasets read from files, such
 * as MNIST), and the project's seed and validation split. Runs on a background thread; stateless.
 */
public final class ProjectData {

    private ProjectData() {
    }

    /**
     * The dataset choice with {@code dataFolder} as its path, for the standard datasets (the registry's
     * downloaded entries), which read a folder of their original files named by the option "path".
     */
    public static DatasetChoice withDataFolder(DatasetChoice choice, Path dataFolder) {
        if (dataFolder == null || !DatasetRegistry.standard().entry(choice.source())
                .map(DatasetEntry::downloaded).orElse(false)) {
            return choice;
        }
        return choice.with("path", dataFolder.toAbsolutePath().normalize().toString());
    }

    /**
     * Loads the project's dataset.
     *
     * @param trainingLimit at most this many training examples (0: all), for quick runs
     */
    public static Dataset load(Project project, Path projectFolder, TrainingSettings settings, int trainingLimit,
                               ProgressListener progress) throws DatasetException {
        DatasetRequest request = DatasetRequest.of(project.dataset(), projectFolder, settings.seed(),
                settings.validationSplit());
        if (trainingLimit > 0) {
            request = request.withTrainingLimit(trainingLimit);
        }
        return DatasetRegistry.standard().load(request, progress);
    }
}
