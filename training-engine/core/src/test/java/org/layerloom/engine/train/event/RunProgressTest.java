package org.layerloom.engine.train.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private static RunStarted run(int epochs, int firstEpoch, int firstBatch) {
        return RunStarted.builder().setRunId("r").setEpochs(epochs, 10).optFirstBatch(firstEpoch, firstBatch).build();
    }

    private static BatchEnded batch(int epoch, int batch) {
        return BatchEnded.builder().setBatch(epoch, batch, 10).setStep((epoch - 1) * 10L + batch).setLoss(0.5)
                .setLearningRate(0.01).setSamplesPerSecond(640).build();
    }

    @Test
    void nothing_is_known_before_a_run_starts() {
        assertThat(RunProgress.NONE.fraction()).isZero();
        assertThat(RunProgress.NONE.secondsTrained(5 * SECOND)).isZero();
        assertThat(RunProgress.NONE.secondsLeft(5 * SECOND)).isNaN();
        assertThat(RunProgress.NONE.samplesPerSecond()).isNaN();
    }

    @Test
    void batches_give_the_position_the_share_done_and_the_speed() {
        RunProgress p = RunProgress.started(run(4, 1, 1), 0).after(batch(1, 1)).after(batch(1, 2)).after(batch(1, 3));

        assertThat(p.epoch()).isEqualTo(1);
        assertThat(p.epochs()).isEqualTo(4);
        assertThat(p.batch()).isEqualTo(3);
        assertThat(p.batchesInEpoch()).isEqualTo(10);
        assertThat(p.fraction()).isEqualTo(3 / 40.0);
        assertThat(p.epochFraction()).isEqualTo(0.3);
        assertThat(p.samplesPerSecond()).isEqualTo(640);
    }

    @Test
    void time_left_follows_the_speed_so_far() {
        RunProgress p = RunProgress.started(run(2, 1, 1), 0);
        assertThat(p.secondsLeft(SECOND)).as("no batch yet").isNaN();
        for (int b = 1; b <= 5; b++) {
            p = p.after(batch(1, b));
        }

        assertThat(p.secondsTrained(10 * SECOND)).isEqualTo(10.0);
        assertThat(p.secondsLeft(10 * SECOND)).isEqualTo(30.0);
    }

    @Test
    void a_pause_counts_neither_as_time_trained_nor_towards_the_speed() {
        RunProgress p = RunProgress.started(run(2, 1, 1), 0).after(batch(1, 1)).after(batch(1, 2));
        RunProgress paused = p.paused(4 * SECOND);

        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.secondsTrained(64 * SECOND)).isEqualTo(4.0);
        assertThat(paused.paused(30 * SECOND).secondsTrained(64 * SECOND)).as("a second pause event").isEqualTo(4.0);
        RunProgress resumed = paused.resumed(64 * SECOND);
        assertThat(resumed.isPaused()).isFalse();
        assertThat(resumed.secondsTrained(66 * SECOND)).isEqualTo(6.0);
        assertThat(resumed.secondsLeft(66 * SECOND)).isEqualTo(18 / (2 / 6.0));
    }

    @Test
    void a_resumed_run_counts_the_batches_before_it_as_done_but_not_its_speed() {
        RunProgress p = RunProgress.started(run(2, 2, 1), 0);
        assertThat(p.epoch()).isEqualTo(2);
        assertThat(p.fraction()).isEqualTo(0.5);

        p = p.after(batch(2, 1));

        assertThat(p.fraction()).isEqualTo(11 / 20.0);
        assertThat(p.secondsLeft(2 * SECOND)).as("9 batches at 1 batch per 2 s").isEqualTo(18.0);
    }

    @Test
    void nothing_is_left_at_the_end() {
        RunProgress p = RunProgress.started(run(1, 1, 1), 0);
        for (int b = 1; b <= 10; b++) {
            p = p.after(batch(1, b));
        }
        assertThat(p.fraction()).isEqualTo(1.0);
        assertThat(p.secondsLeft(SECOND)).isNaN();
    }
}
