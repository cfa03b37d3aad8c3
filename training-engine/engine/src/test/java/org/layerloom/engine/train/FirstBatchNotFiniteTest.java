package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.RealFeatures;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * A run whose output is not a number before any update stops with the culprit (the data, a layer's weights,
 * a layer) and no learning-rate advice; a run that diverges after updates keeps the learning-rate advice.
 */
class FirstBatchNotFiniteTest {

    private static final String RATE_ADVICE = "is probably too high";

    @TempDir
    Path runs;

    private static TrainingSettings adam(int batch, int epochs) {
        return new TrainingSettings(OptimizerSettings.adam(0.001), ScheduleSettings.fixed(), batch, epochs, 0.2, 3,
                DeviceChoice.CPU);
    }

    @Test
    void nan_in_one_feature_of_the_data_is_reported_as_the_data_with_its_place() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        // One batch of 1024: the first one holds the NaN, in example 17, feature 2.
        TrainingEvent end = trainMoonsWith(2 * 16 + 1, Float.NaN, adam(1024, 2), recorder);

        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        OutputNotFinite found = recorder.all(OutputNotFinite.class).get(0);
        assertThat(found.cause()).isEqualTo(NotFiniteCause.INPUT);
        assertThat(found.dataWhere()).contains("example 17 of the training split, feature 2");
        assertThat(((RunFailed) end).reason()).contains("The network's output is not a number for this input",
                "The input batch itself contains NaN (not a number) values: check the data (",
                "example 17 of the training split").doesNotContain(RATE_ADVICE);
        assertThat(((RunFailed) end).epoch()).isEqualTo(1);
        assertThat(((RunFailed) end).batch()).isEqualTo(1);
        assertThat(recorder.all(BatchEnded.class)).isEmpty();
    }

    @Test
    void nan_in_the_data_met_after_updates_is_still_the_data_not_the_learning_rate() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        int trainingExamples = 192;
        TrainingEvent end = trainMoonsWith(2 * trainingExamples - 1, Float.POSITIVE_INFINITY, adam(8, 1), recorder);

        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        OutputNotFinite found = recorder.all(OutputNotFinite.class).get(0);
        assertThat(found.cause()).isEqualTo(NotFiniteCause.INPUT);
        assertThat(found.value()).isEqualTo("infinite");
        assertThat(found.updates()).isEqualTo(found.batch() - 1);
        assertThat(found.dataWhere()).contains("example " + trainingExamples + " of the training split, feature 2");
        assertThat(((RunFailed) end).reason()).contains("The input batch itself contains infinite values")
                .doesNotContain(RATE_ADVICE);
        assertThat(recorder.all(BatchEnded.class)).hasSize(found.batch() - 1);
    }

    @Test
    void a_nan_initial_weight_names_its_layer_and_gives_no_learning_rate_advice() throws Exception {
        RunFailed failed = trainShapes(block -> {
            NDArray weight = parameter(block, conv2(block), "weight");
            float[] values = weight.toFloatArray();
            values[3] = Float.NaN;
            weight.set(values);
        }, null);
        assertThat(failed.reason()).contains("The initial 'weight' values of Conv 2 (Conv2D) are NaN",
                "before any weight was updated", "LAYERLOOM_KERNELS=onednn-off").doesNotContain(RATE_ADVICE);
    }

    @Test
    void a_layer_that_turns_finite_inputs_into_nan_is_named_as_the_editor_shows_it() throws Exception {
        OutputNotFinite[] found = new OutputNotFinite[1];
        RunFailed failed = trainShapes(block -> {
            String conv1 = block.nodeIds().get(1);
            fill(parameter(block, conv1, "weight"), 0);
            fill(parameter(block, conv1, "bias"), 2); // finite: 2 everywhere
            fill(parameter(block, conv2(block), "weight"), -3e38f); // finite, but the sum overflows: GELU(-∞) is NaN
        }, found);
        assertThat(found[0].cause()).isEqualTo(NotFiniteCause.LAYER);
        assertThat(found[0].nodeName()).isEqualTo("Conv 2");
        assertThat(found[0].layerKind()).isEqualTo("Conv2D");
        assertThat(failed.reason()).contains("Conv 2 (Conv2D) turned finite inputs into NaN (not a number) values",
                "Check the data", "processor's kernels").doesNotContain(RATE_ADVICE);
    }

    @Test
    void a_nan_after_updates_keeps_the_learning_rate_advice_with_epoch_and_batch() throws Exception {
        TrainingSettings settings = new TrainingSettings(new OptimizerSettings(OptimizerKind.SGD, 1e6, 0.9, false,
                0.9, 0.999, 1e-8, 0, 0), ScheduleSettings.fixed(), 32, 5, 0.2, 5, DeviceChoice.CPU);
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 800).with("noise", 0.1);
        Dataset data = TrainingFixtures.load(choice, 5, 0.2, 0);
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2),
                choice, settings), data, runs).withSettings(settings).withThreads(1);
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, recorder));

        assertThat(end).isInstanceOf(RunFailed.class);
        assertThat(((RunFailed) end).reason()).containsPattern("at epoch \\d+ batch \\d+")
                .contains("learning rate 1000000 is probably too high: try 0.001")
                .doesNotContain("not a number for this input");
        assertThat(recorder.all(OutputNotFinite.class)).isEmpty();
        assertThat(recorder.all(BatchEnded.class)).isNotEmpty();
    }

    /** Trains a small CNN on generated shapes with {@code plant} applied to its fresh weights; returns the failure. */
    private RunFailed trainShapes(Consumer<GraphBlock> plant, OutputNotFinite[] found) throws Exception {
        DatasetChoice choice = DatasetChoice.of("shapes").with("samples", 120);
        Dataset shapes = TrainingFixtures.load(choice, 3, 0.2, 0);
        NetworkGraph chain = GraphBuilder.chainOf(shapes.exampleShape(), "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 2, "kernel", 3, "padding", 1, "activation", "relu"),
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 2, "kernel", 3, "padding", 1, "activation", "gelu"),
                GraphBuilder.layer(LayerKind.GLOBAL_AVG_POOL2D),
                GraphBuilder.layer(LayerKind.DENSE, "units", shapes.classNames().size(), "activation", "none"));
        String second = chain.nodesOfKind(LayerKind.CONV2D).get(1).id();
        NetworkGraph graph = chain.withReplacedNode(chain.requireNode(second).withName("Conv 2"));
        TrainingSettings settings = adam(32, 1);
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("shapes", graph, choice, settings), shapes, runs)
                .withSettings(settings).withThreads(1);
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, recorder, plant));

        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        assertThat(recorder.all(OutputNotFinite.class)).hasSize(1);
        OutputNotFinite event = recorder.all(OutputNotFinite.class).get(0);
        assertThat(event.nodeId()).isEqualTo(second);
        assertThat(event.epoch()).isEqualTo(1);
        assertThat(event.batch()).isEqualTo(1);
        if (found != null) {
            found[0] = event;
        }
        assertThat(recorder.all(BatchEnded.class)).isEmpty();
        assertThat(Files.list(runs).findFirst().orElseThrow().resolve("manifest.json")).content()
                .contains("\"status\" : \"failed\"");
        return (RunFailed) end;
    }

    private static String conv2(GraphBlock block) {
        return block.nodeIds().get(2);
    }

    private static NDArray parameter(GraphBlock block, String nodeId, String suffix) {
        for (Pair<String, Parameter> pair : block.nodeBlock(nodeId).orElseThrow().getParameters()) {
            if (pair.getKey().endsWith(suffix)) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalArgumentException(nodeId + " has no " + suffix);
    }

    private static void fill(NDArray array, float value) {
        float[] values = new float[(int) array.size()];
        Arrays.fill(values, value);
        array.set(values);
    }

    /** Trains an MLP on 300 moons whose training features hold {@code value} at flat index {@code at}. */
    private TrainingEvent trainMoonsWith(int at, float value, TrainingSettings settings,
            TrainingFixtures.Recorder recorder) throws Exception {
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 300).with("noise", 0.1);
        Dataset moons = TrainingFixtures.load(choice, 3, 0.2, 0);
        float[] values = moons.train().realFeatures().toArray();
        values[at] = value;
        Examples train = Examples.of(RealFeatures.copyOf(values), moons.exampleShape(), moons.train().labels());
        assertThat(train.size()).as("training examples").isEqualTo(192);
        Dataset broken = new Dataset(moons.name(), moons.description(), moons.task(), moons.exampleShape(),
                new Splits(train, moons.validation(), moons.test()), moons.report());
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 8, 1, 2),
                choice, settings), broken, runs).withSettings(settings).withThreads(1);
        return TrainingFixtures.await(TrainingSession.start(job, recorder));
    }
}
