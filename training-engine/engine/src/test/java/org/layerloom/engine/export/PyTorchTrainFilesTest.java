package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * What the PyTorch export writes for training, without running Python: {@code train.py} starts with the
 * project's settings, {@code data.npz} holds the six arrays of the prepared splits with the sizes and types
 * training uses, the README says how to run one process, torchrun and several machines; an export without its
 * training writes the network alone.
 */
class PyTorchTrainFilesTest {

    @TempDir
    Path dir;

    private final Project project = TrainedMoons.project(100, new TrainingSettings(
            new OptimizerSettings(OptimizerKind.RMSPROP, 0.003, 0.25, false, 0.9, 0.95, 1e-7, 1e-4, 2.5),
            new ScheduleSettings(ScheduleKind.COSINE, 10, 0.1, 1, 1e-4), 24, 7, 0.3, 99, DeviceChoice.CPU, 0.99, 3));

    @Test
    void the_export_holds_the_settings_the_data_and_how_to_run_it() throws Exception {
        Path out = dir.resolve("export");
        Exporter.export(ExportSources.initial(project, dir, ExportTarget.PYTORCH), new PyTorchWriter(), out);

        assertThat(names(out)).containsExactly("README.md", "data.npz", "model.py", "train.py", "weights.npz");
        assertThat(Files.readString(out.resolve("train.py"))).contains("OPTIMIZER = \"rmsprop\"",
                "LEARNING_RATE = 0.003", "MOMENTUM = 0.25", "BETA2 = 0.95", "EPSILON = 1.0e-7", "WEIGHT_DECAY = 1.0e-4",
                "GRADIENT_CLIP = 2.5", "SCHEDULE = \"cosine\"", "MIN_LEARNING_RATE = 1.0e-4", "BATCH_SIZE = 24",
                "EPOCHS = 7", "SEED = 99", "WEIGHT_AVERAGE = 0.99", "PATIENCE = 3",
                "LOSS = \"softmax_cross_entropy\"", "def epoch_order", "DistributedDataParallel");
        assertThat(Files.readString(out.resolve("README.md"))).contains("python3 train.py --evaluate",
                "torchrun --standalone --nproc_per_node=4 train.py", "--nnodes=2", "--rdzv-endpoint=HOST:29500",
                "| `data.npz` |", "The inputs are float32", "`classes` names the classes");

        Dataset data = TrainedMoons.data(project);
        try (ZipFile npz = new ZipFile(out.resolve("data.npz").toFile())) {
            assertThat(Collections.list(npz.entries())).extracting(ZipEntry::getName).containsExactly("x_train.npy",
                    "y_train.npy", "x_validation.npy", "y_validation.npy", "x_test.npy", "y_test.npy", "classes.npy");
            assertThat(header(npz, "x_train")).contains("'<f4'", "(" + data.train().size() + ", 2)");
            assertThat(header(npz, "y_train")).contains("'<i8'", "(" + data.train().size() + ",)");
            assertThat(header(npz, "x_validation")).contains("(" + data.validation().size() + ", 2)");
            assertThat(header(npz, "y_test")).contains("(" + data.test().size() + ",)");
            assertThat(header(npz, "classes")).contains("'<U", "(2,)");
        }
        assertThat(data.validation().size()).isPositive();
    }

    @Test
    void without_its_training_the_network_alone_is_exported() throws Exception {
        Path out = dir.resolve("network");
        Exporter.export(ExportSources.initial(project, ExportTarget.PYTORCH), new PyTorchWriter(), out);
        assertThat(names(out)).containsExactly("model.py", "weights.npz");
    }

    private static String header(ZipFile npz, String name) throws IOException {
        byte[] bytes = npz.getInputStream(npz.getEntry(name + ".npy")).readNBytes(128);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
