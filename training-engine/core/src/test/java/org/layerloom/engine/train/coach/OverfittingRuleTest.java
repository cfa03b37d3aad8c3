package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;

class OverfittingRuleTest {

    private static final CoachContext CONTEXT = new CoachContext(2, 0.01, 0, 32, 0, 2);

    private static MetricHistory history(double[][] trainAndValidationLoss) {
        MetricHistory history = new MetricHistory();
        int epoch = 0;
        for (double[] losses : trainAndValidationLoss) {
            epoch++;
            history.record(BatchEnded.builder().setBatch(epoch, 28, 28).setStep(28L * epoch).setLoss(losses[0])
                    .optAccuracy(1).setLearningRate(0.01).setSamplesPerSecond(40_000).build());
            history.record(new EpochEnded(epoch, losses[0], 1, losses[1], 1, 0.01, 0.1));
        }
        return history;
    }

    @Test
    void a_near_perfect_network_whose_tiny_validation_loss_drifts_is_not_told_it_memorises() {
        // Two moons at 100 %: the validation loss went from 0.00165 (epoch 17) to 0.00192 (epoch 20).
        MetricHistory moons = history(new double[][] {{0.45, 0.30}, {0.10, 0.05}, {0.02, 0.01}, {0.008, 0.00165},
                {0.006, 0.0019}, {0.0045, 0.00192}});

        assertThat(new OverfittingRule().check(moons, CONTEXT)).isEmpty();
    }

    @Test
    void a_validation_loss_that_rises_by_a_share_of_where_it_started_is_overfitting() {
        MetricHistory memorising = history(new double[][] {{1.52, 0.73}, {0.49, 0.57}, {0.25, 0.64}, {0.10, 0.53},
                {0.054, 0.61}, {0.025, 0.57}});

        assertThat(new OverfittingRule().check(memorising, CONTEXT)).get()
                .extracting(CoachAdvice::situation).isEqualTo(CoachSituation.OVERFITTING);
    }
}
