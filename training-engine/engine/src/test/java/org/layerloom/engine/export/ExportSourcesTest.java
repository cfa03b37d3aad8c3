package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

class ExportSourcesTest {

    @TempDir
    static Path runs;

    private static Project project;
    private static RunFinished finished;

    @BeforeAll
    static void trainTwoEpochs() throws Exception {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.05), ScheduleSettings.fixed(), 16, 2,
                0.2, 3, DeviceChoice.CPU);
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 200).with("noise", 0.2);
        List<Node> nodes = List.of(GraphBuilder.node("input", LayerKind.INPUT, 0, 0, "shape", new int[] {2}),
                GraphBuilder.node("hidden", LayerKind.DENSE, 0, 0, "units", 8, "activation", "relu"),
                GraphBuilder.node("scores", LayerKind.DENSE, 0, 0, "units", 2),
                GraphBuilder.node("output", LayerKind.OUTPUT, 0, 0));
        project = new Project("moons", new NetworkGraph(nodes, GraphBuilder.wires("input", "hidden", "scores", "output")),
                choice, settings);
        Dataset moons = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), settings.seed(), 0.2),
                ProgressListener.none());
        TrainingEvent end = TrainingSession.start(TrainingJob.of(project, moons, runs).withThreads(1), e -> { })
                .outcome().get(5, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        finished = (RunFinished) end;
    }

    @Test
    void a_run_exports_the_parameters_it_kept() throws Exception {
        Path folder = Path.of(finished.runFolder());
        ExportedNetwork exported = ExportSources.fromRun(folder, ExportTarget.PYTORCH);
        assertThat(exported.weights()).extracting(NpyArray::name)
                .containsExactly("hidden.weight", "hidden.bias", "scores.weight", "scores.bias");
        try (SavedRun run = SavedRun.open(folder)) {
            ExportedNetwork kept = ExportedNetwork.of("moons", exported.report(), run.block());
            assertThat(exported.weights()).isEqualTo(kept.weights());
        }
        assertThat(exported.weights()).isNotEqualTo(ExportSources.initial(project, ExportTarget.PYTORCH).weights());
    }

    @Test
    void without_a_run_the_weights_the_seed_draws_are_exported() throws Exception {
        ExportedNetwork first = ExportSources.initial(project, ExportTarget.PYTORCH);
        assertThat(ExportSources.initial(project, ExportTarget.PYTORCH).weights()).isEqualTo(first.weights());
        TrainingSettings t = project.training();
        Project reseeded = project.withTraining(new TrainingSettings(t.optimizer(), t.schedule(), t.batchSize(),
                t.epochs(), t.validationSplit(), 4, t.device()));
        assertThat(ExportSources.initial(reseeded, ExportTarget.PYTORCH).weights()).isNotEqualTo(first.weights());
    }

    @Test
    void a_refused_network_is_refused_before_it_is_compiled() {
        List<Node> nodes = project.graph().nodes().stream().map(n -> n.id().equals("hidden")
                ? new Node("class", n.kind(), "hidden", n.params(), n.position()) : n).toList();
        NetworkGraph graph = new NetworkGraph(nodes, GraphBuilder.wires("input", "class", "scores", "output"));
        assertThatThrownBy(() -> ExportSources.initial(project.withGraph(graph), ExportTarget.PYTORCH))
                .isInstanceOfSatisfying(ExportRefusedException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(
                                p -> assertThat(p.nodeIds()).containsExactly("class")));
    }
}
