package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/** Early stopping is a setting of the project: saved in its file, and it ends the project's runs. */
class ProjectEarlyStoppingTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 400).with("noise", 0.3);
    private static final TrainingSettings LONG = new TrainingSettings(OptimizerSettings.adam(0.05),
            ScheduleSettings.fixed(), 32, 40, 0.25, 3, DeviceChoice.CPU);

    @TempDir
    Path dir;

    private Project project(TrainingSettings settings) {
        return TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 32, 2, 2), MOONS, settings);
    }

    private RunFinished train(TrainingSettings settings) throws Exception {
        Dataset data = TrainingFixtures.load(MOONS, settings.seed(), settings.validationSplit(), 0);
        TrainingRequest request = TrainingRequest.builder(project(settings), dir.resolve("moons.loom")).optThreads(1)
                .build();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(request.job(data), e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        return (RunFinished) end;
    }

    @Test
    void the_patience_is_saved_with_the_project_and_checked_when_read() throws Exception {
        Project project = project(LONG.withPatience(3));
        assertThat(ProjectFiles.fromJson(ProjectFiles.toJson(project), "test").training().patience()).isEqualTo(3);
        assertThat(ProjectFiles.toJson(project(LONG))).as("off: left out").doesNotContain("patience");
        String negative = ProjectFiles.toJson(project).replace("\"patience\" : 3", "\"patience\" : -1");
        assertThatThrownBy(() -> ProjectFiles.fromJson(negative, "test")).isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("early-stopping patience");
    }

    @Test
    void the_projects_patience_stops_its_run_early_and_without_it_the_run_trains_every_epoch() throws Exception {
        assertThat(TrainingRequest.builder(project(LONG.withPatience(2)), dir.resolve("moons.loom")).build()
                .patience()).isEqualTo(2);

        RunFinished all = train(LONG);
        RunFinished early = train(LONG.withPatience(1));

        assertThat(all.epochsDone()).isEqualTo(40);
        assertThat(early.epochsDone()).isLessThan(40);
        assertThat(early.reason()).contains("early stopping");
    }
}
