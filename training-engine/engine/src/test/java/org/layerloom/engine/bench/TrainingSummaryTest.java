package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSummaryTest {

    @Test
    void spread_is_min_median_max() {
        assertThat(Spread.of(5, 1, 3, 2, 4)).isEqualTo(new Spread(5, 1, 3, 5));
        assertThat(Spread.of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(Spread.of(1000, 900, 1100).describe()).isEqualTo("1000.0 (900.0-1100.0)");
    }

    @Test
    void summary_takes_medians_spread_flop_rate_and_pytorch_ratio() {
        List<BenchmarkResult> ours = List.of(ours(1000, 500), ours(900, 600), ours(1200, 550));
        List<BenchmarkResult> theirs = List.of(twin(2000), twin(1800), twin(2100));

        BenchmarkResult summary = TrainingSummary.of("mlp", ours, theirs, 1_000_000, 10.0);

        assertThat(summary.metrics().keySet()).startsWith("samples_per_s", "graph_overhead");
        assertThat(summary.metric("samples_per_s")).isEqualTo(1000.0);
        assertThat(summary.metric("samples_per_s_min")).isEqualTo(900.0);
        assertThat(summary.metric("samples_per_s_max")).isEqualTo(1200.0);
        assertThat(summary.metric("repeats")).isEqualTo(3L);
        assertThat(summary.metric("gflops").doubleValue()).isCloseTo(1.0, within(1e-12));
        assertThat(summary.metric("fraction_of_peak").doubleValue()).isCloseTo(0.1, within(1e-12));
        assertThat(summary.metric("peak_rss_mb")).isEqualTo(600.0);
        assertThat(summary.metric("pytorch_samples_per_s")).isEqualTo(2000.0);
        assertThat(summary.metric("pytorch_ratio")).isEqualTo(0.5);
        assertThat(summary.metric("pytorch_peak_rss_mb")).isEqualTo(250.0);
        assertThat(summary.metric("pytorch_backward_s")).isEqualTo(0.4);
        assertThat(TrainingSummary.describe(summary)).isEqualTo("mlp: LayerLoom 1000.0 (900.0-1200.0) samples/s"
                + " over 3 repeats, 1.000 GFLOP/s = 0.100 of the 10.000 GFLOP/s matmul peak, peak RSS 600.0 MB;"
                + " PyTorch 2000.0 (1800.0-2100.0) samples/s, peak RSS 250.0 MB; LayerLoom/PyTorch 0.500");
    }

    @Test
    void phase_table_puts_the_median_phases_beside_pytorch() {
        List<BenchmarkResult> ours = List.of(ours(1000, 500), ours(900, 600), ours(1200, 550));

        BenchmarkResult summary = TrainingSummary.of("mlp", ours, List.of(twin(2000)), 1, 1.0);

        assertThat(summary.metric("forward_s")).isEqualTo(0.1);
        assertThat(TrainingSummary.phaseTable(summary)).containsExactly(
                "  phase      LayerLoom_s    PyTorch_s",
                "  gather           0.100        0.400",
                "  forward          0.100        0.400",
                "  loss             0.100        0.400",
                "  backward         0.100        0.400",
                "  step             0.100        0.400",
                "  metrics          0.100            -");
    }

    @Test
    void without_twins_or_peak_memory_the_summary_leaves_them_out() {
        Map<String, Number> metrics = new LinkedHashMap<>(ours(1000, 1).metrics());
        metrics.remove("peak_rss_mb");

        BenchmarkResult summary = TrainingSummary.of("cnn", List.of(new BenchmarkResult("cnn", metrics)), List.of(),
                10, 1.0);

        assertThat(summary.metrics()).doesNotContainKeys("peak_rss_mb", "pytorch_samples_per_s", "pytorch_ratio");
        assertThat(TrainingSummary.describe(summary)).doesNotContain("PyTorch", "RSS");
    }

    @Test
    void twin_output_is_read_from_its_last_line() throws IOException {
        String out = "some warning\n{\"net\": \"mlp\", \"samples_per_s\": 1500.5, \"epoch_s\": 2.0, \"params\": 55050,"
                + " \"phase_s\": {\"gather\": 0.1, \"forward\": 0.5, \"loss\": 0.05, \"backward\": 0.9,"
                + " \"step\": 0.3, \"metrics\": 0.01}, \"peak_rss_mb\": 240.5}\n";

        BenchmarkResult result = PyTorchTwin.parse("mlp", out);

        assertThat(result.metric("samples_per_s")).isEqualTo(1500.5);
        assertThat(result.metric("forward_s")).isEqualTo(0.5);
        assertThat(result.metric("peak_rss_mb")).isEqualTo(240.5);
        assertThat(result.metric("params")).isEqualTo(55050L);
    }

    private static BenchmarkResult ours(double rate, double rss) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("samples_per_s", rate);
        m.put("graph_overhead", 1.0);
        m.put("handwritten_samples_per_s", rate);
        m.put("threads", 2L);
        m.put("interop_threads", 1L);
        m.put("onednn_batches", 0L);
        m.put("samples", 640L);
        m.put("batch", 64L);
        m.put("params", 55050L);
        m.put("graph_s", 640 / rate);
        m.put("total_s", 2.0);
        m.put("peak_rss_mb", rss);
        for (String phase : List.of("gather_s", "forward_s", "loss_s", "backward_s", "step_s", "metrics_s")) {
            m.put(phase, rate / 10_000);
        }
        return new BenchmarkResult("mlp", m);
    }

    private static BenchmarkResult twin(double rate) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("samples_per_s", rate);
        m.put("epoch_s", 640 / rate);
        for (String phase : List.of("gather_s", "forward_s", "loss_s", "backward_s", "step_s")) {
            m.put(phase, 0.4);
        }
        m.put("peak_rss_mb", rate == 2100 ? 250.0 : 240.0);
        return new BenchmarkResult("mlp", m);
    }
}
