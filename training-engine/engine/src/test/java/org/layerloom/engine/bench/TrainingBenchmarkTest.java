package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.ValidationReport;

class TrainingBenchmarkTest {

    /** The parameter counts PyTorch gives the same networks (shared/bench). */
    private static final Map<BenchNetwork, Long> PYTORCH_PARAMETERS = Map.of(
            BenchNetwork.MLP, 55_050L, BenchNetwork.CNN, 121_930L, BenchNetwork.LSTM, 1_342_241L);

    @ParameterizedTest
    @EnumSource(BenchNetwork.class)
    void graph_of_each_network_is_valid(BenchNetwork network) {
        ValidationReport report = GraphValidator.standard().validate(network.graph());

        assertThat(report.problems()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BenchNetwork.class)
    void tiny_run_reports_positive_rates_and_a_finite_overhead(BenchNetwork network) {
        // two full batches and a shorter one, so that the turns and the last batch are both exercised
        int samples = network.batchSize() * 2 + 5;

        BenchmarkResult result = new TrainingBenchmark(network, samples, 1).run();

        assertThat(result.name()).isEqualTo(network.id());
        assertThat(result.metrics()).containsKeys("samples_per_s", "graph_overhead", "handwritten_samples_per_s",
                "threads", "graph_s", "handwritten_s");
        assertThat(result.metric("samples_per_s").doubleValue()).isPositive().isFinite();
        assertThat(result.metric("handwritten_samples_per_s").doubleValue()).isPositive().isFinite();
        assertThat(result.metric("graph_overhead").doubleValue()).isPositive().isFinite();
        assertThat(result.metric("threads")).isEqualTo(1L);
        assertThat(result.metric("samples")).isEqualTo((long) samples);
        assertThat(result.metric("params")).isEqualTo(PYTORCH_PARAMETERS.get(network));
    }

    @Test
    void names_are_the_command_line_names() {
        assertThat(BenchNetwork.values()).extracting(BenchNetwork::id).containsExactly("mlp", "cnn", "lstm");
        assertThat(BenchNetwork.fromId("cnn")).isEqualTo(BenchNetwork.CNN);
        assertThat(TrainingBenchmark.standard(BenchNetwork.LSTM).name()).isEqualTo("lstm");
    }

    @Test
    void refuses_no_samples_or_no_threads() {
        assertThatThrownBy(() -> new TrainingBenchmark(BenchNetwork.MLP, 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingBenchmark(BenchNetwork.MLP, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overhead_is_the_median_turn() {
        assertThat(TrainingBenchmark.median(new double[] {1.0, 9.0, 1.1})).isEqualTo(1.1);
        assertThat(TrainingBenchmark.median(new double[] {1.0, 1.2, 8.0, 0.9})).isEqualTo(1.1);
    }

    @Test
    void the_graph_alone_trains_without_the_hand_written_network() {
        BenchmarkResult result = TrainingBenchmark.graphAlone(BenchNetwork.MLP, 128, 1).run();

        assertThat(result.metric("samples_per_s").doubleValue()).isPositive();
        assertThat(result.metric("samples")).isEqualTo(128L);
        assertThat(result.metrics()).doesNotContainKeys("graph_overhead", "handwritten_samples_per_s");
    }
}
