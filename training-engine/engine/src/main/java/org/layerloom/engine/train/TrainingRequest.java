package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * What to train, before its dataset is loaded: the project and the folder its relative dataset paths start
 * from, where runs are kept, the training settings (the project's or overrides), a data folder for the
 * datasets read from files (or {@code null}), at most how many training examples (0: all), the engine threads
 * (0: chosen for the network), the early-stopping patience (0: off), the saved run to resume (or {@code null}),
 * the inspection, chosen once the dataset is known, whether the run trains on past its epochs until it is
 * stopped, and what else it learns from ({@link RunGuidance}: another run's weights, a teacher). {@link TrainingSession#start(TrainingRequest,
 * org.layerloom.engine.train.event.TrainingListener)} loads the dataset on the run's worker and makes the
 * {@link TrainingJob} with {@link #job(Dataset)}. Made with {@link #builder(Project, Path)}; immutable, any thread
 * (the inspection function is called on the worker).
 */
public record TrainingRequest(Project project, Path projectFolder, Path runsRoot, TrainingSettings settings,
                              Path dataFolder, int trainingLimit, int threads, int patience, Path resumeFrom,
                              Function<Dataset, InspectionSettings> inspection, boolean untilStopped,
                              RunGuidance guidance) {

    public TrainingRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(projectFolder, "projectFolder");
        Objects.requireNonNull(runsRoot, "runsRoot");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(guidance, "guidance");
        if (trainingLimit < 0 || threads < 0 || patience < 0) {
            throw new IllegalArgumentException("the training limit, threads and patience must be at least 0");
        }
    }

    /**
     * A builder of a new run of {@code project}, saved in {@code file}: relative dataset paths start from the
     * file's folder and runs are kept in {@code NAME.runs} beside it; the project's own settings, all examples,
     * threads chosen for the network, the settings' early stopping, no inspection.
     */
    public static Builder builder(Project project, Path file) {
        return new Builder(project, file);
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The project as it trains: with the training settings, and with the data folder as the dataset's path
     * for the sources that read files.
     */
    public Project trainedProject() {
        return project.withDataset(ProjectData.withDataFolder(project.dataset(), dataFolder)).withTraining(settings);
    }

    /** The job that trains the loaded {@code dataset}. */
    public TrainingJob job(Dataset dataset) {
        return new TrainingJob(trainedProject(), dataset, settings, runsRoot, threads, patience, resumeFrom,
                inspection.apply(dataset), untilStopped, new DataOrigin(projectFolder, trainingLimit), guidance);
    }

    /** Builds a {@link TrainingRequest}: {@code opt*} values have defaults. One thread. */
    public static final class Builder {
        private final Project project;
        private final Path projectFolder;
        private Path runsRoot;
        private TrainingSettings settings;
        private Path dataFolder;
        private int trainingLimit;
        private int threads;
        private int patience;
        private Path resumeFrom;
        private Function<Dataset, InspectionSettings> inspection = dataset -> InspectionSettings.OFF;
        private boolean untilStopped;
        private RunGuidance guidance = RunGuidance.NONE;

        private Builder(Project project, Path file) {
            this.project = Objects.requireNonNull(project, "project");
            this.projectFolder = file.toAbsolutePath().getParent();
            this.runsRoot = RunFolder.runsRootOf(file);
            this.settings = project.training();
            this.patience = settings.patience();
        }

        private Builder(TrainingRequest r) {
            project = r.project;
            projectFolder = r.projectFolder;
            runsRoot = r.runsRoot;
            settings = r.settings;
            dataFolder = r.dataFolder;
            trainingLimit = r.trainingLimit;
            threads = r.threads;
            patience = r.patience;
            resumeFrom = r.resumeFrom;
            inspection = r.inspection;
            untilStopped = r.untilStopped;
            guidance = r.guidance;
        }

        /** Where runs are kept; {@code NAME.runs} beside the project's file by default. */
        public Builder optRunsRoot(Path folder) {
            runsRoot = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** The training settings (and their early-stopping patience); the project's by default. */
        public Builder optSettings(TrainingSettings newSettings) {
            settings = Objects.requireNonNull(newSettings, "newSettings");
            patience = newSettings.patience();
            return this;
        }

        /** The folder with the dataset's files (e.g. the four MNIST IDX files), or {@code null}: none by default. */
        public Builder optDataFolder(Path folder) {
            dataFolder = folder;
            return this;
        }

        /** Train on at most {@code examples} training examples, for quick runs; 0 (all) by default. */
        public Builder optTrainingLimit(int examples) {
            trainingLimit = examples;
            return this;
        }

        /** Engine threads; 0 (chosen for the network by {@link ThreadPlan}) by default. */
        public Builder optThreads(int count) {
            threads = count;
            return this;
        }

        /** Stop after {@code epochs} epochs without a better validation loss; the settings' patience by default. */
        public Builder optPatience(int epochs) {
            patience = epochs;
            return this;
        }

        /** Go on training the saved run in {@code runFolder} from its last checkpoint; a new run by default. */
        public Builder optResumeFrom(Path runFolder) {
            resumeFrom = runFolder;
            return this;
        }

        /** The same inspection whatever the dataset; {@link InspectionSettings#OFF} by default. */
        public Builder optInspection(InspectionSettings settings) {
            Objects.requireNonNull(settings, "settings");
            inspection = dataset -> settings;
            return this;
        }

        /** The inspection chosen for the loaded dataset (called on the run's worker once it has loaded). */
        public Builder optInspection(Function<Dataset, InspectionSettings> choice) {
            inspection = Objects.requireNonNull(choice, "choice");
            return this;
        }

        /**
         * Whether the run trains on after its epochs, one epoch after the other, until it is stopped (the schedule
         * still spans the settings' epochs, and keeps its last rate after them); off by default.
         */
        public Builder optUntilStopped(boolean untilStopped) {
            this.untilStopped = untilStopped;
            return this;
        }

        /**
         * Start from the weights of the saved run in {@code runFolder} (its network must be this project's), holding
         * its pruned weights at zero when {@code holdPruned}; the seed's weights by default.
         */
        public Builder optStartFrom(Path runFolder, boolean holdPruned) {
            guidance = guidance.withStartFrom(runFolder, holdPruned);
            return this;
        }

        /** Learn from a teacher run as well as from the labels (knowledge distillation); null: labels only (default). */
        public Builder optTeacher(RunGuidance.Teacher teacher) {
            guidance = guidance.withTeacher(teacher);
            return this;
        }

        public TrainingRequest build() {
            return new TrainingRequest(project, projectFolder, runsRoot, settings, dataFolder, trainingLimit, threads,
                    patience, resumeFrom, inspection, untilStopped, guidance);
        }
    }
}
