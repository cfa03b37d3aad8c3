package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.torch.PythonTorch;

/**
 * The exported {@code train.py} trains under {@code torchrun --standalone --nproc_per_node=2} on the CPU (gloo)
 * for a few steps: it exits with 0, reports a finite loss, both processes end with identical weights (rank 0
 * compares every array with the other's), and, since the two processes share each batch of the project's global
 * batch size, the weights equal those of one process taking the same steps (within float32 rounding). Prints the
 * time of the 2-process run. Torchrun is started as {@code python3 -m torch.distributed.run} with
 * {@code --redirects 2 --tee 2}, which Debian's torchrun on Python 3.11 needs. Skipped without Python and torch,
 * failed when {@code CI=true}.
 */
class PyTorchTrainTorchrunTest {

    private static final int STEPS = 4;

    @TempDir
    Path dir;

    @Test
    void two_processes_train_identical_replicas_with_the_global_batch() throws Exception {
        PythonTorch.assumeAvailable();
        OptimizerSettings sgd = new OptimizerSettings(OptimizerKind.SGD, 0.1, 0.9, false, 0.9, 0.999, 1e-8, 1e-4, 0);
        TrainingSettings settings = new TrainingSettings(sgd, ScheduleSettings.fixed(), 16, 2, 0.2, 7,
                DeviceChoice.CPU);
        Project project = TrainedMoons.project(200, settings);
        Path export = dir.resolve("export");
        Exporter.export(ExportSources.initial(project, dir, ExportTarget.PYTORCH), new PyTorchWriter(), export);

        long start = System.nanoTime();
        String log = torchrun(export, dir.resolve("two"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("torchrun --standalone --nproc_per_node=2 train.py --max-steps %d on the CPU (gloo): %.1f s%n",
                STEPS, seconds);
        assertThat(TrainedMoons.number(log, "processes")).as(log).isEqualTo(2);
        assertThat(TrainedMoons.number(log, "steps")).as(log).isEqualTo(STEPS);
        assertThat(TrainedMoons.number(log, "loss")).as(log).isFinite();
        assertThat(TrainedMoons.number(log, "max_difference")).as("replicas differ: %s", log).isEqualTo(0);

        String one = PythonTorch.run(export.resolve(PyTorchWriter.TRAIN), List.of("--cpu", "--max-steps",
                String.valueOf(STEPS), "--out", dir.resolve("one").toString()), 120);
        assertThat(TrainedMoons.number(one, "steps")).as(one).isEqualTo(STEPS);
        String compared = PythonTorch.run("compare_weights.py", List.of(dir.resolve("one/last.npz").toString(),
                dir.resolve("two/last.npz").toString(), export.resolve(PyTorchWriter.WEIGHTS).toString()), 60);
        double difference = TrainedMoons.number(compared, "max_difference");
        double update = TrainedMoons.number(compared, "max_update");
        System.out.printf("2 processes against 1 after %d steps: largest weight difference %.3g (training changed"
                + " them by up to %.3g)%n", STEPS, difference, update);
        assertThat(update).isGreaterThan(1e-3);
        assertThat(difference).isLessThanOrEqualTo(1e-6 + 1e-4 * update);
    }

    private static String torchrun(Path export, Path out) throws Exception {
        Path logFile = Files.createTempFile("torchrun-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(PythonTorch.PYTHON.toString(), "-m", "torch.distributed.run",
                    "--standalone", "--nproc_per_node=2", "--redirects", "2", "--tee", "2",
                    export.resolve(PyTorchWriter.TRAIN).toString(), "--cpu", "--max-steps", String.valueOf(STEPS),
                    "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().put("OMP_NUM_THREADS", "1");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly); // the workers too
                process.destroyForcibly();
                throw new AssertionError("torchrun took longer than 120 s:\n" + Files.readString(logFile));
            }
            String log = Files.readString(logFile, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(log).isZero();
            return log;
        } finally {
            Files.deleteIfExists(logFile);
        }
    }
}
