package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;

class TrainingRulesTest {

    @Test
    void schedules_follow_their_definitions() {
        LearningRateSchedule step = new LearningRateSchedule(new ScheduleSettings(ScheduleKind.STEP, 2, 0.1, 0, 0), 1.0, 6, 10);
        assertThat(step.rateAt(0)).isEqualTo(1.0);
        assertThat(step.rateAt(19)).isEqualTo(1.0);
        assertThat(step.rateAt(20)).isCloseTo(0.1, within(1e-12));
        assertThat(step.rateAt(45)).isCloseTo(0.01, within(1e-12));

        LearningRateSchedule cosine = new LearningRateSchedule(new ScheduleSettings(ScheduleKind.COSINE, 1, 0.1, 0, 0.0), 1.0, 1, 100);
        assertThat(cosine.rateAt(0)).isEqualTo(1.0);
        assertThat(cosine.rateAt(50)).isCloseTo(0.5, within(1e-9));
        assertThat(cosine.rateAt(100)).isCloseTo(0.0, within(1e-9));

        LearningRateSchedule warmup = new LearningRateSchedule(new ScheduleSettings(ScheduleKind.WARMUP, 1, 0.1, 1, 0), 0.1, 3, 10);
        assertThat(warmup.rateAt(0)).isCloseTo(0.01, within(1e-12));
        assertThat(warmup.rateAt(9)).isCloseTo(0.1, within(1e-12));
        assertThat(warmup.rateAt(25)).isEqualTo(0.1);
    }

    @Test
    void a_rate_changed_by_the_student_rescales_the_rest_of_the_schedule() {
        LearningRateSchedule step = new LearningRateSchedule(new ScheduleSettings(ScheduleKind.STEP, 1, 0.5, 0, 0), 0.1, 4, 10);
        step.rescaleTo(0.01, 15);
        assertThat(step.rateAt(15)).isCloseTo(0.01, within(1e-12));
        assertThat(step.rateAt(25)).isCloseTo(0.005, within(1e-12));
    }

    @Test
    void divergence_is_explained_with_a_smaller_learning_rate() {
        DivergenceCheck check = new DivergenceCheck();
        assertThat(check.check(2.3, 1, 1, 1.0)).isEmpty();
        assertThat(check.check(Double.NaN, 2, 31, 1.0)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("NaN", "at epoch 2 batch 31", "The learning rate 1 is probably too high: try 0.001"));
        DivergenceCheck exploding = new DivergenceCheck();
        for (int i = 0; i < 30; i++) {
            assertThat(exploding.check(0.5, 1, i + 1, 0.5)).isEmpty();
        }
        assertThat(exploding.check(5000, 1, 31, 0.5)).hasValueSatisfying(r -> assertThat(r).contains("exploded"));
    }

    @Test
    void classification_metrics_count_per_class() {
        ClassificationMetrics metrics = new ClassificationMetrics(3);
        metrics.add(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0});
        assertThat(metrics.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(metrics.confusion()[0]).containsExactly(1, 1, 0);
        assertThat(metrics.precision()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.recall()[0]).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.recall()[2]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void an_epoch_never_ends_on_a_batch_of_one_example() {
        assertThat(TrainingRun.trainingBatches(640, 64)).isEqualTo(10);
        assertThat(TrainingRun.trainingBatches(642, 64)).isEqualTo(11);
        assertThat(TrainingRun.trainingBatches(641, 64)).isEqualTo(10);
        assertThat(TrainingRun.trainingBatches(1, 64)).isEqualTo(1);
        assertThat(TrainingRun.trainingBatches(0, 64)).isZero();
    }
}
