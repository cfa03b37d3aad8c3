package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * The coach on real runs recorded with {@code layerloom train --json} (the spirals sample, an iris network
 * trained too briefly, the flowers sample) and on the MNIST recordings: it never shows two cards on one
 * setting, never speaks before a rule's warm-up, withdraws what no longer holds, and speaks at the end of a
 * short run that did not get far.
 */
class CoachRecordedRunsTest {

    private static final CoachContext SPIRALS = new CoachContext(3, 0.01, 0, 32, 0, 2);
    private static final CoachContext IRIS = new CoachContext(3, 0.001, 0, 16, 0, 2);
    private static final CoachContext FLOWERS = new CoachContext(3, 0.01, 0, 16, 0, 2);
    private static final CoachContext MNIST = new CoachContext(10, 0.001, 0, 64, 0, 8);

    /** A replay of a run as a panel shows it: the live cards, and everything said and taken back, in order. */
    static final class Board {
        final Map<CoachSituation, CoachAdvice> live = new EnumMap<>(CoachSituation.class);
        final List<CoachAdvice> said = new ArrayList<>();
        final List<CoachWithdrawal> withdrawn = new ArrayList<>();
        final Map<CoachSituation, Integer> withdrawnAtEpoch = new EnumMap<>(CoachSituation.class);
        int epoch;

        static Board replay(List<TrainingEvent> events, CoachContext context) {
            Board board = new Board();
            TrainingCoach coach = new TrainingCoach(context);
            for (TrainingEvent event : events) {
                if (event instanceof BatchEnded b) {
                    board.epoch = b.epoch();
                }
                CoachNews news = coach.observe(event);
                for (CoachWithdrawal w : news.withdrawn()) {
                    assertThat(board.live.remove(w.situation())).as("only live cards are withdrawn: " + w).isNotNull();
                    board.withdrawn.add(w);
                    board.withdrawnAtEpoch.put(w.situation(), board.epoch);
                }
                for (CoachAdvice a : news.advice()) {
                    board.live.put(a.situation(), a);
                    board.said.add(a);
                    assertOneCardPerSetting(board.live);
                }
                assertThat(board.live).isEqualTo(coach.live());
            }
            return board;
        }

        List<CoachSituation> situations() {
            return said.stream().map(CoachAdvice::situation).toList();
        }

        CoachAdvice advice(CoachSituation situation) {
            return said.stream().filter(a -> a.situation() == situation).findFirst().orElseThrow();
        }
    }

    static void assertOneCardPerSetting(Map<CoachSituation, CoachAdvice> live) {
        for (Setting setting : Setting.values()) {
            assertThat(live.values().stream().filter(a -> a.settings().contains(setting)).toList())
                    .as("live cards on " + setting.label()).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** No verdict before a rule's warm-up, none about accuracy from the first epoch; runaway losses excepted. */
    static void assertNoEarlyVerdict(Board board) {
        Map<CoachSituation, CoachRule> rules = new EnumMap<>(CoachSituation.class);
        List.of(new DivergenceRule(), new OscillationRule(), new PlateauRule(), new OverfittingRule(),
                new NearChanceRule(), new SlowRunRule(), new StillImprovingRule())
                .forEach(r -> rules.put(r.situation(), r));
        for (CoachAdvice advice : board.said) {
            if (advice.situation() != CoachSituation.DIVERGING && !advice.reason().startsWith("Test accuracy")) {
                assertThat(advice.step()).as(advice.situation() + " at step " + advice.step())
                        .isGreaterThanOrEqualTo(rules.get(advice.situation()).warmUpBatches());
            }
            if (advice.situation() == CoachSituation.NEAR_CHANCE) {
                assertThat(advice.reason()).doesNotContain("after epoch 1;");
            }
        }
    }

    /** No learning-rate card points the other way than the one before it at the same rate, runaway losses excepted. */
    static void assertNoFlipFlop(Board board) {
        SettingChange previous = null;
        for (CoachAdvice advice : board.said) {
            for (CoachAction action : advice.actions()) {
                if (action instanceof SettingChange c && c.setting() == Setting.LEARNING_RATE) {
                    if (previous != null && previous.from() == c.from()
                            && advice.situation() != CoachSituation.DIVERGING) {
                        assertThat(Math.signum(c.to() - c.from())).as("direction of " + c + " after " + previous)
                                .isEqualTo(Math.signum(previous.to() - previous.from()));
                    }
                    previous = c;
                }
            }
        }
    }

    @Test
    void the_spirals_run_that_was_told_to_raise_and_then_to_lower_the_rate_is_told_only_to_raise_it() {
        Board board = Board.replay(RecordedRun.loadJson("spirals-contradiction"), SPIRALS);
        assertNoEarlyVerdict(board);
        assertNoFlipFlop(board);
        assertThat(board.situations()).containsExactly(CoachSituation.NEAR_CHANCE, CoachSituation.EARLY_PLATEAU);
        CoachAdvice plateau = board.advice(CoachSituation.EARLY_PLATEAU);
        assertThat(plateau.epoch()).as("after its 150-batch warm-up, not at epoch 3").isEqualTo(5);
        assertThat(plateau.actions()).containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.03));
        assertThat(board.advice(CoachSituation.NEAR_CHANCE).reason())
                .isEqualTo("Training accuracy is 36 % after epoch 2; guessing among 3 classes gives 33 %.");
        assertThat(board.withdrawn).as("once the loss falls, raising the rate and guessing are moot").containsExactly(
                new CoachWithdrawal(CoachSituation.EARLY_PLATEAU, CoachWithdrawal.Why.MOOT),
                new CoachWithdrawal(CoachSituation.NEAR_CHANCE, CoachWithdrawal.Why.MOOT));
        assertThat(board.withdrawnAtEpoch.get(CoachSituation.EARLY_PLATEAU)).isBetween(25, 45);
        assertThat(board.live).isEmpty();
    }

    @Test
    void an_iris_network_at_37_percent_test_accuracy_after_5_epochs_hears_so_at_the_end_and_to_train_longer() {
        List<TrainingEvent> run = RecordedRun.loadJson("iris-5-epochs");
        Board during = Board.replay(run.subList(0, run.size() - 1), IRIS);
        assertThat(during.said).as("35 batches: too few for any verdict during the run").isEmpty();
        Board board = Board.replay(run, IRIS);
        assertNoEarlyVerdict(board);
        assertThat(board.situations()).containsExactly(CoachSituation.NEAR_CHANCE, CoachSituation.STILL_IMPROVING);
        assertThat(board.advice(CoachSituation.NEAR_CHANCE).reason())
                .isEqualTo("Test accuracy is 37 % after 5 epochs; guessing among 3 classes gives 33 %.");
        CoachAdvice longer = board.advice(CoachSituation.STILL_IMPROVING);
        assertThat(longer.reason()).isEqualTo("The validation loss fell from 1.26 (epoch 2) to 1.15 (epoch 5) when"
                + " the 5 epochs ran out.");
        assertThat(longer.actions()).containsExactly(new ContinueTraining(5, 10, "RUN_FOLDER"));
        assertThat(longer.actions().get(0).label()).isEqualTo("Train 5 more epochs");
        assertThat(longer.suggestion()).contains("layerloom train --resume RUN_FOLDER --epochs 10");
    }

    @Test
    void the_flowers_sample_that_learns_is_not_told_it_guesses_after_epoch_1_only_to_train_longer() {
        Board board = Board.replay(RecordedRun.loadJson("flowers-5-epochs"), FLOWERS);
        assertNoEarlyVerdict(board);
        assertThat(board.situations()).containsExactly(CoachSituation.STILL_IMPROVING);
    }

    @Test
    void the_mnist_recordings_keep_one_card_per_setting_and_give_no_early_verdict() {
        for (String name : List.of("healthy-mlp", "lr-too-high", "sgd-lr-too-high", "overfitting", "deep-sigmoid")) {
            Board board = Board.replay(RecordedRun.load(name), MNIST);
            assertNoEarlyVerdict(board);
            assertNoFlipFlop(board);
        }
    }

    @Test
    void a_stopped_run_is_not_told_to_train_longer() {
        List<TrainingEvent> run = new ArrayList<>(RecordedRun.loadJson("flowers-5-epochs"));
        RunFinished finished = (RunFinished) run.remove(run.size() - 1);
        run.add(RunFinished.builder().setRun(finished.runId(), finished.runFolder()).setEpochs(5, 5)
                .setTest(finished.test()).optEnd(true, "stopped by you").build());
        assertThat(Board.replay(run, FLOWERS).said).isEmpty();
    }
}
