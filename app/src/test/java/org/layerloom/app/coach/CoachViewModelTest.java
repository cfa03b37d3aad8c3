package org.layerloom.app.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.coach.SettingChange;
import org.layerloom.engine.train.coach.Setting;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.LearningRateChanged;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.WeightHistogram;

/** The coach's cards without the toolkit, on hand-made events. */
class CoachViewModelTest {

    private final List<SettingChange> settings = new ArrayList<>();
    private final List<GraphChange> edits = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final CoachViewModel model = new CoachViewModel(() -> new CoachContext(10, 0.01, 0, 64, 0, 8),
            id -> "Layer " + id, settings::add, edits::add);

    {
        model.addListener(() -> changes.add("changed"));
    }

    private static BatchEnded batch(long step, double loss) {
        return BatchEnded.builder().setBatch(1, (int) step, 100).setStep(step).setLoss(loss).optAccuracy(0.5)
                .setLearningRate(0.01).setSamplesPerSecond(5_000).build();
    }

    private static LayerHealthCaptured exploding(long step) {
        LayerHealth layer = new LayerHealth("dense1", "Dense", "relu", 0, 1, 0, 0, Double.NaN, 500, 3, 1e-3,
                WeightHistogram.EMPTY);
        LayerHealth other = new LayerHealth("dense2", "Dense", "none", 0, 1, 0, Double.NaN, Double.NaN, 400, 3, 1e-3,
                WeightHistogram.EMPTY);
        return new LayerHealthCaptured(1, (int) step, step, List.of(layer, other), 1);
    }

    @Test
    void a_runaway_loss_and_exploding_gradients_both_about_the_learning_rate_leave_the_newer_card() {
        model.onEvents(List.of(batch(1, 2.3), batch(2, 40), exploding(2)));
        assertThat(changes).hasSize(1);
        assertThat(model.cards()).as("one card per setting: the health card replaces the training card")
                .extracting(CoachCard::source, CoachCard::title).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Health", "Exploding gradients"));
        assertThat(model.cards().get(0).reason()).contains("Layer dense1 (500)");
        assertThat(model.cards().get(0).actions()).containsExactly(
                new org.layerloom.engine.train.coach.SettingChange(
                        org.layerloom.engine.train.coach.Setting.LEARNING_RATE, 0.01, 0.001));
        assertThat(model.progress()).isEqualTo("epoch 1, step 2");
    }

    @Test
    void a_health_signal_makes_one_card_per_run_and_a_new_run_starts_afresh() {
        model.onEvents(List.of(exploding(10)));
        model.onEvents(List.of(exploding(20)));
        assertThat(model.cards()).hasSize(1);
        model.onEvents(List.<TrainingEvent>of(RunStarted.builder().setRunId("r2").setEpochs(3, 10).build()));
        assertThat(model.cards()).isEmpty();
        model.onEvents(List.of(exploding(10)));
        assertThat(model.cards()).hasSize(1);
    }

    @Test
    void clear_removes_every_card_and_the_run_position_and_the_coach_starts_afresh() {
        model.onEvents(List.of(batch(1, 2.3), batch(2, 40), exploding(2)));
        assertThat(model.cards()).isNotEmpty();
        changes.clear();
        model.clear();
        assertThat(model.cards()).isEmpty();
        assertThat(model.progress()).isEmpty();
        assertThat(changes).as("the panel is told").hasSize(1);
        model.onEvents(List.of(exploding(10)));
        assertThat(model.cards()).as("the health coach has not seen this layer since").hasSize(1);
    }

    @Test
    void an_action_is_applied_once_and_a_dismissed_card_is_gone() {
        model.onEvents(List.of(exploding(10)));
        CoachCard card = model.cards().get(0);
        model.apply(card.id(), card.actions().get(0));
        model.apply(card.id(), card.actions().get(0));
        assertThat(settings).hasSize(1);
        assertThat(edits).isEmpty();
        assertThat(model.card(card.id()).orElseThrow().isApplied(card.actions().get(0))).isTrue();
        model.dismiss(card.id());
        assertThat(model.cards()).isEmpty();
        model.onEvents(List.of(exploding(30)));
        assertThat(model.cards()).as("dismissed situations do not come back this run").isEmpty();
    }

    @Test
    void held_actions_change_nothing_until_the_run_s_project_is_open_again() {
        model.onEvents(List.of(exploding(10)));
        CoachCard card = model.cards().get(0);
        changes.clear();

        model.holdActions("These cards are about the run of a.loom, which is still training.");
        model.apply(card.id(), card.actions().get(0));
        assertThat(settings).as("nothing applied to the other project").isEmpty();
        assertThat(model.card(card.id()).orElseThrow().isApplied(card.actions().get(0))).isFalse();
        assertThat(model.heldBecause()).contains("a.loom");
        assertThat(changes).as("the panel is told once").hasSize(1);

        model.holdActions("");
        model.apply(card.id(), card.actions().get(0));
        assertThat(settings).hasSize(1);
        model.holdActions("held again");
        model.clear();
        assertThat(model.heldBecause()).as("a cleared coach holds nothing").isEmpty();
    }

    private static List<TrainingEvent> flat(long firstStep, int n) {
        List<TrainingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(batch(firstStep + i, 2.0));
        }
        return events;
    }

    @Test
    void a_card_the_coach_withdraws_goes_away_when_its_advice_is_followed() {
        model.onEvents(flat(1, 160));
        CoachCard plateau = model.cards().get(0);
        assertThat(plateau.title()).isEqualTo("Learning has stalled early");
        model.apply(plateau.id(), plateau.actions().get(0));
        assertThat(model.card(plateau.id())).as("applied, until the run confirms the new rate").isPresent();
        model.onEvents(List.of(new LearningRateChanged(2, 61, 0.01, 0.03)));
        assertThat(model.cards()).isEmpty();
    }

    @Test
    void a_value_already_applied_is_not_offered_again_and_applying_removes_the_other_cards_on_that_setting() {
        model.onEvents(List.of(exploding(10)));
        CoachCard exploding = model.cards().get(0);
        model.apply(exploding.id(), exploding.actions().get(0));
        assertThat(settings).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.001));
        model.onEvents(List.of(batch(11, 2.3), batch(12, 40)));
        CoachCard runaway = model.cards().stream().filter(c -> c.source().equals("Training")).findFirst().orElseThrow();
        assertThat(runaway.actions()).as("0.001 is already set").isEmpty();
        assertThat(model.cards()).hasSize(2);
    }

    @Test
    void a_train_longer_card_says_how_on_the_command_line_and_has_no_button() {
        model.onEvents(stillImprovingRun());
        assertThat(model.cards()).singleElement().satisfies(card -> {
            assertThat(card.title()).isEqualTo("Still improving: train longer");
            assertThat(card.suggestion()).contains("layerloom train --resume /runs/r --epochs 8");
            assertThat(card.actions()).isEmpty();
        });
    }

    @Test
    void with_a_way_to_continue_the_train_longer_card_has_a_button_that_continues_the_run() {
        List<org.layerloom.engine.train.coach.ContinueTraining> continued = new ArrayList<>();
        CoachViewModel withContinue = new CoachViewModel(() -> new CoachContext(10, 0.01, 0, 64, 0, 8),
                id -> "Layer " + id, settings::add, edits::add, continued::add);
        withContinue.onEvents(stillImprovingRun());
        CoachCard card = withContinue.cards().get(0);
        org.layerloom.engine.train.coach.ContinueTraining more =
                new org.layerloom.engine.train.coach.ContinueTraining(5, 8, "/runs/r");
        assertThat(card.actions()).containsExactly(more);
        assertThat(more.label()).isEqualTo("Train 5 more epochs");

        withContinue.apply(card.id(), more);
        withContinue.apply(card.id(), more);

        assertThat(continued).as("once").containsExactly(more);
        assertThat(withContinue.cards().get(0).isApplied(more)).isTrue();

        withContinue.onEvents(List.<TrainingEvent>of(RunStarted.builder().setRunId("r").setEpochs(8, 2)
                .optFirstBatch(4, 1).build()));
        assertThat(withContinue.cards()).as("the run goes on: the card was followed").isEmpty();
    }

    private static List<TrainingEvent> stillImprovingRun() {
        List<TrainingEvent> run = new ArrayList<>();
        run.add(RunStarted.builder().setRunId("r").setEpochs(3, 2).build());
        double[] losses = {1.2, 1.0, 0.8};
        long step = 1;
        for (int e = 1; e <= 3; e++) {
            for (int b = 1; b <= 2; b++) {
                run.add(BatchEnded.builder().setBatch(e, b, 2).setStep(step++).setLoss(losses[e - 1]).optAccuracy(0.8)
                        .setLearningRate(0.01).setSamplesPerSecond(5_000).build());
            }
            run.add(new EpochEnded(e, losses[e - 1], 0.8, losses[e - 1], 0.8, 0.01, 1));
        }
        run.add(RunFinished.builder().setRun("r", "/runs/r").setEpochs(3, 3)
                .setTest(new TestMetrics(10, 0.8, 0.8, List.of("a", "b"), new double[2], new double[2], new int[0][],
                        Double.NaN, Double.NaN)).build());
        return run;
    }
}
