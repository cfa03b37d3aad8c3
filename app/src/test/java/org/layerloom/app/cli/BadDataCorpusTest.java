package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.chainOf;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.TestProjects;

/**
 * Malformed and unusual datasets of every kind (tables, picture folders, labelled texts, MNIST and CIFAR files,
 * odd paths), each trained end to end with {@code layerloom train P.loom --epochs 1 --limit 200 --json} in
 * process, as a student would run it. Each case says what it is and its outcome: refused with a message that
 * contains this, or trained with so many examples used and so many left out (counted, with a reason). Nothing
 * the command prints may hold a stack trace or an exception's class name. Writes the outcomes as a Markdown table
 * to {@code target/bad-data-corpus.md} (and stdout) for the issue's closing note (issue 21).
 */
class BadDataCorpusTest {

    private static final Pattern LEAK = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.[a-z]+\\.|"
            + "(?m)^\\s+at [\\w.$]+\\(");
    private static final List<String> TABLE = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    static Path dir;

    /** The case's project folder gets its data; the case returns the dataset choice and the network that fits. */
    interface Builder {
        Setup build(Path folder) throws Exception;
    }

    record Setup(DatasetChoice data, NetworkGraph graph) {
    }

    /**
     * What must happen: {@code refusal} non-null: refused with a message containing it; else trains with
     * {@code used} examples (null: not checked) and {@code leftOut} left out (null: the loader does not count
     * them, as the standard-format readers, which report only the examples used), with {@code said} somewhere in
     * the data lines.
     */
    record Expected(String refusal, Integer used, Integer leftOut, String said) {
        static Expected refused(String part) {
            return new Expected(part, null, null, null);
        }

        static Expected trains(Integer used, Integer leftOut, String said) {
            return new Expected(null, used, leftOut, said);
        }

        @Override
        public String toString() {
            if (refusal != null) {
                return "refused: \"" + refusal + "\"";
            }
            return "trains" + (used == null ? "" : ", " + used + " used") + (leftOut == null ? ""
                    : ", " + leftOut + " left out") + (said == null ? "" : ", says \"" + said + "\"");
        }
    }

    record Case(String name, String what, Builder builder, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(BadTables.cases());
        cases.addAll(BadFolders.cases());
        cases.addAll(BadStandardFiles.cases());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_dataset_trains_or_is_refused_as_expected_and_never_shows_a_stack_trace(Case c) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        Setup setup = c.builder().build(folder);
        Project project = new Project(c.name(), setup.graph(), setup.data(), settings());
        Path file = TestProjects.write(project, folder.resolve("p.loom"));

        CliRun run = CliRun.of("train", file.toString(), "--epochs", "1", "--limit", "200", "--json");

        List<JsonNode> events = run.out().lines().map(BadDataCorpusTest::read).toList();
        Optional<JsonNode> loaded = events.stream().filter(e -> e.get("event").asText().equals("data-loaded"))
                .findFirst();
        String outcome = loaded.map(BadDataCorpusTest::describe)
                .orElse("refused (exit " + run.exitCode() + "): " + run.err().strip());
        row(c, outcome);
        loaded.ifPresent(e -> e.get("notes").forEach(n -> NOTES.add(c.name() + ": " + n.asText())));
        if (loaded.isEmpty()) {
            NOTES.add(c.name() + ": " + run.err().strip());
        }

        assertThat(LEAK.matcher(run.out() + run.err()).find()).as("no stack trace or class name in:\n%s\n%s",
                run.out(), run.err()).isFalse();
        Expected expected = c.expected();
        if (expected.refusal() != null) {
            assertThat(run.exitCode()).as(outcome).isEqualTo(ExitCodes.UNUSABLE_INPUT);
            assertThat(loaded).as("refused before training").isEmpty();
            assertThat(run.err()).contains(expected.refusal());
            return;
        }
        assertThat(run.exitCode()).as("%s\n%s", outcome, run.err()).isZero();
        JsonNode event = loaded.orElseThrow();
        JsonNode use = event.get("use");
        if (expected.used() != null) {
            assertThat(use.get("used").asInt()).as(outcome).isEqualTo(expected.used());
        }
        if (expected.leftOut() != null) {
            assertThat(use.get("counted").asBoolean()).as(outcome).isTrue();
            assertThat(use.get("leftOut").asInt()).as(outcome).isEqualTo(expected.leftOut());
            int sum = 0;
            for (JsonNode reason : use.get("byReason")) {
                sum += reason.get("count").asInt();
                assertThat(reason.get("places").size()).isBetween(1, Math.min(5, reason.get("count").asInt()));
            }
            assertThat(sum).isEqualTo(expected.leftOut());
        }
        if (expected.said() != null) {
            assertThat(event.get("useSentence").asText() + "\n" + event.get("notes").toString())
                    .contains(expected.said());
        }
        JsonNode finished = events.get(events.size() - 1);
        assertThat(finished.get("event").asText()).isEqualTo("finished");
        JsonNode manifest = JSON.readTree(Path.of(finished.get("run").asText()).resolve("manifest.json").toFile())
                .get("dataset");
        assertThat(manifest.get("use")).as("the manifest counts as the event does").isEqualTo(use);
        assertThat(manifest.get("useSentence").asText()).isEqualTo(event.get("useSentence").asText());
    }

    private static String describe(JsonNode loaded) {
        return loaded.get("useSentence").asText() + (loaded.get("notes").isEmpty() ? ""
                : " Notes: " + loaded.get("notes").size());
    }

    private static TrainingSettings settings() {
        TrainingSettings d = TrainingSettings.defaults();
        return new TrainingSettings(d.optimizer(), d.schedule(), 32, 1, 0.2, 7, DeviceChoice.CPU);
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| case | what it is | expected | outcome now |");
        lines.add("|---|---|---|---|");
        lines.addAll(TABLE);
        lines.add("");
        lines.add("Notes and refusals, in full:");
        lines.add("");
        NOTES.forEach(n -> lines.add("- " + n.replace("\n", " ")));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.write(target.resolve("bad-data-corpus.md"), lines);
        }
        lines.forEach(System.out::println);
    }

    private static void row(Case c, String outcome) {
        String shown = outcome.replace("\n", " ").replace("|", "/");
        TABLE.add("| " + c.name() + " | " + c.what() + " | " + c.expected().toString().replace("|", "/") + " | "
                + (shown.length() > 300 ? shown.substring(0, 297) + "..." : shown) + " |");
    }

    // Networks that fit each kind of data, so that only the data decides the outcome.

    static NetworkGraph vectorNet(int inputs, int classes) {
        return chainOf(new int[] {inputs}, "softmax_cross_entropy", layer(LayerKind.DENSE, "units", classes));
    }

    static NetworkGraph imageNet(int channels, int size, int classes) {
        return chainOf(new int[] {channels, size, size}, "softmax_cross_entropy", layer(LayerKind.FLATTEN),
                layer(LayerKind.DENSE, "units", classes));
    }

    static NetworkGraph textNet(int length, int classes) {
        return chainOf(TensorShape.tokens(length), "softmax_cross_entropy",
                layer(LayerKind.EMBEDDING, "vocabulary", 10_000, "dimension", 4), layer(LayerKind.FLATTEN),
                layer(LayerKind.DENSE, "units", classes));
    }
}
