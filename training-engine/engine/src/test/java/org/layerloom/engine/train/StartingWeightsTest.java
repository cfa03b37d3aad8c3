package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.export.ExportSources;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.NpzReader;
import org.layerloom.engine.export.NpzWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.StartingWeightsLoaded;

/**
 * A project's starting weights (an imported model's {@code .npz}): a new run and an export start from them, a layer
 * resized since the import keeps the seed's weights and is named, and a missing file ends the run with its name.
 */
class StartingWeightsTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 400).with("noise", 0.2);

    @TempDir
    Path dir;

    private static TrainingSettings settings(long seed, int epochs) {
        return new TrainingSettings(OptimizerSettings.adam(0.03), ScheduleSettings.fixed(), 32, epochs, 0.25, seed,
                DeviceChoice.CPU);
    }

    private static Project moons(long seed, int epochs) {
        return TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2), MOONS,
                settings(seed, epochs));
    }

    private TrainingFixtures.Recorder train(Project project) throws Exception {
        Dataset data = TrainingFixtures.load(MOONS, project.training().seed(), 0.25, 0);
        TrainingRequest request = TrainingRequest.builder(project, dir.resolve("moons.loom")).optThreads(1).build();
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingFixtures.await(TrainingSession.start(request.job(data), recorder));
        return recorder;
    }

    /** Trains 6 epochs and writes what the run kept as moons.weights.npz beside the project. */
    private List<NpyArray> trainedWeightsFile() throws Exception {
        RunFinished trained = train(moons(3, 6)).all(RunFinished.class).get(0);
        List<NpyArray> weights = ExportSources.fromRun(Path.of(trained.runFolder()), ExportTarget.DJL).weights();
        NpzWriter.write(dir.resolve("moons.weights.npz"), weights);
        return weights;
    }

    @Test
    void a_new_run_and_an_export_start_from_the_starting_weights_instead_of_the_seeds() throws Exception {
        List<NpyArray> trained = trainedWeightsFile();
        Project imported = moons(99, 1).withStartingWeights(Optional.of("moons.weights.npz"));

        assertThat(ExportSources.initialNetwork(imported, dir, ExportTarget.DJL).weights())
                .containsExactlyElementsOf(trained);
        assertThat(NpzReader.read(dir.resolve("moons.weights.npz"))).containsExactlyElementsOf(trained);

        TrainingFixtures.Recorder fromImport = train(imported);
        TrainingFixtures.Recorder fromSeed = train(moons(99, 1));
        StartingWeightsLoaded loaded = fromImport.all(StartingWeightsLoaded.class).get(0);
        assertThat(loaded.loaded()).isEqualTo(trained.size());
        assertThat(loaded.fresh()).isZero();
        assertThat(loaded.summary()).contains("moons.weights.npz", trained.size() + " of " + trained.size());
        assertThat(fromSeed.all(StartingWeightsLoaded.class)).isEmpty();
        double importedLoss = fromImport.all(BatchEnded.class).get(0).loss();
        double seedLoss = fromSeed.all(BatchEnded.class).get(0).loss();
        System.out.printf("first batch loss: from the imported weights %.4f, from the seed's %.4f%n", importedLoss,
                seedLoss);
        assertThat(importedLoss).as("a trained start is far better than a random one").isLessThan(seedLoss - 0.2);
    }

    @Test
    void a_layer_resized_since_the_import_keeps_the_seeds_weights_and_is_named() throws Exception {
        trainedWeightsFile();
        NetworkGraph resized = TrainingFixtures.mlp(new int[] {2}, 16, 2, 2);
        resized = resized.withReplacedNode(org.layerloom.engine.testing.GraphBuilder.node("hidden2",
                org.layerloom.engine.graph.LayerKind.DENSE, 0, 0, "units", 8, "activation", "relu"));
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphBlock block = GraphCompiler.standard().compile(GraphValidator.standard().validate(resized));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));

            StartingWeights.Outcome outcome = StartingWeights.load(dir.resolve("moons.weights.npz"), resized, block,
                    manager);

            assertThat(outcome.loaded()).containsExactly("hidden1.weight", "hidden1.bias", "scores.bias");
            assertThat(outcome.fresh()).containsOnlyKeys("hidden2.weight", "hidden2.bias", "scores.weight");
            assertThat(outcome.fresh().get("hidden2.weight")).contains("shape [16, 16] in the file", "(8, 16) here");
            assertThat(outcome.unused()).isEmpty();
            assertThat(outcome.summary("moons.weights.npz")).contains("3 of 6 weights loaded", "hidden2.weight");
        }
    }

    @Test
    void a_missing_file_ends_the_run_with_its_name_and_a_damaged_one_is_named_too() throws Exception {
        Project missing = moons(1, 1).withStartingWeights(Optional.of("gone.weights.npz"));

        TrainingFixtures.Recorder run = train(missing);

        assertThat(run.all(RunFailed.class)).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("gone.weights.npz", "no such file"));
        java.nio.file.Files.writeString(dir.resolve("bad.npz"), "not a zip");
        assertThatThrownBy(() -> NpzReader.read(dir.resolve("bad.npz"))).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.npz is not an .npz file");
    }
}
