package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The result card's sentence about which parameters were tested, when no epoch was judged best. */
class RunResultViewTest {

    @Test
    void a_run_stopped_in_its_first_epoch_says_so_instead_of_last_epoch_0() {
        assertThat(RunResultView.checkpointText(0)).isEqualTo("Stopped during the first epoch: tested with the"
                + " parameters as they were then, after part of one epoch.").doesNotContain("(0)");
        assertThat(RunResultView.checkpointText(12)).isEqualTo("Tested with the parameters after the last epoch,"
                + " epoch 12.");
    }
}
