package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * A run's own data read back from its manifest: from a relative path beside the project, with the run's
 * training limit, split and seed (the same SHA-256); a moved file found again in the folder the student
 * names; a changed file refused with both hashes.
 */
class RunDataTest {

    @TempDir
    Path dir;

    private Path train(Path projectFile) throws Exception {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 16,
                2, 0.2, 5, DeviceChoice.CPU);
        Project project = TrainingFixtures.project("points", TrainingFixtures.mlp(new int[] {2}, 8, 1, 2),
                DatasetChoice.of("csv").with("path", "data/points.csv").with("label", "class"), settings);
        ProjectFiles.save(project, projectFile);
        TrainingRequest request = TrainingRequest.builder(project, projectFile).optThreads(1).optTrainingLimit(150)
                .build();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(request, e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return Path.of(((RunFinished) end).runFolder());
    }

    private static void writePoints(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", x, y, x + y > 0 ? "above" : "below"));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    @Test
    void the_manifest_records_where_the_data_came_from_and_it_loads_again_with_the_same_numbers() throws Exception {
        Path project = dir.resolve("project").resolve("points.loom");
        writePoints(project.resolveSibling("data/points.csv"), 240, 1);
        Path runFolder = train(project);

        Map<String, Object> manifest = RunFolder.open(runFolder).readJson("manifest");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) manifest.get("dataset");
        assertThat(data).containsEntry("source", "csv").containsEntry("trainingLimit", 150)
                .containsEntry("folder", project.getParent().toAbsolutePath().normalize().toString());
        assertThat((String) data.get("sha256")).hasSize(64);

        try (SavedRun run = SavedRun.open(runFolder)) {
            RunData recorded = RunData.of(run);
            assertThat(recorded.readsFiles()).isTrue();
            assertThat(recorded.place()).contains(project.resolveSibling("data/points.csv").toAbsolutePath());
            RunData.Outcome outcome = recorded.load(ProgressListener.none());
            assertThat(outcome.problem()).as(outcome.message()).isEqualTo(RunData.Problem.NONE);
            Dataset dataset = outcome.dataset();
            assertThat(dataset.train().size() + dataset.validation().size()).as("the run's training limit")
                    .isEqualTo(150);
            assertThat(run.trainedOn(dataset)).isTrue();
        }
    }

    @Test
    void moved_files_are_reported_with_their_old_place_and_found_in_the_folder_the_student_names() throws Exception {
        Path project = dir.resolve("project").resolve("points.loom");
        writePoints(project.resolveSibling("data/points.csv"), 240, 2);
        Path runFolder = train(project);
        Path moved = dir.resolve("elsewhere");
        Files.move(project.resolveSibling("data"), moved);

        try (SavedRun run = SavedRun.open(runFolder)) {
            RunData recorded = RunData.of(run);
            RunData.Outcome missing = recorded.load(ProgressListener.none());
            assertThat(missing.problem()).isEqualTo(RunData.Problem.MISSING);
            assertThat(missing.dataset()).isNull();
            assertThat(missing.message()).contains("is no longer at " + project.resolveSibling("data/points.csv")
                    .toAbsolutePath().normalize()).contains("choose the folder");

            RunData.Outcome found = recorded.relocatedTo(moved).load(ProgressListener.none());
            assertThat(found.problem()).as(found.message()).isEqualTo(RunData.Problem.NONE);
            assertThat(run.trainedOn(found.dataset())).isTrue();
        }
    }

    @Test
    void a_quick_run_whose_manifest_does_not_say_its_limit_is_read_with_as_many_examples_as_it_had() throws Exception {
        Path csv = dir.resolve("points.csv");
        writePoints(csv, 240, 4);
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 16,
                1, 0.2, 5, DeviceChoice.CPU);
        DatasetChoice choice = DatasetChoice.of("csv").with("path", csv.toString()).with("label", "class");
        Dataset quick = TrainingFixtures.load(choice, settings.seed(), settings.validationSplit(), 100);
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("points", TrainingFixtures.mlp(new int[] {2}, 8, 1,
                2), choice, settings), quick, dir.resolve("points.runs")).withThreads(1);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, e -> { }));

        try (SavedRun run = SavedRun.open(Path.of(((RunFinished) end).runFolder()))) {
            RunData.Outcome outcome = RunData.of(run).load(ProgressListener.none());
            assertThat(outcome.problem()).as(outcome.message()).isEqualTo(RunData.Problem.NONE);
            assertThat(run.trainedOn(outcome.dataset())).isTrue();
        }
    }

    @Test
    void a_downloaded_set_is_read_from_the_cache_it_was_trained_from_and_the_project_folder_never_replaces_it()
            throws Exception {
        Path cache = dir.resolve("cache");
        Path mnist = Files.createDirectories(cache.resolve("mnist"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.createSymbolicLink(mnist.resolve(name), TrainingFixtures.mnistFolder().resolve(name));
        }
        Path project = Files.createDirectories(dir.resolve("digits")).resolve("digits.loom");
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 64,
                1, 0.1, 5, DeviceChoice.CPU);
        Project digits = TrainingFixtures.project("digits", TrainingFixtures.mlp(new int[] {1, 28, 28}, 16, 1, 10),
                DatasetChoice.of("mnist").with("cache", cache.toString()), settings);
        ProjectFiles.save(digits, project);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(TrainingRequest.builder(digits, project)
                .optThreads(1).optTrainingLimit(300).build(), e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);

        try (SavedRun run = SavedRun.open(Path.of(((RunFinished) end).runFolder()))) {
            RunData recorded = RunData.of(run);
            assertThat(recorded.place()).contains(mnist.toAbsolutePath().normalize());
            RunData.Outcome outcome = recorded.load(ProgressListener.none());
            assertThat(outcome.problem()).as(outcome.message()).isEqualTo(RunData.Problem.NONE);
            assertThat(outcome.dataset().test().size()).isEqualTo(10_000);
            assertThat(run.trainedOn(outcome.dataset())).isTrue();

            for (Path link : Files.list(mnist).toList()) {
                Files.delete(link);
            }
            RunData.Outcome emptied = recorded.load(ProgressListener.none());
            assertThat(emptied.problem()).isEqualTo(RunData.Problem.UNREADABLE);
            assertThat(emptied.message()).contains("is not on this computer yet");
            RunData.Outcome imported = recorded.relocatedTo(TrainingFixtures.mnistFolder())
                    .load(ProgressListener.none());
            assertThat(imported.problem()).as(imported.message()).isEqualTo(RunData.Problem.NONE);
        }
    }

    @Test
    void a_changed_file_is_refused_with_both_hashes() throws Exception {
        Path project = dir.resolve("project").resolve("points.loom");
        Path csv = project.resolveSibling("data/points.csv");
        writePoints(csv, 240, 3);
        Path runFolder = train(project);
        Files.writeString(csv, Files.readString(csv).replaceFirst(",above", ",below"));

        try (SavedRun run = SavedRun.open(runFolder)) {
            RunData.Outcome changed = RunData.of(run).load(ProgressListener.none());
            assertThat(changed.problem()).isEqualTo(RunData.Problem.CHANGED);
            assertThat(changed.dataset()).isNull();
            assertThat(changed.message()).startsWith("The data in " + csv.toAbsolutePath().normalize()
                    + " is not what run " + run.runId() + " was trained on (SHA-256 of its numbers ")
                    .contains("a file was changed or replaced");
        }
    }
}
