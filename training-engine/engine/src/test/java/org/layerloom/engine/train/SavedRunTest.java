package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/** A trained run opened again: the same test metrics, predictions and activations, and clear refusals. */
class SavedRunTest {

    @TempDir
    static Path runs;

    private static Dataset moons;
    private static RunFinished finished;

    @BeforeAll
    static void train() throws Exception {
        // A rate high enough that the validation loss wobbles, so the best epoch is not the last one and the
        // run's test metrics must come from best.params, not from the parameters training ended with.
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.05), ScheduleSettings.fixed(), 16,
                12, 0.2, 3, DeviceChoice.CPU);
        DatasetChoice choice = DatasetChoice.of("moons").with("samples", 600).with("noise", 0.25);
        moons = TrainingFixtures.load(choice, settings.seed(), settings.validationSplit(), 0);
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2),
                choice, settings), moons, runs).withThreads(1);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        finished = (RunFinished) end;
    }

    @Test
    void a_reloaded_run_measures_the_test_split_as_the_run_reported() throws IOException {
        assertThat(finished.bestEpoch()).as("best epoch").isBetween(1, finished.epochsDone() - 1);
        try (SavedRun run = SavedRun.open(Path.of(finished.runFolder()))) {
            assertThat(run.checkpoint()).isEqualTo("best");
            assertThat(run.runId()).isEqualTo(finished.runId());
            assertThat(run.trainedOn(moons)).isTrue();
            TestMetrics metrics = run.evaluate(moons, moons.test());
            assertThat(metrics.examples()).isEqualTo(finished.test().examples());
            assertThat(metrics.accuracy()).isEqualTo(finished.test().accuracy());
            assertThat(metrics.confusion()).isDeepEqualTo(finished.test().confusion());
            assertThat(metrics.loss()).isCloseTo(finished.test().loss(), within(1e-6));
            assertThat(metrics.classNames()).containsExactly("upper moon", "lower moon");
        }
    }

    @Test
    void predictions_are_the_softmax_of_the_output_node() throws IOException {
        Examples test = moons.test();
        try (SavedRun run = SavedRun.open(Path.of(finished.runFolder()))) {
            float[][] outputs = run.outputs(test);
            float[][] probabilities = run.predict(test);
            assertThat(probabilities).hasNumberOfRows(test.size());
            assertThat(run.nodeIds()).containsExactly("input", "hidden1", "hidden2", "scores", "output");
            for (int i : new int[] {0, 7, test.size() - 1}) {
                Map<String, NodeActivation> seen = run.activations(test, i, List.of("output", "hidden1", "input"));
                assertThat(seen.keySet()).containsExactly("output", "hidden1", "input");
                NodeActivation output = seen.get("output");
                assertThat(output.output().shape()).containsExactly(2);
                // One example alone takes another matrix kernel than a batch: equal up to rounding.
                assertThat(output.output().values()).containsExactly(outputs[i], within(1e-5f));
                double a = output.output().value(0);
                double b = output.output().value(1);
                double p1 = Math.exp(b) / (Math.exp(a) + Math.exp(b));
                assertThat(probabilities[i][1]).isCloseTo((float) p1, within(1e-6f));
                assertThat(probabilities[i][0] + probabilities[i][1]).isCloseTo(1f, within(1e-6f));
                assertThat(seen.get("hidden1").output().shape()).containsExactly(16);
                for (float v : seen.get("hidden1").output().values()) {
                    assertThat(v).as("after relu").isGreaterThanOrEqualTo(0f);
                }
                float[] features = test.realFeatures().toArray();
                assertThat(seen.get("input").output().values()).containsExactly(features[2 * i], features[2 * i + 1]);
            }
            assertThatThrownBy(() -> run.activations(test, 0, List.of("nope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        }
    }

    @Test
    void a_missing_or_damaged_run_is_refused_with_the_reason(@TempDir Path scratch) throws IOException {
        assertThatThrownBy(() -> SavedRun.open(scratch.resolve("gone"))).isInstanceOf(IOException.class)
                .hasMessageContaining("There is no run folder");
        assertThatThrownBy(() -> SavedRun.open(scratch)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a LayerLoom run folder");

        Path run = copyRun(scratch.resolve("broken-manifest"));
        Files.writeString(run.resolve("manifest.json"), "{ \"project\" : ");
        assertThatThrownBy(() -> SavedRun.open(run)).isInstanceOf(IOException.class).hasMessageContaining("damaged");

        Path truncated = copyRun(scratch.resolve("truncated"));
        byte[] params = Files.readAllBytes(truncated.resolve("best.params"));
        Files.write(truncated.resolve("best.params"), java.util.Arrays.copyOf(params, params.length / 2));
        assertThatThrownBy(() -> SavedRun.open(truncated)).isInstanceOf(IOException.class)
                .hasMessageContaining("best.params").hasMessageContaining("incomplete");

        Path resized = copyRun(scratch.resolve("resized"));
        String manifest = Files.readString(resized.resolve("manifest.json"));
        Files.writeString(resized.resolve("manifest.json"), manifest.replaceFirst("\"units\" : 16", "\"units\" : 8"));
        assertThatThrownBy(() -> SavedRun.open(resized)).isInstanceOf(IOException.class)
                .hasMessageContaining("do not fit this network").hasMessageContaining("(8, 2)");

        Path lastOnly = copyRun(scratch.resolve("last-only"));
        Files.delete(lastOnly.resolve("best.params"));
        try (SavedRun last = SavedRun.open(lastOnly)) {
            assertThat(last.checkpoint()).isEqualTo("last");
        }
    }

    private static Path copyRun(Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(Path.of(finished.runFolder()))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
