package org.layerloom.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlopCounterTest {

    @Test
    void mlp_counts_its_three_dense_layers() {
        long forward = 2L * (784 * 64 + 64 * 64 + 64 * 10);

        assertThat(FlopCounter.forwardPerSample(BenchNetwork.MLP.graph())).isEqualTo(forward).isEqualTo(109_824);
        assertThat(FlopCounter.trainingPerSample(BenchNetwork.MLP.graph())).isEqualTo(3 * forward);
    }

    @Test
    void cnn_counts_two_convolutions_at_their_output_sizes_and_two_dense_layers() {
        long conv1 = 2L * 3 * 3 * 1 * 32 * 26 * 26;
        long conv2 = 2L * 3 * 3 * 32 * 64 * 11 * 11;
        long dense = 2L * (64 * 5 * 5 * 64 + 64 * 10);

        assertThat(FlopCounter.forwardPerSample(BenchNetwork.CNN.graph())).isEqualTo(conv1 + conv2 + dense)
                .isEqualTo(5_056_000);
    }

    @Test
    void lstm_counts_four_gates_over_fifty_steps_and_not_the_embedding_lookup() {
        long lstm1 = 2L * 4 * 64 * (128 + 64) * 50;
        long lstm2 = 2L * 4 * 32 * (64 + 32) * 50;
        long dense = 2L * 32;

        assertThat(FlopCounter.forwardPerSample(BenchNetwork.LSTM.graph())).isEqualTo(lstm1 + lstm2 + dense)
                .isEqualTo(6_144_064);
        assertThat(FlopCounter.trainingPerSample(BenchNetwork.LSTM.graph())).isEqualTo(18_432_192);
    }
}
