package org.layerloom.engine.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.event.EpochEnded;

class GoalCheckTest {

    private final NetworkFacts mlp = NetworkFacts.of(TestProjects.mlp().graph());
    private final NetworkFacts cnn = NetworkFacts.of(TestProjects.cnn().graph());

    @Test
    void structural_goals_are_judged_on_the_network_before_any_run() {
        GoalVerdict params = GoalCheck.check(new Goal.MaxParameters(50_000), mlp, Optional.empty());
        GoalVerdict conv = GoalCheck.check(new Goal.UsesLayer(LayerKind.CONV2D), cnn, Optional.empty());
        GoalVerdict noConv = GoalCheck.check(new Goal.UsesLayer(LayerKind.CONV2D), mlp, Optional.empty());
        GoalVerdict dense = GoalCheck.check(new Goal.MaxDenseUnits(32), mlp, Optional.empty());

        assertThat(mlp.parameters()).contains(55_050L);
        assertThat(params.status()).isEqualTo(GoalVerdict.Status.MISSED);
        assertThat(params.sentence()).isEqualTo("Parameters 55,050 ≤ 50,000? ✗ — 5,050 too many");
        assertThat(conv.met()).isTrue();
        assertThat(noConv.sentence()).contains("✗", "add one from the palette");
        assertThat(dense.sentence()).isEqualTo("Widest Dense layer 64 ≤ 32 units? ✗ — \"Hidden 1\" has 32 too many");
    }

    @Test
    void run_goals_are_not_yet_known_without_a_run() {
        GoalVerdict v = GoalCheck.check(new Goal.MinTestAccuracy(0.9), mlp, Optional.empty());

        assertThat(v.status()).isEqualTo(GoalVerdict.Status.UNKNOWN);
        assertThat(v.sentence()).contains("not yet known");
    }

    @Test
    void test_accuracy_short_of_the_goal_says_by_how_many_points() {
        RunFacts run = new RunFacts(List.of(epoch(1, 0.5)), OptionalDouble.of(0.973));

        GoalVerdict v = GoalCheck.check(new Goal.MinTestAccuracy(0.98), mlp, Optional.of(run));
        GoalVerdict ok = GoalCheck.check(new Goal.MinTestAccuracy(0.97), mlp, Optional.of(run));

        assertThat(v.sentence()).isEqualTo("Test accuracy 0.973 ≥ 0.98? ✗ — 0.7 points short");
        assertThat(ok.met()).isTrue();
    }

    @Test
    void epochs_and_a_rising_validation_loss_are_judged_on_the_history() {
        RunFacts rising = new RunFacts(List.of(epoch(1, 0.50), epoch(2, 0.30), epoch(3, 0.40)), OptionalDouble.empty());
        RunFacts falling = new RunFacts(List.of(epoch(1, 0.50), epoch(2, 0.30), epoch(3, 0.31)), OptionalDouble.empty());

        GoalVerdict epochs = GoalCheck.check(new Goal.MaxEpochs(2), mlp, Optional.of(rising));
        GoalVerdict rose = GoalCheck.check(new Goal.ValidationLossNotRising(0.05), mlp, Optional.of(rising));
        GoalVerdict flat = GoalCheck.check(new Goal.ValidationLossNotRising(0.05), mlp, Optional.of(falling));
        GoalVerdict noTest = GoalCheck.check(new Goal.MinTestAccuracy(0.5), mlp, Optional.of(falling));

        assertThat(epochs.sentence()).isEqualTo("Epochs 3 ≤ 2? ✗ — 1 too many");
        assertThat(rose.status()).isEqualTo(GoalVerdict.Status.MISSED);
        assertThat(rose.sentence()).contains("lowest 0.300 (epoch 2)", "it rose 33.3 %");
        assertThat(flat.met()).isTrue();
        assertThat(noTest.status()).isEqualTo(GoalVerdict.Status.UNKNOWN);
    }

    @Test
    void all_met_needs_every_goal_met() {
        Assignment a = Assignment.empty().withGoals(List.of(new Goal.UsesLayer(LayerKind.DENSE),
                new Goal.MinTestAccuracy(0.5)));

        List<GoalVerdict> before = GoalCheck.checkAll(a, mlp, Optional.empty());
        List<GoalVerdict> after = GoalCheck.checkAll(a, mlp,
                Optional.of(new RunFacts(List.of(epoch(1, 0.2)), OptionalDouble.of(0.6))));

        assertThat(GoalCheck.allMet(before)).isFalse();
        assertThat(GoalCheck.allMet(after)).isTrue();
    }

    private static EpochEnded epoch(int n, double validationLoss) {
        return new EpochEnded(n, 0.5, 0.8, validationLoss, 0.8, 0.01, 1);
    }
}
