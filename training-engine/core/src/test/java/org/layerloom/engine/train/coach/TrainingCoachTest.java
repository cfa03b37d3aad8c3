package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.train.coach.Sequences.advice;
import static org.layerloom.engine.train.coach.Sequences.batches;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.TrainingEvent;

/** The coach's rules on recordings of real MNIST trainings and on hand-made sequences: each fires, and when not. */
class TrainingCoachTest {

    private static final CoachContext MNIST = new CoachContext(10, 0.001, 0, 64, 0, 8);

    private static List<CoachAdvice> replay(String recording, CoachContext context) {
        return new TrainingCoach(context).observeAll(RecordedRun.load(recording)).advice();
    }

    private static List<CoachSituation> situations(List<CoachAdvice> advice) {
        return advice.stream().map(CoachAdvice::situation).toList();
    }

    @Test
    void a_healthy_real_run_gets_no_advice() {
        assertThat(replay("healthy-mlp", MNIST)).isEmpty();
    }

    @Test
    void a_real_run_with_adam_at_lr_0_5_is_told_to_lower_the_rate_tenfold_and_that_it_guesses() {
        List<CoachAdvice> advice = replay("lr-too-high", MNIST);
        assertThat(situations(advice)).containsExactly(CoachSituation.DIVERGING, CoachSituation.NEAR_CHANCE);
        CoachAdvice diverging = advice.get(0);
        assertThat(diverging.epoch()).isEqualTo(1);
        assertThat(diverging.step()).isLessThan(30);
        assertThat(diverging.reason()).contains("jumped from 2.34");
        assertThat(diverging.actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.5, 0.05));
        assertThat(diverging.actions().get(0).label()).isEqualTo("Set learning rate to 0.05");
    }

    @Test
    void a_real_run_with_sgd_at_lr_2_diverges_and_is_not_told_to_raise_the_rate() {
        List<CoachAdvice> advice = replay("sgd-lr-too-high", MNIST);
        assertThat(situations(advice)).contains(CoachSituation.DIVERGING).doesNotContain(CoachSituation.EARLY_PLATEAU);
        assertThat(advice.get(0).actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 2.0, 0.2));
    }

    @Test
    void a_real_run_that_memorises_600_examples_is_told_it_overfits_with_three_actions() {
        NetworkGraph graph = RecordedRun.mlp("relu", 512, 512);
        CoachContext context = CoachContext.of(graph, TrainingSettings.defaults(), 0, 10);
        List<CoachAdvice> advice = replay("overfitting", context);
        CoachAdvice overfitting = advice.stream().filter(a -> a.situation() == CoachSituation.OVERFITTING)
                .findFirst().orElseThrow();
        assertThat(overfitting.epoch()).isEqualTo(6);
        assertThat(overfitting.reason()).isEqualTo("Validation loss rose from 0.532 (epoch 4) to 0.565 (epoch 6)"
                + " while training loss fell from 0.100 to 0.0247.");
        assertThat(overfitting.actions()).hasSize(3);
        InsertLayerChange dropout = (InsertLayerChange) overfitting.actions().get(0);
        assertThat(dropout.label()).isEqualTo("Insert Dropout (0.3) before Dense 3");
        NetworkGraph edited = dropout.edit(graph).applyTo(graph);
        assertThat(edited.nodesOfKind(LayerKind.DROPOUT)).hasSize(1);
        String dropoutId = edited.nodesOfKind(LayerKind.DROPOUT).get(0).id();
        assertThat(edited.wiresInto(dropout.beforeNodeId()).get(0).from().nodeId()).isEqualTo(dropoutId);
        assertThat(overfitting.actions().subList(1, 3)).containsExactly(
                new SettingChange(Setting.WEIGHT_DECAY, 0, 1e-4),
                new SettingChange(Setting.EARLY_STOPPING_PATIENCE, 0, 3));
        assertThat(overfitting.actions().get(1).label()).isEqualTo("Set weight decay to 1e-04");
        assertThat(CoachContext.dropoutSpot(edited)).as("no second Dropout is suggested").isEmpty();
    }

    @Test
    void a_real_deep_sigmoid_run_is_told_it_stalled_early_and_guesses() {
        List<CoachAdvice> advice = replay("deep-sigmoid", MNIST);
        assertThat(situations(advice)).containsExactlyInAnyOrder(CoachSituation.NEAR_CHANCE,
                CoachSituation.EARLY_PLATEAU);
        CoachAdvice plateau = advice.stream().filter(a -> a.situation() == CoachSituation.EARLY_PLATEAU).findFirst()
                .orElseThrow();
        assertThat(plateau.actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.03));
        CoachAdvice chance = advice.stream().filter(a -> a.situation() == CoachSituation.NEAR_CHANCE).findFirst()
                .orElseThrow();
        assertThat(chance.reason()).as("no verdict on epoch 1, whose mean includes the untrained start")
                .isEqualTo("Training accuracy is 11 % after epoch 2; guessing among 10 classes gives 10 %.");
        assertThat(chance.actions()).isEmpty();
    }

    @Test
    void near_chance_needs_classes_and_does_not_fire_for_regression() {
        CoachContext regression = new CoachContext(0, 0.01, 0, 64, 0, 8);
        assertThat(situations(replay("deep-sigmoid", regression))).doesNotContain(CoachSituation.NEAR_CHANCE);
    }

    @Test
    void each_situation_fires_once_even_when_it_goes_on() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        List<TrainingEvent> run = RecordedRun.load("deep-sigmoid");
        int split = run.size() * 3 / 4;
        List<CoachAdvice> first = coach.observeAll(run.subList(0, split)).advice();
        List<CoachAdvice> rest = coach.observeAll(run.subList(split, run.size())).advice();
        assertThat(situations(first)).contains(CoachSituation.NEAR_CHANCE);
        assertThat(situations(rest)).doesNotContain(CoachSituation.NEAR_CHANCE);
        assertThat(coach.fired()).contains(CoachSituation.NEAR_CHANCE);
    }

    @Test
    void a_nan_loss_is_divergence() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        Optional<CoachAdvice> advice = advice(coach, batches(1, 5, i -> i < 4 ? 2.3 : Double.NaN),
                CoachSituation.DIVERGING);
        assertThat(advice).get().extracting(CoachAdvice::reason).asString().startsWith("The loss became NaN at epoch 1"
                + ", batch 5");
    }

    @Test
    void a_nan_loss_on_the_first_step_before_any_update_is_not_a_learning_rate_problem() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        List<CoachAdvice> advice = coach.observeAll(batches(1, 1, i -> Double.NaN)).advice();
        assertThat(advice).noneMatch(a -> a.actions().stream().anyMatch(action -> action instanceof SettingChange change
                && change.setting() == Setting.LEARNING_RATE));
        assertThat(coach.fired()).doesNotContain(CoachSituation.DIVERGING);
    }

    @Test
    void a_slowly_rising_loss_is_divergence_but_a_falling_one_is_not() {
        assertThat(advice(new TrainingCoach(MNIST), batches(1, 60, i -> 1 + i * 0.02), CoachSituation.DIVERGING))
                .get().extracting(CoachAdvice::reason).asString().contains("rose from");
        assertThat(new TrainingCoach(MNIST).observeAll(batches(1, 60, i -> 2 - i * 0.02)).advice()).isEmpty();
    }

    @Test
    void a_loss_that_learned_and_blew_up_again_is_divergence() {
        List<TrainingEvent> events = batches(1, 100, i -> i < 60 ? 2.3 - i * 0.035 : 2.0);
        assertThat(advice(new TrainingCoach(MNIST), events, CoachSituation.DIVERGING)).get()
                .extracting(CoachAdvice::reason).asString().startsWith("The loss fell to 0.567 and then rose again to 1.74");
    }

    @Test
    void a_loss_swinging_without_progress_oscillates_but_small_noise_near_convergence_does_not() {
        List<TrainingEvent> swinging = batches(1, 100, i -> i < 20 ? 2.3 : (i % 2 == 0 ? 0.6 : 2.4));
        Optional<CoachAdvice> advice = advice(new TrainingCoach(MNIST), swinging, CoachSituation.OSCILLATING);
        assertThat(advice).get().extracting(CoachAdvice::reason).asString().contains("between 0.600 and 2.40");
        assertThat(advice.get().actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.003));
        List<TrainingEvent> converged = batches(1, 100, i -> i < 20 ? 2.3 : (i % 2 == 0 ? 0.01 : 0.08));
        assertThat(new TrainingCoach(MNIST).observeAll(converged).advice()).isEmpty();
    }

    @Test
    void an_epoch_loss_going_up_and_down_oscillates() {
        double[] train = {1.0, 0.8, 1.0, 0.7, 0.95};
        List<TrainingEvent> events = Sequences.epochs(train, new double[] {1, 0.9, 1.1, 0.8, 1});
        assertThat(advice(new TrainingCoach(MNIST), events, CoachSituation.OSCILLATING)).get()
                .extracting(CoachAdvice::reason).asString().contains("0.800 → 1.00 → 0.700");
        double[] steady = {1.0, 0.8, 0.7, 0.65, 0.6};
        assertThat(situations(new TrainingCoach(MNIST).observeAll(Sequences.epochs(steady,
                new double[] {1, 0.9, 0.85, 0.8, 0.78})).advice())).doesNotContain(CoachSituation.OSCILLATING);
    }

    @Test
    void overfitting_needs_the_training_loss_to_keep_falling() {
        double[] valRising = {0.9, 0.6, 0.7, 0.75, 0.8};
        List<TrainingEvent> both = Sequences.epochs(new double[] {1.0, 0.6, 0.6, 0.62, 0.61}, valRising);
        assertThat(situations(new TrainingCoach(MNIST).observeAll(both).advice())).doesNotContain(CoachSituation.OVERFITTING);
        List<TrainingEvent> memorising = Sequences.epochs(new double[] {1.0, 0.6, 0.4, 0.3, 0.2}, valRising);
        CoachAdvice advice = advice(new TrainingCoach(MNIST), memorising, CoachSituation.OVERFITTING).orElseThrow();
        assertThat(advice.epoch()).isEqualTo(4);
        assertThat(advice.actions()).as("no graph, so no Dropout").hasSize(2);
    }

    @Test
    void overfitting_suggests_ten_times_the_weight_decay_and_no_patience_when_both_are_set() {
        CoachContext tuned = new CoachContext(10, 0.001, 1e-4, 64, 5, 8);
        List<TrainingEvent> memorising = Sequences.epochs(new double[] {1.0, 0.6, 0.4, 0.3, 0.2},
                new double[] {0.9, 0.6, 0.7, 0.75, 0.8});
        CoachAdvice advice = advice(new TrainingCoach(tuned), memorising, CoachSituation.OVERFITTING).orElseThrow();
        assertThat(advice.actions()).containsExactly(new SettingChange(Setting.WEIGHT_DECAY, 1e-4, 1e-3));
    }

    @Test
    void a_slow_epoch_suggests_a_larger_batch_and_fewer_threads_than_cores() {
        CoachContext fourCores = new CoachContext(10, 0.001, 0, 64, 0, 4);
        List<TrainingEvent> events = new ArrayList<>();
        events.add(Sequences.started(5, 8));
        events.addAll(batches(1, 40, i -> 2.3 - i * 0.02, i -> 0.9, i -> 40));
        CoachAdvice advice = advice(new TrainingCoach(fourCores), events, CoachSituation.SLOW_RUN).orElseThrow();
        assertThat(advice.reason()).isEqualTo("One epoch takes about 2 min 40 s at 40 examples per second.");
        assertThat(advice.actions()).containsExactly(new SettingChange(Setting.BATCH_SIZE, 64, 128),
                new SettingChange(Setting.THREADS, 8, 4));
        assertThat(advice.actions().get(0).label()).isEqualTo("Set batch size to 128");
    }

    @Test
    void a_run_that_slows_to_a_third_is_slow_but_a_steady_fast_one_is_not() {
        List<TrainingEvent> quick = new ArrayList<>();
        quick.add(Sequences.started(5, 2));
        quick.addAll(batches(1, 80, i -> 2.3 - i * 0.02, i -> 0.9, i -> i < 40 ? 60_000 : 20_000));
        assertThat(new TrainingCoach(MNIST).observeAll(quick).advice()).as("a slower one-second epoch is no news").isEmpty();
        List<TrainingEvent> events = new ArrayList<>();
        events.add(Sequences.started(5, 2));
        events.addAll(batches(1, 80, i -> 2.3 - i * 0.02, i -> 0.9, i -> i < 40 ? 600 : 200));
        assertThat(advice(new TrainingCoach(MNIST), events, CoachSituation.SLOW_RUN)).get()
                .extracting(CoachAdvice::reason).asString().startsWith("Training slowed from 600 to 200");
        List<TrainingEvent> steady = new ArrayList<>();
        steady.add(Sequences.started(5, 2));
        steady.addAll(batches(1, 80, i -> 2.3 - i * 0.02, i -> 0.9, i -> 6_000));
        assertThat(new TrainingCoach(MNIST).observeAll(steady).advice()).isEmpty();
    }

    @Test
    void after_a_learning_rate_change_the_loss_is_watched_afresh() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        assertThat(situations(coach.observeAll(batches(1, 5, i -> i < 2 ? 2.3 : 40)).advice())).containsExactly(
                CoachSituation.DIVERGING);
        assertThat(coach.observeAll(batches(6, 5, i -> 40)).advice()).isEmpty();
        coach.observe(new LearningRateChanged(1, 10, 0.01, 0.001));
        assertThat(coach.fired()).doesNotContain(CoachSituation.DIVERGING);
        assertThat(coach.observeAll(batches(11, 60, i -> 2.0 - i * 0.01)).advice()).as("calm after the change").isEmpty();
        assertThat(situations(coach.observeAll(batches(71, 3, i -> 100)).advice())).containsExactly(CoachSituation.DIVERGING);
    }

    @Test
    void a_swinging_loss_right_after_a_raise_card_waits_for_the_cooldown_and_then_replaces_it() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        CoachNews flat = coach.observeAll(batches(1, 160, i -> 2.0));
        assertThat(situations(flat.advice())).containsExactly(CoachSituation.EARLY_PLATEAU);
        assertThat(flat.advice().get(0).actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.03));
        CoachNews soon = coach.observeAll(batches(161, 180, i -> i % 2 == 0 ? 0.6 : 3.4));
        assertThat(soon.isEmpty()).as("no 'lower the rate' within two epochs of 'raise it'").isTrue();
        CoachNews later = coach.observeAll(batches(341, 40, i -> i % 2 == 0 ? 0.6 : 3.4));
        assertThat(situations(later.advice())).containsExactly(CoachSituation.OSCILLATING);
        assertThat(later.advice().get(0).step()).isGreaterThanOrEqualTo(150 + 2 * Sequences.BATCHES_PER_EPOCH);
        assertThat(later.withdrawn()).containsExactly(
                new CoachWithdrawal(CoachSituation.EARLY_PLATEAU, CoachWithdrawal.Why.REPLACED));
        assertThat(coach.live()).containsOnlyKeys(CoachSituation.OSCILLATING);
    }

    @Test
    void a_rate_change_withdraws_the_rate_cards_as_followed_or_moot() {
        TrainingCoach raised = new TrainingCoach(MNIST);
        raised.observeAll(batches(1, 160, i -> 2.0));
        assertThat(raised.observe(new LearningRateChanged(2, 60, 0.01, 0.02)).withdrawn()).containsExactly(
                new CoachWithdrawal(CoachSituation.EARLY_PLATEAU, CoachWithdrawal.Why.FOLLOWED));
        TrainingCoach lowered = new TrainingCoach(MNIST);
        lowered.observeAll(batches(1, 160, i -> 2.0));
        assertThat(lowered.observe(new LearningRateChanged(2, 60, 0.01, 0.001)).withdrawn()).containsExactly(
                new CoachWithdrawal(CoachSituation.EARLY_PLATEAU, CoachWithdrawal.Why.MOOT));
        assertThat(lowered.live()).isEmpty();
        assertThat(lowered.observeAll(batches(161, 100, i -> 2.0)).advice())
                .as("at the new rate the plateau rule warms up again").isEmpty();
    }

    @Test
    void a_plateau_that_starts_falling_is_withdrawn_as_moot() {
        TrainingCoach coach = new TrainingCoach(MNIST);
        coach.observeAll(batches(1, 160, i -> 2.0));
        CoachNews falling = coach.observeAll(batches(161, 40, i -> 2.0 - i * 0.02));
        assertThat(falling.withdrawn()).containsExactly(
                new CoachWithdrawal(CoachSituation.EARLY_PLATEAU, CoachWithdrawal.Why.MOOT));
    }

    @Test
    void no_verdict_on_the_loss_or_on_guessing_before_the_rules_warm_up() {
        List<TrainingEvent> firstEpoch = Sequences.epochs(new double[] {2.3}, new double[] {2.3});
        List<TrainingEvent> guessing = new ArrayList<>();
        for (TrainingEvent e : firstEpoch) {
            guessing.add(e instanceof org.layerloom.engine.train.event.EpochEnded x
                    ? new org.layerloom.engine.train.event.EpochEnded(1, 2.3, 0.1, 2.3, 0.1, 0.01, 2) : e);
        }
        assertThat(new TrainingCoach(MNIST).observeAll(guessing).advice()).as("epoch 1 at 10 %: too early").isEmpty();
        assertThat(new TrainingCoach(MNIST).observeAll(batches(1, 149, i -> 2.0)).advice())
                .as("149 flat batches: the plateau rule needs 150").isEmpty();
    }

    @Test
    void the_dropout_spot_is_before_the_last_dense_layer() {
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 8), GraphBuilder.layer(LayerKind.DENSE, "units", 3));
        InsertLayerChange spot = CoachContext.dropoutSpot(graph).orElseThrow();
        assertThat(spot.beforeNodeId()).isEqualTo(graph.nodesOfKind(LayerKind.DENSE).get(1).id());
        assertThat(spot.appliesTo(org.layerloom.engine.graph.edit.GraphEdits.removeNodes(graph,
                List.of(spot.beforeNodeId())).applyTo(graph))).isFalse();
        assertThat(CoachContext.dropoutSpot(GraphBuilder.chainOf(new int[] {4}, "mse",
                GraphBuilder.layer(LayerKind.FLATTEN)))).isEmpty();
    }
}
