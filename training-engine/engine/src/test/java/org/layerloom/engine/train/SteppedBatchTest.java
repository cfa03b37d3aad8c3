package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
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
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.WeightStep;

/**
 * Stepping through training on real data (Iris): after three batches the run is asked for a step, then for a
 * second one watching a chosen weight element; each recorded update is recomputed here in plain Java, in float32,
 * from the recorded value, gradient and optimizer state with the optimizer's formula (PyTorch's), and must equal
 * the engine's value and state after. A stepped run pauses after its batch, and a stop from that pause trains
 * nothing more.
 */
class SteppedBatchTest {

    private static Dataset iris;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadIris(@TempDir Path cache) throws Exception {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        iris = DatasetRegistry.standard().load(new DatasetRequest("csv", DatasetOptions.of(Map.of("path",
                folder.resolve("iris/iris.csv").toAbsolutePath().normalize().toString())), cache, 3, 0.1,
                OptionalInt.empty()), ProgressListener.none());
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", new OptimizerSettings(OptimizerKind.SGD, 0.05, 0, false, 0.9, 0.999, 1e-8, 0, 0)),
                Arguments.of("SGD momentum", new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.9, false, 0.9, 0.999,
                        1e-8, 0, 0)),
                Arguments.of("SGD Nesterov, decay, clipped", new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.8, true,
                        0.9, 0.999, 1e-8, 0.01, 0.05)),
                Arguments.of("Adam", new OptimizerSettings(OptimizerKind.ADAM, 0.01, 0, false, 0.9, 0.999, 1e-8, 0, 0)),
                Arguments.of("Adam with decay", new OptimizerSettings(OptimizerKind.ADAM, 0.01, 0, false, 0.8, 0.99,
                        1e-6, 0.1, 0)),
                Arguments.of("AdamW", new OptimizerSettings(OptimizerKind.ADAMW, 0.01, 0, false, 0.9, 0.999, 1e-8,
                        0.1, 0)),
                Arguments.of("RMSProp momentum", new OptimizerSettings(OptimizerKind.RMSPROP, 0.01, 0.9, false, 0.9,
                        0.9, 1e-6, 0, 0)),
                Arguments.of("Adagrad", new OptimizerSettings(OptimizerKind.ADAGRAD, 0.1, 0, false, 0.9, 0.999, 1e-10,
                        0.01, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void a_recorded_step_recomputes_from_its_gradient_and_state(String name, OptimizerSettings optimizer)
            throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        RunControl[] control = new RunControl[1];
        CountDownLatch started = new CountDownLatch(1);
        TrainingSession session = TrainingSession.start(job(optimizer, 3), event -> {
            recorder.trainingEvent(event);
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (event instanceof BatchEnded ended && ended.step() == 3) {
                control[0].step();
            } else if (event instanceof BatchStepped stepped && recorder.all(BatchStepped.class).size() == 1) {
                // Watch unit 3's weight from input 2 of the first Dense layer in the next step.
                String first = stepped.parameters().keySet().iterator().next();
                int[] shape = stepped.parameters().get(first).stream().mapToInt(Integer::intValue).toArray();
                control[0].watch(WeightWatch.at(first, shape, new int[] {3, 2}));
                control[0].step();
            } else if (event instanceof BatchStepped) {
                control[0].stop();
            }
        });
        control[0] = session.control();
        started.countDown();
        TrainingEvent end = TrainingFixtures.await(session);

        assertThat(end).isInstanceOf(RunFinished.class);
        List<BatchStepped> steps = recorder.all(BatchStepped.class);
        assertThat(steps).hasSize(2);
        assertThat(steps).extracting(BatchStepped::step).containsExactly(4L, 5L);
        assertThat(recorder.all(BatchEnded.class)).hasSize(5);
        BatchStepped first = steps.get(0);
        BatchStepped second = steps.get(1);
        String firstParameter = first.parameters().keySet().iterator().next();
        assertThat(first.weight().parameter()).isEqualTo(firstParameter);
        assertThat(first.weight().index()).containsExactly(0, 0);
        assertThat(second.weight().parameter()).isEqualTo(firstParameter);
        assertThat(second.weight().index()).containsExactly(3, 2);
        assertThat(first.parameters().get(firstParameter)).containsExactly(16, 4);
        for (BatchStepped stepped : steps) {
            WeightStep weight = stepped.weight();
            assertThat(weight.update()).isEqualTo(stepped.step());
            assertThat(weight.learningRate()).isEqualTo((double) (float) optimizer.learningRate());
            assertThat(weight.stateBefore().keySet()).isEqualTo(weight.stateAfter().keySet());
            Expected expected = Expected.of(weight);
            double change = Math.abs(weight.valueAfter() - weight.valueBefore());
            assertThat(weight.valueAfter()).as("%s: w after step %d", name, stepped.step())
                    .isCloseTo(expected.value, within(8 * Math.ulp((float) weight.valueBefore()) + 1e-5 * change));
            expected.state.forEach((key, value) -> assertThat(weight.stateAfter().get(key))
                    .as("%s: %s after step %d", name, key, stepped.step())
                    .isCloseTo(value, within(1e-12 + 1e-5 * Math.abs(value))));
            // No dropout or BatchNorm here: the batch's loss before the update is the training forward's.
            double trainingLoss = recorder.all(BatchEnded.class).get((int) stepped.step() - 1).loss();
            assertThat(stepped.lossBefore()).isCloseTo(trainingLoss, within(1e-5 * Math.abs(trainingLoss)));
            assertThat(stepped.lossAfter()).isFinite();
        }
        if (optimizer.gradientClip() > 0) {
            assertThat(steps).allSatisfy(s -> assertThat(s.weight().clipped()).isTrue());
            assertThat(steps).allSatisfy(s -> assertThat(Math.abs(s.weight().gradient()))
                    .isLessThan(Math.abs(s.weight().rawGradient())));
        } else {
            assertThat(steps).allSatisfy(s -> assertThat(s.weight().gradient()).isEqualTo(s.weight().rawGradient()));
        }
        if (name.equals("SGD")) {
            // A small plain gradient step lowers the loss of the batch it was computed on.
            assertThat(steps).allSatisfy(s -> assertThat(s.lossAfter()).isLessThan(s.lossBefore()));
        }
    }

    @Test
    void a_step_from_a_pause_trains_one_batch_pauses_again_and_a_stop_then_trains_nothing_more() throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        CountDownLatch pausedAfterStep = new CountDownLatch(1);
        OptimizerSettings sgd = new OptimizerSettings(OptimizerKind.SGD, 0.05, 0, false, 0.9, 0.999, 1e-8, 0, 0);
        CountDownLatch asked = new CountDownLatch(1);
        TrainingSession session = TrainingSession.start(job(sgd, 2), event -> {
            awaitQuietly(asked); // the worker waits in its first event until the step is asked for
            recorder.trainingEvent(event);
            if (event instanceof StateChanged changed && changed.state() == RunState.PAUSED
                    && !recorder.all(BatchStepped.class).isEmpty()) {
                pausedAfterStep.countDown();
            }
        });
        // Before the run starts: its first batch is the step.
        session.control().step();
        asked.countDown();
        assertThat(pausedAfterStep.await(2, TimeUnit.MINUTES)).isTrue();

        assertThat(recorder.all(BatchEnded.class)).hasSize(1);
        assertThat(recorder.all(BatchStepped.class)).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(1);
            assertThat(s.weight().stateBefore()).isEmpty(); // plain SGD keeps no state
        });
        session.control().stop();
        TrainingEvent end = TrainingFixtures.await(session);
        assertThat(end).isInstanceOf(RunFinished.class);
        assertThat(((RunFinished) end).reason()).contains("after batch 1");
        assertThat(recorder.all(BatchEnded.class)).hasSize(1);
    }

    @Test
    void a_kernel_cell_of_a_convolution_is_watched_by_filter_channel_row_and_column() throws Exception {
        DatasetChoice choice = DatasetChoice.of("shapes").with("samples", 120);
        Dataset shapes = TrainingFixtures.load(choice, 3, 0.2, 0);
        NetworkGraph cnn = GraphBuilder.chainOf(shapes.exampleShape(), "softmax_cross_entropy",
                layer(LayerKind.CONV2D, "filters", 3, "kernel", 3, "padding", 1, "activation", "relu"),
                layer(LayerKind.GLOBAL_AVG_POOL2D),
                layer(LayerKind.DENSE, "units", shapes.classNames().size(), "activation", "none"));
        OptimizerSettings momentum = new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.9, false, 0.9, 0.999, 1e-8, 0,
                0);
        TrainingSettings settings = new TrainingSettings(momentum, ScheduleSettings.fixed(), 16, 1, 0.2, 3,
                DeviceChoice.CPU);
        TrainingJob job = TrainingJob.of(TrainingFixtures.project("shapes", cnn, choice, settings), shapes,
                dir.resolve("runs")).withSettings(settings).withThreads(1);
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        RunControl[] control = new RunControl[1];
        CountDownLatch started = new CountDownLatch(1);
        TrainingSession session = TrainingSession.start(job, event -> {
            awaitQuietly(started); // the worker waits in its first event until the first step is asked for
            recorder.trainingEvent(event);
            if (event instanceof BatchStepped stepped && recorder.all(BatchStepped.class).size() == 1) {
                String kernel = stepped.parameters().entrySet().stream().filter(e -> e.getValue().size() == 4)
                        .findFirst().orElseThrow().getKey();
                control[0].watch(WeightWatch.at(kernel, new int[] {3, shapes.exampleShape().dim(0), 3, 3},
                        new int[] {2, 0, 1, 2}));
                control[0].step();
            } else if (event instanceof BatchStepped) {
                control[0].stop();
            }
        });
        control[0] = session.control();
        control[0].step();
        started.countDown();
        assertThat(TrainingFixtures.await(session)).isInstanceOf(RunFinished.class);

        List<BatchStepped> steps = recorder.all(BatchStepped.class);
        assertThat(steps).hasSize(2);
        WeightStep kernel = steps.get(1).weight();
        assertThat(kernel.index()).containsExactly(2, 0, 1, 2);
        assertThat(steps.get(1).parameters().get(kernel.parameter())).containsExactly(3,
                shapes.exampleShape().dim(0), 3, 3);
        Expected expected = Expected.of(kernel);
        assertThat(kernel.valueAfter()).isCloseTo(expected.value, within(8 * Math.ulp((float) kernel.valueBefore())
                + 1e-5 * Math.abs(kernel.valueAfter() - kernel.valueBefore())));
        assertThat(kernel.stateAfter().get("b")).isCloseTo(expected.state.get("b"),
                within(1e-12 + 1e-5 * Math.abs(expected.state.get("b"))));
        assertThat(recorder.all(BatchEnded.class)).hasSize(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TrainingJob job(OptimizerSettings optimizer, int epochs) {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                layer(LayerKind.DENSE, "units", 16, "activation", "relu"), layer(LayerKind.DENSE, "units", 3));
        TrainingSettings settings = new TrainingSettings(optimizer, ScheduleSettings.fixed(), 16, epochs, 0.1, 3,
                DeviceChoice.CPU);
        return TrainingJob.of(TrainingFixtures.project("iris", graph, DatasetChoice.of("test"), settings), iris,
                dir.resolve("runs")).withSettings(settings).withThreads(1);
    }

    /** The value and state after a step, recomputed in float32 with PyTorch's update rule of the optimizer. */
    private record Expected(double value, Map<String, Double> state) {

        static Expected of(WeightStep s) {
            float w = (float) s.valueBefore();
            float g = (float) s.gradient();
            float lr = (float) s.learningRate();
            float decay = (float) s.setting("weight decay", 0);
            Map<String, Double> before = s.stateBefore();
            return switch (s.optimizer()) {
                case "sgd" -> {
                    float mu = (float) s.setting("momentum", 0);
                    float gd = g + decay * w;
                    if (mu == 0) {
                        yield new Expected(w - lr * gd, Map.of());
                    }
                    float b = mu * before.get("b").floatValue() + gd;
                    float change = s.setting("nesterov", 0) == 1 ? gd + mu * b : b;
                    yield new Expected(w - lr * change, Map.of("b", (double) b));
                }
                case "adam", "adamw" -> {
                    float beta1 = (float) s.setting("beta1", 0);
                    float beta2 = (float) s.setting("beta2", 0);
                    float eps = (float) s.setting("epsilon", 0);
                    float gd = g;
                    if (s.optimizer().equals("adamw")) {
                        w = w * (float) (1 - (double) lr * decay);
                    } else {
                        gd = g + decay * w;
                    }
                    float m = beta1 * before.get("m").floatValue() + (1 - beta1) * gd;
                    float v = beta2 * before.get("v").floatValue() + (1 - beta2) * gd * gd;
                    long t = s.update();
                    double mHat = m / (1 - Math.pow(beta1, t));
                    double vHat = v / (1 - Math.pow(beta2, t));
                    yield new Expected(w - lr * mHat / (Math.sqrt(vHat) + eps), Map.of("m", (double) m, "v", (double) v));
                }
                case "rmsprop" -> {
                    float rho = (float) s.setting("rho", 0);
                    float mu = (float) s.setting("momentum", 0);
                    float eps = (float) s.setting("epsilon", 0);
                    float gd = g + decay * w;
                    float sq = rho * before.get("s").floatValue() + (1 - rho) * gd * gd;
                    float u = (float) (gd / (Math.sqrt(sq) + eps));
                    if (mu == 0) {
                        yield new Expected(w - lr * u, Map.of("s", (double) sq));
                    }
                    float b = mu * before.get("b").floatValue() + u;
                    yield new Expected(w - lr * b, Map.of("s", (double) sq, "b", (double) b));
                }
                case "adagrad" -> {
                    float eps = (float) s.setting("epsilon", 0);
                    float gd = g + decay * w;
                    float sum = before.get("s").floatValue() + gd * gd;
                    yield new Expected(w - lr * gd / (Math.sqrt(sum) + eps), Map.of("s", (double) sum));
                }
                default -> throw new AssertionError("no formula for " + s.optimizer());
            };
        }
    }
}
