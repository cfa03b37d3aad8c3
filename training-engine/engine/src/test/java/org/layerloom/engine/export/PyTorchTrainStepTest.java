package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.torch.PythonTorch;

/**
 * The exported {@code train.py} takes the engine's optimizer steps. For every optimizer kind (with momentum,
 * Nesterov, weight decay and gradient clipping where they apply) and every schedule, a moons project is trained by
 * the engine for two epochs of three batches (the last batch of each epoch shorter), and {@code train.py}
 * trains the project's exported initial weights on the exported data: it shuffles with the engine's
 * {@code java.util.Random} permutation, so both see the same batches in the same order. The weights both end with
 * must agree within float32 rounding: at most {@code 1e-6 + 1e-4 ×} the largest change training made, the
 * difference being libtorch 2.7.1 (the engine) against the system's PyTorch summing in other orders. Skipped
 * without Python and torch, failed when {@code CI=true}.
 */
class PyTorchTrainStepTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sgd, momentum, Nesterov, decay, clip; step",
                        new OptimizerSettings(OptimizerKind.SGD, 0.1, 0.9, true, 0.9, 0.999, 1e-8, 1e-3, 0.5),
                        new ScheduleSettings(ScheduleKind.STEP, 1, 0.5, 1, 0)),
                Arguments.of("sgd plain; cosine",
                        new OptimizerSettings(OptimizerKind.SGD, 0.2, 0, false, 0.9, 0.999, 1e-8, 0, 0),
                        new ScheduleSettings(ScheduleKind.COSINE, 10, 0.1, 1, 0.01)),
                Arguments.of("adam, decay, clip; warmup",
                        new OptimizerSettings(OptimizerKind.ADAM, 0.02, 0.9, false, 0.9, 0.999, 1e-8, 1e-3, 1.0),
                        new ScheduleSettings(ScheduleKind.WARMUP, 10, 0.1, 1, 0)),
                Arguments.of("adamw, decay; cosine",
                        new OptimizerSettings(OptimizerKind.ADAMW, 0.02, 0.9, false, 0.8, 0.99, 1e-7, 0.05, 0),
                        new ScheduleSettings(ScheduleKind.COSINE, 10, 0.1, 1, 0.001)),
                Arguments.of("rmsprop, momentum, decay; fixed",
                        new OptimizerSettings(OptimizerKind.RMSPROP, 0.01, 0.5, false, 0.9, 0.9, 1e-8, 1e-3, 0),
                        ScheduleSettings.fixed()),
                Arguments.of("adagrad, decay; step",
                        new OptimizerSettings(OptimizerKind.ADAGRAD, 0.1, 0, false, 0.9, 0.999, 1e-10, 1e-3, 0),
                        new ScheduleSettings(ScheduleKind.STEP, 1, 0.3, 1, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void train_py_steps_as_the_engine_does(String name, OptimizerSettings optimizer, ScheduleSettings schedule)
            throws Exception {
        PythonTorch.assumeAvailable();
        // 80 moons less the test split, a quarter of the rest held out for validation; batches of 16 (the last one
        // shorter), 2 epochs.
        TrainingSettings settings = new TrainingSettings(optimizer, schedule, 16, 2, 0.25, 11, DeviceChoice.CPU);
        Project project = TrainedMoons.project(80, settings);
        Path run = TrainedMoons.train(project, dir.resolve("runs"));
        Path start = dir.resolve("start");
        Exporter.export(ExportSources.initial(project, dir, ExportTarget.PYTORCH), new PyTorchWriter(), start);

        // The engine's last weights: the same run without its best epoch exports last.params.
        Path lastOnly = Files.createDirectories(dir.resolve("last-only/runs/run"));
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("best.params")) {
                    Files.copy(file, lastOnly.resolve(file.getFileName()));
                }
            }
        }
        Path engine = dir.resolve("engine");
        Exporter.export(ExportSources.fromRun(lastOnly, ExportTarget.PYTORCH), new PyTorchWriter(), engine);

        Path script = dir.resolve("script");
        String log = PythonTorch.run(start.resolve(PyTorchWriter.TRAIN), List.of("--cpu", "--out", script.toString()),
                120);
        int steps = 2 * ((TrainedMoons.data(project).train().size() + 15) / 16);
        assertThat(TrainedMoons.number(log, "steps")).as(log).isEqualTo(steps).isGreaterThanOrEqualTo(6);
        String compared = PythonTorch.run("compare_weights.py", List.of(engine.resolve(PyTorchWriter.WEIGHTS).toString(),
                script.resolve("last.npz").toString(), start.resolve(PyTorchWriter.WEIGHTS).toString()), 60);
        double difference = TrainedMoons.number(compared, "max_difference");
        double update = TrainedMoons.number(compared, "max_update");
        System.out.printf("train.py against the engine after %d steps, %s: largest weight difference %.3g, largest"
                + " change by training %.3g%n", steps, name, difference, update);
        assertThat(update).as("training changed the weights").isGreaterThan(1e-3);
        assertThat(difference).isLessThanOrEqualTo(1e-6 + 1e-4 * update);
    }
}
