package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.Main;
import org.layerloom.engine.testing.TestProjects;

/** A signal (Ctrl-C, or a kill) stops a training run after its batch and keeps the run's files. */
class TrainInterruptTest {

    @TempDir
    Path dir;

    @Test
    void a_terminated_run_saves_its_checkpoint_and_says_it_was_stopped() throws Exception {
        Path file = TestProjects.write(TestProjects.moons(100_000), dir.resolve("moons.loom"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", file.toString(), "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = out.readLine()) != null) {
                JsonNode event = json.readTree(line);
                events.add(event);
                if (!signalled && event.get("event").asText().equals("epoch")) {
                    process.toHandle().destroy();
                    signalled = true;
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("finished");
        assertThat(last.get("stoppedEarly").asBoolean()).isTrue();
        assertThat(last.get("reason").asText()).startsWith("stopped by you");
        Path run = Path.of(last.get("run").asText());
        assertThat(run.resolve("last.params")).isRegularFile();
        assertThat(run.resolve("best.params")).isRegularFile();
        assertThat(Files.readString(run.resolve("manifest.json"))).contains("\"status\" : \"stopped\"");
    }
}
