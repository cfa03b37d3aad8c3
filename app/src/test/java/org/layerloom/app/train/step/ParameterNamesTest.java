package org.layerloom.app.train.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterNamesTest {

    private final ParameterNames names = new ParameterNames(Map.of("dense1", "Hidden 1", "dense12", "Scores",
            "conv2d3", "Conv 2"));

    @Test
    void djls_prefixed_names_become_the_nodes_name_and_the_parameter() {
        assertThat(names.display("01dense1_01linear_weight")).isEqualTo("Hidden 1 · weight");
        assertThat(names.display("12dense12_01linear_bias")).isEqualTo("Scores · bias");
        assertThat(names.display("03conv2d3_01conv2d_weight")).isEqualTo("Conv 2 · weight");
        assertThat(names.display("04conv2d3_gamma")).isEqualTo("Conv 2 · gamma");
    }

    @Test
    void a_name_no_node_matches_stays_as_the_engine_wrote_it() {
        assertThat(names.display("07lstm_l0_i2h_weight")).isEqualTo("07lstm_l0_i2h_weight");
    }
}
