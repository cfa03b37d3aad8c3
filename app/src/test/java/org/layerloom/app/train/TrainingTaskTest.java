package org.layerloom.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The training's line in the status bar and the task list, for each phase of a run. */
class TrainingTaskTest {

    @Test
    void each_phase_of_a_run_reads_in_plain_words() {
        assertThat(TrainingTask.describe(DashboardPhase.LOADING, "Epoch –", "batch –", "–", 0))
                .isEqualTo("Loading the dataset…");
        assertThat(TrainingTask.describe(DashboardPhase.LOADING, "Epoch –", "batch –", "–", 0.4))
                .isEqualTo("Loading the dataset… 40 %");
        assertThat(TrainingTask.describe(DashboardPhase.RUNNING, "Epoch 3 of 20", "batch 40 of 938",
                "about 2:10 left", 0.12)).isEqualTo("Epoch 3 of 20 · batch 40 of 938 · about 2:10 left");
        assertThat(TrainingTask.describe(DashboardPhase.RUNNING, "Epoch 1 of 20", "batch –", "–", 0))
                .isEqualTo("Epoch 1 of 20");
        assertThat(TrainingTask.describe(DashboardPhase.PAUSED, "Epoch 3 of 20", "batch 40 of 938", "–", 0.12))
                .isEqualTo("Paused at epoch 3 of 20");
        assertThat(TrainingTask.describe(DashboardPhase.STOPPING, "Epoch 3 of 20", "batch 40 of 938", "–", 0.12))
                .isEqualTo("Stopping after this batch…");
        assertThat(TrainingTask.describe(DashboardPhase.STOPPING, "Testing the kept network",
                "1,200 of 10,000 test examples", "12 % tested", 0.12))
                .isEqualTo("Testing the kept network · 1,200 of 10,000 test examples · 12 % tested");
        assertThat(TrainingTask.describe(DashboardPhase.FINISHED, "Epoch 20 of 20", "batch 9 of 9", "done", 1))
                .isEmpty();
    }
}
