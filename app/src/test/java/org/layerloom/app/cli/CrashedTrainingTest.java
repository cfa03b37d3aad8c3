package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.Main;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.InterruptedRun;
import org.layerloom.engine.train.RunFolder;

/**
 * A real crash: {@code layerloom train} is killed with SIGKILL (no chance to stop cleanly) after its second epoch;
 * its run keeps its last checkpoint, is found as interrupted, and {@code train --resume} continues it.
 */
class CrashedTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> train(List<String> args, int killAfterEpochs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train"));
        command.addAll(args);
        command.add("--json");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<JsonNode> events = new ArrayList<>();
        int epochs = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode event = JSON.readTree(line);
                events.add(event);
                if (event.get("event").asText().equals("epoch") && ++epochs == killAfterEpochs) {
                    process.destroyForcibly(); // SIGKILL; it closes the pipe too
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        return events;
    }

    @Test
    void a_killed_training_keeps_its_checkpoint_is_found_interrupted_and_continues() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(100_000), dir.resolve("moons.loom"));

        List<JsonNode> killed = train(List.of(file.toString()), 2);

        assertThat(killed).noneMatch(e -> e.get("event").asText().equals("finished"));
        List<InterruptedRun> found = InterruptedRun.find(RunFolder.runsRootOf(file));
        assertThat(found).singleElement().satisfies(run -> {
            assertThat(run.epochsDone()).as("the checkpoint of epoch 1 or 2").isBetween(1, 2);
            assertThat(run.epochs()).isEqualTo(100_000);
        });
        InterruptedRun run = found.get(0);

        List<JsonNode> resumed = train(List.of(file.toString(), "--resume", run.folder().toString(), "--epochs",
                Integer.toString(run.epochsDone() + 1)), 0);

        JsonNode last = resumed.get(resumed.size() - 1);
        assertThat(last.get("event").asText()).as("%s", last).isEqualTo("finished");
        assertThat(last.get("epochs").asInt()).isEqualTo(run.epochsDone() + 1);
        assertThat(Path.of(last.get("run").asText())).isEqualTo(run.folder());
        assertThat(InterruptedRun.find(RunFolder.runsRootOf(file))).as("the continued run has ended").isEmpty();
    }
}
