package org.layerloom.engine.train.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.train.event.EpochEnded;

class RunHistoryTest {

    @TempDir
    Path runs;

    static Project spirals() throws Exception {
        return ProjectFiles.load(Path.of("../../samples/projects/spirals.loom"));
    }

    /** Writes a run folder as the training worker does: manifest, metrics and test result. */
    static Path saveRun(Path root, Project project, LocalDateTime when, double... validationLosses) throws IOException {
        RunFiles folder = RunFiles.create(root, when);
        List<EpochEnded> epochs = new ArrayList<>();
        int best = 0;
        for (int e = 0; e < validationLosses.length; e++) {
            epochs.add(new EpochEnded(e + 1, validationLosses[e] + 0.1, 0.5 + 0.1 * e, validationLosses[e],
                    0.6 + 0.05 * e, 0.01, 1.5));
            if (best == 0 || validationLosses[e] < validationLosses[best - 1]) {
                best = e + 1;
            }
        }
        folder.writeMetrics(epochs);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("run", folder.id());
        manifest.put("status", "completed");
        manifest.put("started", when.toInstant(java.time.ZoneOffset.UTC).toString());
        manifest.put("seconds", 12.5);
        manifest.put("parameters", 4610);
        manifest.put("bestEpoch", best);
        manifest.put("project", new ObjectMapper().readTree(ProjectFiles.toJson(project)));
        folder.writeJson("manifest", manifest);
        folder.writeJson("test", Map.of("accuracy", 0.875, "loss", 0.3));
        return folder.dir();
    }

    @Test
    void runs_are_listed_newest_first_with_their_best_epoch_and_settings() throws Exception {
        Project project = spirals();
        saveRun(runs, project, LocalDateTime.of(2026, 11, 1, 10, 0), 0.9, 0.5, 0.7);
        saveRun(runs, project, LocalDateTime.of(2026, 11, 2, 10, 0), 0.8);
        Files.createDirectories(runs.resolve("not-a-run"));
        List<RunSummary> list = RunHistory.list(runs);
        assertThat(list).extracting(RunSummary::id).containsExactly("2026-11-02_10-00-00", "2026-11-01_10-00-00");
        RunSummary older = list.get(1);
        assertThat(older.bestEpoch()).isEqualTo(2);
        assertThat(older.bestValidationLoss()).isEqualTo(0.5);
        assertThat(older.bestValidationAccuracy()).isEqualTo(0.65);
        assertThat(older.epochsDone()).isEqualTo(3);
        assertThat(older.parameters()).isEqualTo(4610);
        assertThat(older.testAccuracy()).isEqualTo(0.875);
        assertThat(older.seconds()).isEqualTo(12.5);
        assertThat(older.learningRate()).isEqualTo(project.training().optimizer().learningRate());
        assertThat(older.batchSize()).isEqualTo(project.training().batchSize());
    }

    @Test
    void a_missing_runs_folder_has_no_runs() throws Exception {
        assertThat(RunHistory.list(runs.resolve("absent.runs"))).isEmpty();
    }

    @Test
    void a_damaged_manifest_is_listed_as_damaged() throws Exception {
        Path run = saveRun(runs, spirals(), LocalDateTime.of(2026, 11, 1, 10, 0), 0.5);
        Files.writeString(run.resolve("manifest.json"), "{ not json");
        assertThat(RunHistory.list(runs)).singleElement().extracting(RunSummary::status).isEqualTo("damaged");
    }

    @Test
    void rename_moves_the_folder_and_refuses_bad_or_taken_names() throws Exception {
        Path a = saveRun(runs, spirals(), LocalDateTime.of(2026, 11, 1, 10, 0), 0.5);
        Path b = saveRun(runs, spirals(), LocalDateTime.of(2026, 11, 1, 11, 0), 0.5);
        Path renamed = RunHistory.rename(a, "lower lr");
        assertThat(renamed.getFileName()).hasToString("lower lr");
        assertThat(RunHistory.list(runs)).extracting(RunSummary::id).contains("lower lr");
        assertThatThrownBy(() -> RunHistory.rename(b, "lower lr")).isInstanceOf(IOException.class)
                .hasMessageContaining("already a run");
        assertThatThrownBy(() -> RunHistory.rename(b, "../escape")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delete_removes_a_run_but_never_a_folder_that_is_not_one() throws Exception {
        Path a = saveRun(runs, spirals(), LocalDateTime.of(2026, 11, 1, 10, 0), 0.5);
        RunHistory.delete(a);
        assertThat(a).doesNotExist();
        Path other = Files.createDirectories(runs.resolve("photos"));
        Files.writeString(other.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> RunHistory.delete(other)).isInstanceOf(IOException.class);
        assertThat(other.resolve("keep.txt")).exists();
    }

    @Test
    void differences_name_the_learning_rate_and_an_added_dropout() throws Exception {
        Project base = spirals();
        Project lower = base.withTraining(new org.layerloom.engine.project.TrainingSettings(
                base.training().optimizer().withLearningRate(0.001), base.training().schedule(),
                base.training().batchSize(), base.training().epochs(), base.training().validationSplit(),
                base.training().seed(), base.training().device()));
        Project dropout = lower.withGraph(withDropout(lower.graph()));
        Path a = saveRun(runs, base, LocalDateTime.of(2026, 11, 1, 10, 0), 0.5);
        Path b = saveRun(runs, lower, LocalDateTime.of(2026, 11, 1, 11, 0), 0.4);
        Path c = saveRun(runs, dropout, LocalDateTime.of(2026, 11, 1, 12, 0), 0.3);
        RunComparison lr = RunDifferences.compare(List.of(RunHistory.read(a), RunHistory.read(b)));
        assertThat(lr.differences()).containsExactly("lr 0.01 vs 0.001");
        assertThat(lr.labels()).containsExactly("lr 0.01", "lr 0.001");
        RunComparison drop = RunDifferences.compare(List.of(RunHistory.read(b), RunHistory.read(c)));
        assertThat(drop.differences()).containsExactly("Dropout added");
        assertThat(drop.labels()).containsExactly("no Dropout", "Dropout");
        assertThat(RunDifferences.compare(List.of(RunHistory.read(a), RunHistory.read(a))).headline())
                .isEqualTo("same settings and network");
    }

    private static NetworkGraph withDropout(NetworkGraph graph) {
        Node output = graph.nodesOfKind(LayerKind.OUTPUT).get(0);
        Wire last = graph.wiresInto(output.id()).get(0);
        Node dropout = new Node("dropout1", LayerKind.DROPOUT, "Dropout", LayerCatalog.standard()
                .type(LayerKind.DROPOUT).defaultParameters().with("rate", new ParamValue.Real(0.2)), Position.ORIGIN);
        NetworkGraph g = graph.withoutWire(last).withNode(graph.nodes().size(), dropout);
        g = g.withWire(g.wires().size(), Wire.between(last.from().nodeId(), "dropout1"));
        return g.withWire(g.wires().size(), Wire.between("dropout1", output.id()));
    }
}
