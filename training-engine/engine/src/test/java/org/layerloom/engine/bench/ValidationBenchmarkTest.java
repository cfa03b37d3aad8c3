package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ValidationReport;

class ValidationBenchmarkTest {

    @Test
    void builder_makes_a_valid_network_of_exactly_the_asked_size() {
        for (int n : new int[] {4, 5, 8, 9, 10, 13, 1000}) {
            NetworkGraph graph = ResidualGraphBuilder.build(n);
            ValidationReport report = GraphValidator.standard().validate(graph);
            assertThat(graph.nodes()).as("nodes for n=%d", n).hasSize(n);
            assertThat(report.problems()).as("problems for n=%d", n).isEmpty();
        }
    }

    @Test
    void small_run_reports_positive_timings_in_order() {
        BenchmarkResult result = new ValidationBenchmark(30, 3, 20).run();

        assertThat(result.name()).isEqualTo("validation");
        assertThat(result.metrics()).containsOnlyKeys("nodes", "median_ms", "p99_ms", "max_ms");
        assertThat(result.metric("nodes")).isEqualTo(30L);
        double median = result.metric("median_ms").doubleValue();
        double p99 = result.metric("p99_ms").doubleValue();
        double max = result.metric("max_ms").doubleValue();
        assertThat(median).isPositive();
        assertThat(p99).isGreaterThanOrEqualTo(median);
        assertThat(max).isGreaterThanOrEqualTo(p99);
    }

    @Test
    void refuses_a_network_too_small_to_build() {
        assertThatThrownBy(() -> new ValidationBenchmark(3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latency_stats_use_the_middle_value_and_nearest_rank() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        LatencyStats stats = LatencyStats.ofNanos(nanos);

        assertThat(stats.medianMs()).isEqualTo(50.5);
        assertThat(stats.p99Ms()).isEqualTo(99.0);
        assertThat(stats.maxMs()).isEqualTo(100.0);
    }
}
