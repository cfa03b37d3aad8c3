package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;

class TrainCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void trains_a_project_and_saves_the_run_beside_it() {
        Path file = TestProjects.write(TestProjects.moons(3), dir.resolve("moons.loom"));

        CliRun run = CliRun.of("train", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Loaded ").contains("Training on CPU", "Epoch 1: loss", "Epoch 3: loss", "Test (80 examples",
                "accuracy", "Run saved in " + dir.resolve("moons.runs"));
        assertThat(dir.resolve("moons.runs")).isDirectoryContaining(p -> Files.isDirectory(p));
    }

    @Test
    void json_lines_end_with_the_finished_event_holding_test_metrics_and_the_run() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(2), dir.resolve("moons.loom"));

        CliRun run = CliRun.of("train", file.toString(), "--json", "--epochs", "4", "--out", dir.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            events.add(json.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.has("event")).isTrue());
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("epoch")).hasSize(4);
        assertThat(events.get(0).get("event").asText()).isEqualTo("state");
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("data-loaded")).singleElement()
                .satisfies(e -> assertThat(e.get("trainExamples").asInt()).isPositive());
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("finished");
        assertThat(last.get("test").get("accuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(last.get("test").get("loss").isNumber()).isTrue();
        assertThat(Path.of(last.get("run").asText())).startsWith(dir.resolve("runs")).isDirectory();
    }

    @Test
    void a_network_that_does_not_fit_the_data_fails_with_the_reason_on_stderr() {
        Path file = TestProjects.write(TestProjects.mlp().withDataset(TestProjects.moons(1).dataset())
                .withTraining(TestProjects.moons(1).training()), dir.resolve("wrong.loom"));

        CliRun run = CliRun.of("train", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("gives examples of shape (2)", "expects (784)");
    }

    @Test
    void a_table_whose_numbers_are_too_large_fails_on_the_first_batch_naming_the_data_not_the_learning_rate()
            throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 60; i++) {
            // 1e39 is a number, but larger than the engine's 32-bit floats hold: it becomes infinite.
            csv.append(i % 10 == 3 ? "1e39" : String.valueOf(i * 0.1)).append(',').append(i % 7).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("big.csv"), csv);
        Path file = TestProjects.write(TestProjects.moons(1).withDataset(org.layerloom.engine.project.DatasetChoice
                .of("csv").with("path", "big.csv").with("normalize", "none")), dir.resolve("big.loom"));

        CliRun run = CliRun.of("train", file.toString(), "--batch-size", "64");
        CliRun lines = CliRun.of("train", file.toString(), "--batch-size", "64", "--json");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).contains("The network's output is not a number for this input (epoch 1, batch 1),"
                + " before any weight was updated, so the learning rate is not the cause.",
                "The input batch itself contains infinite values: check the data (", "example", "of the training split, column 'x1'")
                .doesNotContain("probably too high");
        JsonNode event = lines.out().lines().map(this::read).filter(e -> e.get("event").asText().equals("not-finite"))
                .findFirst().orElseThrow();
        assertThat(event.get("cause").asText()).isEqualTo("INPUT");
        assertThat(event.get("updates").asLong()).isZero();
        assertThat(event.get("dataWhere").asText()).contains("big.csv, example", "of the training split, column 'x1'");
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void missing_data_or_file_exits_2_with_a_message() {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mnist.loom"));
        CliRun noData = CliRun.of("train", file.toString());
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("MNIST").doesNotContain("Exception");

        CliRun missingFolder = CliRun.of("train", file.toString(), "--data", dir.resolve("nowhere").toString());
        assertThat(missingFolder.exitCode()).isEqualTo(2);
        assertThat(missingFolder.err()).contains("nowhere");

        CliRun missingFile = CliRun.of("train", dir.resolve("nope.loom").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.loom");
    }

    @Test
    void bad_options_are_refused() {
        Path file = TestProjects.write(TestProjects.moons(1), dir.resolve("moons.loom"));
        assertThat(CliRun.of("train", file.toString(), "--epochs", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("train", file.toString(), "--device", "tpu").err()).contains("cpu, gpu or auto");
    }

    @Test
    void a_run_goes_on_from_its_last_checkpoint_with_resume() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(4), dir.resolve("moons.loom"));
        CliRun first = CliRun.of("train", file.toString(), "--json", "--epochs", "2");
        JsonNode firstEnd = json.readTree(first.out().lines().reduce((a, b) -> b).orElseThrow());
        Path run = Path.of(firstEnd.get("run").asText());

        CliRun resumed = CliRun.of("train", file.toString(), "--json", "--epochs", "4", "--resume", run.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<JsonNode> epochs = resumed.out().lines().map(this::parse)
                .filter(e -> e.get("event").asText().equals("epoch")).toList();
        assertThat(epochs).extracting(e -> e.get("epoch").asInt()).containsExactly(3, 4);
        JsonNode end = json.readTree(resumed.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(Path.of(end.get("run").asText())).isEqualTo(run);
        assertThat(end.get("epochs").asInt()).isEqualTo(4);
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
