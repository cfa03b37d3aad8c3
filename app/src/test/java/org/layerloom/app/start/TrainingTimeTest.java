package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Scaling a few timed batches to a whole training, and the card's wording. */
class TrainingTimeTest {

    @Test
    void scales_the_batch_time_to_every_batch_of_every_epoch() {
        // 1,000 examples in batches of 32 = 32 batches (the last one short); 30 epochs; 0.05 s a batch = 48 s
        assertThat(TrainingTime.minutes(0.05, 1_000, 32, 30)).isCloseTo(0.8, within(1e-9));
        assertThat(TrainingTime.minutes(0.2, 60_000, 64, 10)).isCloseTo(10 * 938 * 0.2 / 60, within(1e-9));
    }

    @Test
    void refuses_what_cannot_be_scaled() {
        assertThatThrownBy(() -> TrainingTime.minutes(0, 100, 10, 1)).hasMessageContaining("positive time");
        assertThatThrownBy(() -> TrainingTime.minutes(Double.NaN, 100, 10, 1)).hasMessageContaining("positive time");
        assertThatThrownBy(() -> TrainingTime.minutes(0.1, 100, 0, 1)).hasMessageContaining("batch size (0)");
    }

    @Test
    void says_where_the_figure_comes_from() {
        assertThat(TrainingTime.label(2.2, false)).isEqualTo("about 2 min on a typical laptop");
        assertThat(TrainingTime.label(2.6, true)).isEqualTo("about 3 min on this computer");
        assertThat(TrainingTime.label(0.4, true)).isEqualTo("under 1 min on this computer");
        assertThat(TrainingTime.label(1234.4, true)).isEqualTo("about 1,234 min on this computer");
    }
}
