package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.testing.TestProjects;

class CommandLineTest {

    @Test
    void version_names_layerloom_java_the_engine_and_its_kernel_choice() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("LayerLoom ").contains("Java " + System.getProperty("java.version"))
                .contains("DJL 0.35.0, PyTorch 2.7.1 on ").containsPattern("kernels: (oneDNN kernels|libtorch kernels,"
                        + " oneDNN off|libtorch kernels, oneDNN for training LSTMs and checked convolution networks), self-test passed");
    }

    @Test
    void kernels_compares_the_self_test_with_onednn_on_and_off() {
        CliRun run = CliRun.of("kernels", "--compare");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Processor: ", "chosen kernels: passed", "oneDNN kernels: ",
                "libtorch kernels, oneDNN off: passed", "libtorch kernels, oneDNN for training LSTMs and checked convolution networks: ",
                "ok    LSTM 16 units, 1 inputs, 12 steps: forward");
    }

    @Test
    void bench_runs_a_training_benchmark_with_onednn_on_and_off_side_by_side() {
        CliRun run = CliRun.of("bench", "mlp", "--samples", "256", "--repeats", "1", "--kernels",
                "onednn,onednn-off,onednn-recurrent");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("bench ")).toList()).hasSize(3);
        assertThat(run.out()).contains("bench mlp kernels=onednn samples_per_s=")
                .contains("bench mlp kernels=onednn-off samples_per_s=")
                .contains("bench mlp kernels=onednn-recurrent samples_per_s=");
    }

    @Test
    void help_lists_the_commands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate", "bench", "open", "Run without arguments to open the LayerLoom window");
    }

    @Test
    void bench_prints_one_line_with_positive_timings() {
        CliRun run = CliRun.of("bench", "validation", "--nodes", "24", "--rounds", "5");

        assertThat(run.exitCode()).isZero();
        Matcher line = Pattern.compile("bench validation nodes=24 median_ms=(\\S+) p99_ms=(\\S+) max_ms=(\\S+)")
                .matcher(run.out().strip());
        assertThat(line.matches()).as(run.out()).isTrue();
        for (int group = 1; group <= 3; group++) {
            assertThat(Double.parseDouble(line.group(group))).isPositive();
        }
    }

    @Test
    void bench_json_is_one_line_per_benchmark() throws Exception {
        CliRun run = CliRun.of("bench", "validation", "--json", "--nodes", "24", "--rounds", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("bench").asText()).isEqualTo("validation");
        assertThat(result.get("nodes").asInt()).isEqualTo(24);
        assertThat(result.get("median_ms").asDouble()).isPositive();
    }

    @Test
    void bench_refuses_an_unknown_benchmark() {
        CliRun run = CliRun.of("bench", "quantum");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown benchmark 'quantum'. Known: validation, mlp, cnn, lstm, inspect, selftest, "
                + "table-memory.");
    }

    @Test
    void training_bench_prints_rate_and_overhead_first() {
        CliRun run = CliRun.of("bench", "mlp", "--samples", "150", "--repeats", "1", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher line = Pattern.compile("bench mlp samples_per_s=(\\S+) graph_overhead=(\\S+) .* threads=1 .*")
                .matcher(run.out().lines().findFirst().orElse(""));
        assertThat(line.matches()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(line.group(1))).isPositive();
        assertThat(Double.parseDouble(line.group(2))).isPositive().isFinite();
    }

    @Test
    void training_bench_json_has_the_samples_asked_for() throws Exception {
        CliRun run = CliRun.of("bench", "lstm", "--json", "--samples", "40", "--repeats", "1", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("bench").asText()).isEqualTo("lstm");
        assertThat(result.get("samples").asInt()).isEqualTo(40);
        assertThat(result.get("handwritten_samples_per_s").asDouble()).isPositive();
    }

    @Test
    void bench_refuses_zero_threads() {
        CliRun run = CliRun.of("bench", "mlp", "--threads", "0");

        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void open_launches_the_window_with_the_project(@TempDir Path dir) {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));

        CliRun run = CliRun.of("open", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.launches()).singleElement()
                .satisfies(options -> assertThat(options.project()).contains(file));
    }

    @Test
    void open_of_a_missing_file_does_not_start_the_window(@TempDir Path dir) {
        CliRun run = CliRun.of("open", dir.resolve("missing.loom").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.launches()).isEmpty();
        assertThat(run.err()).contains("missing.loom");
    }
}
