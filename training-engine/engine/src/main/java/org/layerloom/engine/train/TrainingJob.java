package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * What to train: the project (its graph), the loaded dataset, the training settings (the project's or
 * overrides), where runs are kept, how many engine threads to use (0: chosen for the network by
 * {@link ThreadPlan}), the early-stopping patience in epochs (0: off) and, to resume a saved run, its folder ({@code null} for a
 * new run). A resumed run continues from its last checkpoint into the same folder and needs the same
 * network, dataset, optimizer and batch size; more epochs may be asked for. {@code inspection} says
 * whether the run sends training-health events ({@link InspectionSettings#OFF} by default); {@code untilStopped}
 * lets it train on past its epochs until it is stopped (off by default); {@code origin} says where the dataset
 * was read from, for the run's manifest ({@link DataOrigin#UNKNOWN} by default); {@code guidance} says whether a
 * new run starts from another run's weights or learns from a teacher run ({@link RunGuidance#NONE} by default).
 * Immutable; any thread.
 */
public record TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                          int patience, Path resumeFrom, InspectionSettings inspection, boolean untilStopped,
                          DataOrigin origin, RunGuidance guidance) {

    public TrainingJob {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(runsRoot, "runsRoot");
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(guidance, "guidance");
        if (resumeFrom != null && !guidance.isNone()) {
            throw new IllegalArgumentException("a resumed run goes on as it started; it takes no new guidance");
        }
    }

    /** A job whose dataset was read from {@code origin}, as an ordinary run (no {@link RunGuidance}). */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience, Path resumeFrom, InspectionSettings inspection, boolean untilStopped,
                       DataOrigin origin) {
        this(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection, untilStopped, origin,
                RunGuidance.NONE);
    }

    /** A job whose dataset was read from {@code origin}, ending after its epochs. */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience, Path resumeFrom, InspectionSettings inspection, DataOrigin origin) {
        this(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection, false, origin);
    }

    /** A job whose dataset's origin is not known, ending after its epochs (or not). */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience, Path resumeFrom, InspectionSettings inspection, boolean untilStopped) {
        this(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection, untilStopped,
                DataOrigin.UNKNOWN);
    }

    /** A job whose dataset's origin is not known, ending after its epochs. */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience, Path resumeFrom, InspectionSettings inspection) {
        this(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection, false,
                DataOrigin.UNKNOWN);
    }

    /** A job without inspection. */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience, Path resumeFrom) {
        this(project, dataset, settings, runsRoot, threads, patience, resumeFrom, InspectionSettings.OFF);
    }

    /** A job for a new run. */
    public TrainingJob(Project project, Dataset dataset, TrainingSettings settings, Path runsRoot, int threads,
                       int patience) {
        this(project, dataset, settings, runsRoot, threads, patience, null);
    }

    /** A job with the project's own settings, default threads and no early stopping. */
    public static TrainingJob of(Project project, Dataset dataset, Path runsRoot) {
        return new TrainingJob(project, dataset, project.training(), runsRoot, 0, 0);
    }

    public TrainingJob withSettings(TrainingSettings newSettings) {
        return new TrainingJob(project, dataset, newSettings, runsRoot, threads, patience, resumeFrom, inspection,
                untilStopped, origin, guidance);
    }

    public TrainingJob withThreads(int newThreads) {
        return new TrainingJob(project, dataset, settings, runsRoot, newThreads, patience, resumeFrom, inspection,
                untilStopped, origin, guidance);
    }

    public TrainingJob withPatience(int epochs) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, epochs, resumeFrom, inspection,
                untilStopped, origin, guidance);
    }

    /** This job continuing the saved run in {@code runFolder} from its last checkpoint. */
    public TrainingJob withResumeFrom(Path runFolder) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, patience,
                Objects.requireNonNull(runFolder, "runFolder"), inspection, untilStopped, origin, guidance);
    }

    /** This job capturing training-health statistics (and previews) as {@code settings} say. */
    public TrainingJob withInspection(InspectionSettings settings) {
        return new TrainingJob(project, dataset, this.settings, runsRoot, threads, patience, resumeFrom,
                Objects.requireNonNull(settings, "settings"), untilStopped, origin, guidance);
    }

    /** This job training on past its epochs until it is stopped (or not). */
    public TrainingJob withUntilStopped(boolean on) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection, on,
                origin, guidance);
    }

    /** This job with its dataset read from {@code dataOrigin} (recorded in the run's manifest). */
    public TrainingJob withOrigin(DataOrigin dataOrigin) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection,
                untilStopped, Objects.requireNonNull(dataOrigin, "dataOrigin"), guidance);
    }

    /** This job starting from another run's weights and/or learning from a teacher run, as {@code newGuidance} says. */
    public TrainingJob withGuidance(RunGuidance newGuidance) {
        return new TrainingJob(project, dataset, settings, runsRoot, threads, patience, resumeFrom, inspection,
                untilStopped, origin, Objects.requireNonNull(newGuidance, "newGuidance"));
    }

    /** The run folder to resume, if this job resumes one. */
    public Optional<Path> resumeFolder() {
        return Optional.ofNullable(resumeFrom);
    }
}
