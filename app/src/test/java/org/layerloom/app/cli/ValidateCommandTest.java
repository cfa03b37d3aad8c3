package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.Main;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.testing.TestProjects;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void valid_project_prints_the_table_in_flow_order_and_exits_0() {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("#", "Name", "Layer", "Output shape", "Parameters");
        assertThat(lines.get(2)).matches("1 {2}Input +Input +784 +0");
        assertThat(lines.get(3)).matches("2 {2}Hidden 1 +Dense +64 +50,240");
        assertThat(lines.get(6)).matches("5 {2}Output +Output +10 +0");
        assertThat(run.out()).contains("Total parameters: 55,050", "The network is valid.");
    }

    @Test
    void conv2d_on_a_vector_is_invalid_with_a_reshape_fix_and_exits_1() {
        Path file = TestProjects.write(TestProjects.convOnVector(), dir.resolve("conv.loom"));

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("The network is not valid: 1 error.")
                .contains("1. [error] Conv 1 (Conv2D) needs an input of shape (channels, height, width)")
                .contains("   fix: Insert a Reshape to (1, 28, 28)");
        assertThat(run.out().lines().filter(l -> l.startsWith("2  Conv 1"))).singleElement()
                .satisfies(line -> assertThat(line).matches("2 {2}Conv 1 +Conv2D +\\? +\\?"));
    }

    @Test
    void a_network_that_does_not_fit_its_data_is_reported_with_the_fix_and_exits_1() {
        Project moons = TestProjects.moons(1);
        NetworkGraph wide = GraphEdits.setParameter(moons.graph(), "dense3", "units", new ParamValue.Int(64))
                .applyTo(moons.graph());
        Path file = TestProjects.write(moons.withGraph(wide), dir.resolve("moons.loom"));

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("has 2 classes, but the network gives 64 scores")
                .contains("fix: Give the last layer 2 units")
                .contains("Checked against the data of");
    }

    @Test
    void token_ids_beyond_the_vocabulary_are_reported_before_any_training() throws Exception {
        NetworkGraph graph = GraphBuilder.chainOf(TensorShape.tokens(12), "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.EMBEDDING, "vocabulary", 10, "dimension", 8),
                GraphBuilder.layer(LayerKind.FLATTEN), GraphBuilder.layer(LayerKind.DENSE, "units", 2));
        Project project = new Project("Patterns", graph, DatasetChoice.of("sequence-pattern").with("symbols", 30),
                TrainingSettings.defaults());
        Path file = TestProjects.write(project, dir.resolve("patterns.loom"));

        CliRun run = CliRun.of("validate", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode root = json.readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isFalse();
        JsonNode problem = root.get("problems").get(0);
        assertThat(problem.get("code").asText()).isEqualTo("TOKEN_IDS_BEYOND_VOCABULARY");
        assertThat(problem.get("fixes").get(0).asText()).isEqualTo("Set the vocabulary to 30");
    }

    @Test
    void committed_example_file_is_invalid_with_the_reshape_fix() throws Exception {
        Path file = Path.of(getClass().getResource("/projects/conv-on-vector.loom").toURI());

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("fix: Insert a Reshape to (1, 28, 28)");
    }

    @Test
    void shapes_are_written_in_utf8_whatever_the_platform_encoding() throws Exception {
        Path file = TestProjects.write(TestProjects.cnn(), dir.resolve("cnn.loom"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=US-ASCII", "-Dsun.stdout.encoding=US-ASCII", "-Dsun.stderr.encoding=US-ASCII",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", file.toString())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(new String(output, StandardCharsets.UTF_8)).contains("32×26×26");
    }

    @Test
    void json_of_a_valid_project_lists_nodes_with_shapes() throws IOException {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));

        CliRun run = CliRun.of("validate", "--json", file.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode root = json.readTree(run.out());
        assertThat(root.get("file").asText()).isEqualTo(file.toString());
        assertThat(root.get("valid").asBoolean()).isTrue();
        assertThat(root.get("totalParameters").asLong()).isEqualTo(55_050);
        assertThat(root.get("problems")).isEmpty();
        JsonNode hidden = root.get("nodes").get(1);
        assertThat(hidden.get("id").asText()).isEqualTo("dense2");
        assertThat(hidden.get("name").asText()).isEqualTo("Hidden 1");
        assertThat(hidden.get("kind").asText()).isEqualTo("Dense");
        assertThat(hidden.get("output").toString()).isEqualTo("[64]");
        assertThat(hidden.get("elements").asText()).isEqualTo("real");
        assertThat(hidden.get("parameters").asLong()).isEqualTo(50_240);
    }

    @Test
    void json_of_an_invalid_project_lists_problems_with_fix_labels() throws IOException {
        Path file = TestProjects.write(TestProjects.convOnVector(), dir.resolve("conv.loom"));

        CliRun run = CliRun.of("validate", file.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode root = json.readTree(run.out());
        assertThat(root.get("valid").asBoolean()).isFalse();
        JsonNode problem = root.get("problems").get(0);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("nodes").toString()).isEqualTo("[\"conv2d2\"]");
        assertThat(problem.get("fixes").get(0).asText()).isEqualTo("Insert a Reshape to (1, 28, 28)");
        assertThat(root.get("nodes").get(1).get("output").isNull()).isTrue();
    }

    @Test
    void malformed_file_exits_2_with_the_place_and_no_stack_trace() throws IOException {
        Path file = dir.resolve("broken.loom");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"name\": \"broken\"\n  \"graph\": {}\n}\n");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("broken.loom: line 4, column 3: ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrong_value_in_a_node_is_reported_with_its_json_path() throws IOException {
        String text = ProjectFiles.toJson(TestProjects.mlp()).replaceFirst("\"units\" : 64", "\"units\" : \"many\"");
        Path file = Files.writeString(dir.resolve("wrong.loom"), text);

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("wrong.loom: $.graph.nodes[1].params.units: ").doesNotContain("Exception");
    }

    @Test
    void malformed_file_with_json_gives_the_error_as_json() throws IOException {
        Path file = dir.resolve("broken.loom");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"name\": \"broken\"\n  \"graph\": {}\n}\n");

        CliRun run = CliRun.of("validate", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode root = json.readTree(run.out());
        assertThat(root.get("file").asText()).isEqualTo(file.toString());
        assertThat(root.get("error").get("location").asText()).contains("line 4");
        assertThat(root.get("error").get("message").asText()).isNotBlank();
    }

    @Test
    void missing_file_exits_2_with_a_message() {
        Path file = dir.resolve("nowhere.loom");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nowhere.loom").doesNotContain("Exception");
    }
}
