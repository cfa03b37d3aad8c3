package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.layerloom.engine.bench.BenchNetwork;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.ValidationReport;
import org.junit.jupiter.api.Test;

class ThreadPlanTest {

    private static ValidationReport validated(BenchNetwork network) {
        ValidationReport report = new GraphValidator(LayerCatalog.standard()).validate(network.graph());
        assertThat(report.isValid()).as(report.errors().toString()).isTrue();
        return report;
    }

    @Test
    void the_small_mlp_trains_on_one_thread_even_with_many_cores() {
        ValidationReport mlp = validated(BenchNetwork.MLP);
        // 784*64+64 + 64*64+64 + 64*10+10 weights, each used once per example
        assertThat(ThreadPlan.multiplyAddsPerExample(mlp)).isEqualTo(55_050);
        assertThat(ThreadPlan.threadsFor(mlp, 64, 8)).isEqualTo(1);
    }

    @Test
    void the_cnn_uses_every_core_because_its_filters_slide_over_every_pixel() {
        ValidationReport cnn = validated(BenchNetwork.CNN);
        assertThat(ThreadPlan.multiplyAddsPerExample(cnn)).isGreaterThan(2_000_000);
        assertThat(ThreadPlan.threadsFor(cnn, 64, 2)).isEqualTo(2);
        assertThat(ThreadPlan.threadsFor(cnn, 64, 6)).isEqualTo(6);
    }

    @Test
    void recurrent_layers_count_every_step_and_embeddings_count_nothing() {
        ValidationReport lstm = validated(BenchNetwork.LSTM);
        long work = ThreadPlan.multiplyAddsPerExample(lstm);
        // the 1.28 M embedding weights are look-ups; the LSTMs' ~62 k weights run at 50 steps each
        assertThat(work).isBetween(50L * 60_000, 50L * 65_000);
        assertThat(ThreadPlan.threadsFor(lstm, 32, 2)).as("the benchmark LSTM trains 1.4x faster on two threads")
                .isEqualTo(2);
        assertThat(ThreadPlan.threadsFor(lstm, 8, 2)).as("a batch of 8 sequences is too little work to share")
                .isEqualTo(1);
    }

    @Test
    void a_tiny_batch_of_a_large_network_stays_on_one_thread_and_one_core_is_one_thread() {
        ValidationReport cnn = validated(BenchNetwork.CNN);
        assertThat(ThreadPlan.threadsFor(cnn, 1, 8)).isEqualTo(1);
        assertThat(ThreadPlan.threadsFor(cnn, 64, 1)).isEqualTo(1);
    }
}
