package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;

/** {@code layerloom import}: code files and standard input to new projects, problems with lines, and refusals. */
class ImportCommandTest {

    private static final String KERAS_MNIST = """
            from tensorflow import keras
            from tensorflow.keras import layers
            model = keras.Sequential([
                layers.Conv2D(16, 3, padding='same', activation='relu', input_shape=(28, 28, 1)),
                layers.MaxPooling2D(),
                layers.Flatten(),
                layers.Dense(10, activation='softmax'),
            ])
            model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.02), loss='sparse_categorical_crossentropy')
            model.fit(x_train, y_train, epochs=3, batch_size=100)
            """;

    @TempDir
    Path dir;

    @Test
    void keras_code_becomes_a_valid_project_with_its_training_settings_and_notes() throws Exception {
        Path code = Files.writeString(dir.resolve("mnist.py"), KERAS_MNIST);
        Path out = dir.resolve("mnist.loom");

        CliRun run = CliRun.of("import", code.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Project project = ProjectFiles.load(out);
        assertThat(project.name()).isEqualTo("mnist");
        assertThat(project.graph().nodes()).extracting(n -> n.kind()).containsExactly(LayerKind.INPUT,
                LayerKind.CONV2D, LayerKind.MAX_POOL2D, LayerKind.FLATTEN, LayerKind.DENSE, LayerKind.OUTPUT);
        assertThat(GraphValidator.standard().validate(project.graph()).isValid()).isTrue();
        assertThat(project.training().optimizer().kind()).isEqualTo(OptimizerKind.SGD);
        assertThat(project.training().epochs()).isEqualTo(3);
        assertThat(project.training().batchSize()).isEqualTo(100);
        assertThat(project.dataset().source()).isEqualTo("mnist");
        assertThat(run.out()).contains("Note: line 4: input_shape [28, 28, 1]", "padding='same') became padding 1",
                "softmax moved into the Output", "Imported 4 layers into");
    }

    @Test
    void pytorch_code_from_standard_input_uses_the_given_input_shape() throws Exception {
        String code = """
                import torch.nn as nn
                model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                      nn.Linear(8, 2))
                """;
        Path out = dir.resolve("torch.loom");
        InputStream before = System.in;
        CliRun run;
        try {
            System.setIn(new ByteArrayInputStream(code.getBytes(StandardCharsets.UTF_8)));
            run = CliRun.of("import", "-", "--out", out.toString(), "--input-shape", "3,16,16");
        } finally {
            System.setIn(before);
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        Project project = ProjectFiles.load(out);
        assertThat(project.graph().nodesOfKind(LayerKind.INPUT).get(0).params().dims("shape")).containsExactly(3, 16, 16);
        assertThat(project.graph().nodesOfKind(LayerKind.GLOBAL_AVG_POOL2D)).hasSize(1);
        assertThat(project.graph().nodesOfKind(LayerKind.FLATTEN)).isEmpty();
        assertThat(project.dataset().source()).isEqualTo("none");
        assertThat(run.out()).contains("choose its dataset");
    }

    @Test
    void code_outside_the_subset_prints_each_problem_with_line_and_column_and_writes_nothing() throws Exception {
        Path code = Files.writeString(dir.resolve("net.py"), """
                import torch.nn as nn
                class Net(nn.Module):
                    def __init__(self):
                        super().__init__()
                model = nn.Sequential(nn.Linear(4, 2)
                """);
        Path out = dir.resolve("net.loom");

        CliRun run = CliRun.of("import", code.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(code + ":2:1: A class definition", code + ":5:22: This bracket '(' is never closed.",
                "Nothing was written.");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_keras_file_becomes_a_project_that_starts_from_its_weights_and_exports_again() throws Exception {
        Path keras = Path.of("../training-engine/engine/src/test/resources/keras/cnn/model.keras").toAbsolutePath()
                .normalize();
        Path out = dir.resolve("cnn.loom");

        CliRun run = CliRun.of("import", keras.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Project project = ProjectFiles.load(out);
        assertThat(project.startingWeights()).contains("cnn.weights.npz");
        assertThat(dir.resolve("cnn.weights.npz")).exists();
        assertThat(project.graph().nodesOfKind(LayerKind.CONV2D)).hasSize(2);
        assertThat(GraphValidator.standard().validate(project.graph()).isValid()).isTrue();
        assertThat(run.out()).contains("with its weights in cnn.weights.npz");
        CliRun export = CliRun.of("export", out.toString(), "--to", "onnx", "--out", dir.resolve("onnx").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("with the starting weights in cnn.weights.npz");
    }

    @Test
    void an_onnx_export_imports_back_into_the_same_network_with_its_weights() throws Exception {
        Path sample = Path.of("../samples/projects/spirals.loom").toAbsolutePath().normalize();
        CliRun export = CliRun.of("export", sample.toString(), "--to", "onnx", "--out", dir.resolve("onnx").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path out = dir.resolve("spirals.loom");

        CliRun run = CliRun.of("import", dir.resolve("onnx/model.onnx").toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Project imported = ProjectFiles.load(out);
        Project original = ProjectFiles.load(sample);
        assertThat(imported.graph().nodes()).extracting(n -> n.id() + ":" + n.kind())
                .containsExactlyElementsOf(original.graph().nodes().stream().map(n -> n.id() + ":" + n.kind()).toList());
        assertThat(imported.startingWeights()).contains("spirals.weights.npz");
        assertThat(run.out()).contains("Imported", "spirals.weights.npz");
    }

    @Test
    void an_existing_project_other_files_and_a_bad_shape_are_refused() throws Exception {
        Path code = Files.writeString(dir.resolve("m.py"), KERAS_MNIST);
        Path existing = Files.writeString(dir.resolve("old.loom"), "keep me");

        CliRun overwrite = CliRun.of("import", code.toString(), "--out", existing.toString());
        CliRun torch = CliRun.of("import", dir.resolve("model.pt").toString(), "--out", dir.resolve("a.loom").toString());
        CliRun shape = CliRun.of("import", code.toString(), "--out", dir.resolve("b.loom").toString(),
                "--input-shape", "1,x");
        CliRun missing = CliRun.of("import", dir.resolve("nope.py").toString(), "--out", dir.resolve("c.loom").toString());

        assertThat(overwrite.exitCode()).isEqualTo(2);
        assertThat(overwrite.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(torch.exitCode()).isEqualTo(2);
        assertThat(torch.err()).contains("is not a model LayerLoom imports", ".keras", ".onnx", ".py");
        assertThat(shape.exitCode()).isEqualTo(2);
        assertThat(shape.err()).contains("--input-shape takes positive whole numbers");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read");
        assertThat(dir.resolve("a.loom")).doesNotExist();
        assertThat(dir.resolve("b.loom")).doesNotExist();
    }
}
