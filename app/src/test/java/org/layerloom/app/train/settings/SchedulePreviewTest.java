package org.layerloom.app.train.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.LearningRateSchedule;

/** The settings panel's schedule preview gives the engine's learning rates at every step it plots. */
class SchedulePreviewTest {

    private static TrainingSettings settings(ScheduleSettings schedule, double rate, int epochs) {
        return new TrainingSettings(OptimizerSettings.adam(rate), schedule, 32, epochs, 0.1, 1,
                TrainingSettings.defaults().device());
    }

    @Test
    void every_point_is_the_engines_rate_at_that_step() {
        for (ScheduleKind kind : ScheduleKind.values()) {
            ScheduleSettings schedule = new ScheduleSettings(kind, 3, 0.5, 2, 0.0001);
            SchedulePreview preview = SchedulePreview.of(settings(schedule, 0.01, 10));
            LearningRateSchedule engine = new LearningRateSchedule(schedule, 0.01, 10,
                    SchedulePreview.STEPS_PER_EPOCH);

            assertThat(preview.rates()).as(kind.id()).hasSize(10 * SchedulePreview.STEPS_PER_EPOCH);
            for (int step = 0; step < preview.rates().length; step++) {
                assertThat(preview.rates()[step]).as("%s step %d", kind.id(), step).isEqualTo(engine.rateAt(step));
            }
        }
    }

    @Test
    void the_shapes_are_those_the_settings_describe() {
        SchedulePreview fixed = SchedulePreview.of(settings(ScheduleSettings.fixed(), 0.01, 5));
        assertThat(fixed.lowest()).isEqualTo(0.01);
        assertThat(fixed.highest()).isEqualTo(0.01);

        SchedulePreview step = SchedulePreview.of(settings(new ScheduleSettings(ScheduleKind.STEP, 3, 0.5, 1, 0), 0.01,
                9));
        assertThat(step.rateAtEpoch(1)).isCloseTo(0.01, within(1e-12));
        assertThat(step.rateAtEpoch(3)).isCloseTo(0.01, within(1e-12));
        assertThat(step.rateAtEpoch(4)).isCloseTo(0.005, within(1e-12));
        assertThat(step.rateAtEpoch(7)).isCloseTo(0.0025, within(1e-12));

        SchedulePreview cosine = SchedulePreview.of(settings(new ScheduleSettings(ScheduleKind.COSINE, 1, 0.1, 1,
                0.001), 0.01, 20));
        assertThat(cosine.rates()[0]).isCloseTo(0.01, within(1e-12));
        assertThat(cosine.rateAtEpoch(11)).as("half way").isCloseTo(0.0055, within(1e-9));
        assertThat(cosine.rates()[cosine.rates().length - 1]).isCloseTo(0.001, within(1e-5));

        SchedulePreview warmup = SchedulePreview.of(settings(new ScheduleSettings(ScheduleKind.WARMUP, 1, 0.1, 2, 0),
                0.01, 6));
        assertThat(warmup.rates()[0]).isCloseTo(0.01 / (2 * SchedulePreview.STEPS_PER_EPOCH), within(1e-12));
        assertThat(warmup.rateAtEpoch(2)).as("step 21 of 40 on the ramp").isCloseTo(0.01 * 21 / 40, within(1e-12));
        assertThat(warmup.rateAtEpoch(3)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void a_long_run_is_sampled_and_still_ends_where_the_engine_ends() {
        ScheduleSettings cosine = new ScheduleSettings(ScheduleKind.COSINE, 1, 0.1, 1, 0.0);
        SchedulePreview preview = SchedulePreview.of(settings(cosine, 0.1, 5_000));
        assertThat(preview.rates().length).isLessThanOrEqualTo(4_000);
        assertThat(preview.rates()[0]).isCloseTo(0.1, within(1e-12));
        assertThat(preview.rates()[preview.rates().length - 1]).isCloseTo(0, within(1e-6));
    }
}
