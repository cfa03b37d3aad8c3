package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.torch.PythonTorch;

/**
 * {@code python3 train.py --evaluate} on an exported run measures the exported weights on the exported test split
 * as LayerLoom measured the run: the same accuracy within 0.5 percentage points (the bound) and the same
 * mean loss. The run is a moons project the test trains for three epochs with a weight average, so the exported
 * weights are the averaged ones of the best epoch. Skipped without Python and torch, failed when {@code CI=true}.
 */
class PyTorchTrainEvaluateTest {

    @TempDir
    Path dir;

    @Test
    void evaluate_agrees_with_the_runs_test_result() throws Exception {
        PythonTorch.assumeAvailable();
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.05), ScheduleSettings.fixed(), 16, 3,
                0.2, 5, DeviceChoice.CPU, 0.9);
        Path run = TrainedMoons.train(TrainedMoons.project(400, settings), dir.resolve("runs"));
        Path export = dir.resolve("export");
        Exporter.export(ExportSources.fromRun(run, ExportTarget.PYTORCH), new PyTorchWriter(), export);
        assertThat(export.resolve(PyTorchWriter.DATA)).exists();

        String printed = PythonTorch.run(export.resolve(PyTorchWriter.TRAIN), List.of("--evaluate"), 120).strip();
        String expected = Files.readString(run.resolve("test.json"));
        double accuracy = TrainedMoons.number(printed, "accuracy");
        double loss = TrainedMoons.number(printed, "loss");
        System.out.printf("train.py --evaluate: %s; LayerLoom's test.json: accuracy %.6f, loss %.6f;"
                        + " difference %.4f percentage points%n", printed, TrainedMoons.number(expected, "accuracy"),
                TrainedMoons.number(expected, "loss"),
                100 * Math.abs(accuracy - TrainedMoons.number(expected, "accuracy")));
        assertThat(printed).startsWith("{\"test\": {").doesNotContain("\n");
        assertThat(100 * Math.abs(accuracy - TrainedMoons.number(expected, "accuracy"))).isLessThanOrEqualTo(0.5);
        assertThat(Math.abs(loss - TrainedMoons.number(expected, "loss"))).isLessThan(1e-4);
    }
}
