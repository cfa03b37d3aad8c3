package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.RunFolder;
import org.layerloom.engine.train.event.EpochEnded;

/** The run history's view-model on saved run folders, with same-thread executors (no toolkit). */
class RunHistoryViewModelTest {

    @TempDir
    Path runs;

    private final RunHistoryViewModel model = new RunHistoryViewModel(Runnable::run, Runnable::run);

    private Path save(Project project, int hour) throws Exception {
        LocalDateTime when = LocalDateTime.of(2026, 11, 1, hour, 0);
        RunFolder folder = RunFolder.create(runs, when);
        folder.writeMetrics(List.of(new EpochEnded(1, 0.9, 0.5, 0.8, 0.55, 0.01, 1),
                new EpochEnded(2, 0.7, 0.6, 0.6, 0.65, 0.01, 1)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("started", when.toInstant(ZoneOffset.UTC).toString());
        manifest.put("bestEpoch", 2);
        manifest.put("parameters", 1251);
        manifest.put("project", new ObjectMapper().readTree(ProjectFiles.toJson(project)));
        folder.writeJson("manifest", manifest);
        return folder.dir();
    }

    private static Project withRate(Project p, double rate) {
        TrainingSettings t = p.training();
        return p.withTraining(new TrainingSettings(t.optimizer().withLearningRate(rate), t.schedule(), t.batchSize(),
                t.epochs(), t.validationSplit(), t.seed(), t.device()));
    }

    @Test
    void runs_are_read_and_the_chosen_ones_compared_earliest_first() throws Exception {
        Project spirals = ProjectFiles.load(Path.of("../samples/projects/spirals.loom"));
        save(spirals, 9);
        save(withRate(spirals, 0.1), 10);
        model.setRunsRoot(runs);
        assertThat(model.runs()).hasSize(2);
        model.compare(List.copyOf(model.runs()));
        assertThat(model.compared().get(0).learningRate()).isEqualTo(0.01);
        assertThat(model.comparisonProperty().get().headline()).isEqualTo("lr 0.01 vs 0.1");
    }

    @Test
    void rename_and_delete_change_the_folder_and_the_list() throws Exception {
        Project spirals = ProjectFiles.load(Path.of("../samples/projects/spirals.loom"));
        save(spirals, 9);
        save(spirals, 10);
        model.setRunsRoot(runs);
        model.compare(List.of(model.runs().get(0)));
        model.rename(model.runs().get(1), "first try");
        assertThat(model.runs()).extracting(r -> r.id()).containsExactlyInAnyOrder("2026-11-01_10-00-00", "first try");
        assertThat(model.compared()).hasSize(1);
        model.delete(model.runs().stream().filter(r -> r.id().equals("first try")).findFirst().orElseThrow());
        assertThat(model.runs()).hasSize(1);
        assertThat(runs.resolve("first try")).doesNotExist();
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void a_bad_name_is_explained_and_nothing_changes() throws Exception {
        save(ProjectFiles.load(Path.of("../samples/projects/spirals.loom")), 9);
        model.setRunsRoot(runs);
        model.rename(model.runs().get(0), "../../etc");
        assertThat(model.messageProperty().get()).startsWith("The run could not be renamed: A run name uses");
        assertThat(model.runs()).extracting(r -> r.id()).containsExactly("2026-11-01_09-00-00");
    }

    @Test
    void no_project_means_no_runs() {
        model.setRunsRoot(null);
        assertThat(model.runs()).isEmpty();
    }
}
