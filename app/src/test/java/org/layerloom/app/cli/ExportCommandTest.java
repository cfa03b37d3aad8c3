package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;

/** {@code layerloom export}: the files of each target, a run's weights, and a refused network writing nothing. */
class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_project_without_runs_exports_to_pytorch_and_to_onnx_with_its_seeded_weights() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(1), dir.resolve("moons.loom"));

        CliRun pytorch = CliRun.of("export", file.toString(), "--to", "pytorch", "--out", dir.resolve("py").toString());
        CliRun onnx = CliRun.of("export", file.toString(), "--to", "ONNX", "--out", dir.resolve("onnx").toString());

        assertThat(pytorch.exitCode()).as(pytorch.err()).isZero();
        assertThat(names(dir.resolve("py"))).containsExactly("README.md", "data.npz", "model.py", "train.py",
                "weights.npz");
        assertThat(Files.readString(dir.resolve("py").resolve("model.py"))).contains("class Network(nn.Module)");
        assertThat(pytorch.out()).contains("to PyTorch in " + dir.resolve("py"), "model.py, train.py, weights.npz",
                "drawn with the project's seed");
        assertThat(onnx.exitCode()).as(onnx.err()).isZero();
        assertThat(names(dir.resolve("onnx"))).containsExactly("model.onnx");
        assertThat(Files.size(dir.resolve("onnx").resolve("model.onnx"))).isPositive();
    }

    @Test
    void a_sample_with_an_embedding_and_lstms_exports_to_djl_with_its_generated_embedding_class() throws Exception {
        Path file = Path.of("../samples/projects/sentiment-lstm.loom").toAbsolutePath().normalize();
        Path out = dir.resolve("djl");

        CliRun djl = CliRun.of("export", file.toString(), "--to", "djl", "--out", out.toString());

        assertThat(djl.exitCode()).as(djl.err()).isZero();
        assertThat(names(out)).containsExactly("README.md", "pom.xml", "src", "weights.npz");
        Path sources = out.resolve("src/main/java/exported");
        assertThat(names(sources)).containsExactly("IdEmbedding.java", "Main.java", "Network.java", "Weights.java");
        assertThat(Files.readString(sources.resolve("Network.java"))).contains("final LSTM lstm1",
                "weights.copyInto(\"lstm1.weight_ih_l0\"", "new IdEmbedding(");
        assertThat(Files.readString(out.resolve("README.md"))).contains("IdEmbedding.java", "int64 token ids");
    }

    @Test
    void a_run_exports_the_parameters_it_kept() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));
        CliRun trained = CliRun.of("train", file.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("moons.runs"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        CliRun export = CliRun.of("export", file.toString(), "--to", "pytorch", "--run", run.toString(), "--out",
                dir.resolve("trained").toString());
        CliRun untrained = CliRun.of("export", file.toString(), "--to", "pytorch", "--out",
                dir.resolve("untrained").toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("with the weights run " + run.getFileName() + " kept");
        assertThat(Files.readAllBytes(dir.resolve("trained").resolve("weights.npz")))
                .as("trained weights differ from the seed's").isNotEqualTo(
                        Files.readAllBytes(dir.resolve("untrained").resolve("weights.npz")));
    }

    @Test
    void a_layer_the_target_cannot_name_is_refused_and_nothing_is_written() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(1), dir.resolve("moons.loom"));
        Files.writeString(file, Files.readString(file).replace("\"dense2\"", "\"train\""));

        CliRun run = CliRun.of("export", file.toString(), "--to", "pytorch", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("cannot be exported to PyTorch", "\"train\"", "Nothing was written.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void an_unknown_target_names_the_choices() {
        Path file = TestProjects.write(TestProjects.moons(1), dir.resolve("moons.loom"));

        CliRun run = CliRun.of("export", file.toString(), "--to", "keras", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(run.err()).contains("'keras' is not a target; choose one of pytorch, onnx");
    }

    private static java.util.List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
