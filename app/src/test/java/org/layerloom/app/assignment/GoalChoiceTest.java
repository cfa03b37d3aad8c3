package org.layerloom.app.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.graph.LayerKind;

class GoalChoiceTest {

    @Test
    void values_a_teacher_types_become_goals() {
        assertThat(GoalChoice.MIN_TEST_ACCURACY.parse("98 %").goal()).contains(new Goal.MinTestAccuracy(0.98));
        assertThat(GoalChoice.MAX_PARAMETERS.parse("50,000").goal()).contains(new Goal.MaxParameters(50_000));
        assertThat(GoalChoice.USES_LAYER.parse("conv2d").goal()).contains(new Goal.UsesLayer(LayerKind.CONV2D));
        assertThat(GoalChoice.VALIDATION_LOSS_NOT_RISING.parse("").goal())
                .contains(new Goal.ValidationLossNotRising(0.05));
    }

    @Test
    void a_value_that_does_not_fit_is_refused_with_a_sentence() {
        assertThat(GoalChoice.MIN_TEST_ACCURACY.parse("1.5").problem())
                .isEqualTo("The test accuracy must lie between 0 and 1, not 1.5.");
        assertThat(GoalChoice.MAX_EPOCHS.parse("ten").problem()).contains("\"ten\" is not a number", "like 10");
        assertThat(GoalChoice.USES_LAYER.parse("Convolution").problem()).contains("not a layer kind");
    }
}
