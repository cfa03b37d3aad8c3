package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunControlTest {

    @Test
    void a_paused_worker_waits_until_resumed_and_reports_both_moments() throws Exception {
        RunControl control = new RunControl();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        AtomicBoolean goOn = new AtomicBoolean();
        control.pause();
        Thread worker = new Thread(() -> {
            try {
                goOn.set(control.awaitBatch(() -> {
                    seen.add("paused");
                    paused.countDown();
                }, () -> seen.add("resumed")) != RunControl.Turn.STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.isAlive()).isTrue();
        control.resume();
        worker.join(5000);
        assertThat(goOn).isTrue();
        assertThat(seen).containsExactly("paused", "resumed");
    }

    @Test
    void stop_ends_a_pause_and_tells_the_worker_to_finish() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        List<Boolean> result = new ArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                result.add(control.awaitBatch(() -> { }, () -> result.add(null)) != RunControl.Turn.STOP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        Thread.sleep(50);
        control.stop();
        worker.join(5000);
        assertThat(result).containsExactly(false);
    }

    @Test
    void a_new_learning_rate_is_taken_once() {
        RunControl control = new RunControl();
        assertThat(control.takeLearningRate()).isEmpty();
        control.setLearningRate(0.01);
        assertThat(control.takeLearningRate()).hasValue(0.01);
        assertThat(control.takeLearningRate()).isEmpty();
        assertThatThrownBy(() -> control.setLearningRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> control.setLearningRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_step_from_a_pause_trains_one_batch_and_the_next_turn_pauses_again() throws Exception {
        RunControl control = new RunControl();
        control.pause();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch pausedOnce = new CountDownLatch(1);
        CountDownLatch pausedTwice = new CountDownLatch(1);
        List<RunControl.Turn> turns = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                turns.add(control.awaitBatch(() -> {
                    seen.add("paused");
                    pausedOnce.countDown();
                }, () -> seen.add("resumed")));
                turns.add(control.awaitBatch(() -> {
                    seen.add("paused");
                    pausedTwice.countDown();
                }, () -> seen.add("resumed")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        assertThat(pausedOnce.await(5, TimeUnit.SECONDS)).isTrue();
        control.step();
        // The stepped batch is trained; the next turn pauses again and waits: stop ends it.
        assertThat(pausedTwice.await(5, TimeUnit.SECONDS)).isTrue();
        control.stop();
        worker.join(5000);
        assertThat(turns).containsExactly(RunControl.Turn.STEP, RunControl.Turn.STOP);
        assertThat(seen).containsExactly("paused", "paused");
    }

    @Test
    void a_step_while_running_trains_the_next_batch_as_a_step_and_then_pauses() throws Exception {
        RunControl control = new RunControl();
        control.step();
        assertThat(control.awaitBatch(() -> { }, () -> { })).isEqualTo(RunControl.Turn.STEP);
        assertThat(control.isPauseRequested()).isTrue();
        control.resume();
        assertThat(control.awaitBatch(() -> { }, () -> { })).isEqualTo(RunControl.Turn.TRAIN);
    }

    @Test
    void slow_motion_waits_at_least_its_pause_before_a_batch() throws Exception {
        RunControl control = new RunControl();
        control.setSlowMotion(120);
        long start = System.nanoTime();
        assertThat(control.awaitBatch(() -> { }, () -> { })).isEqualTo(RunControl.Turn.TRAIN);
        assertThat((System.nanoTime() - start) / 1e6).isGreaterThanOrEqualTo(120);
        assertThatThrownBy(() -> control.setSlowMotion(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 ms");
    }

    @Test
    void stop_and_pause_end_a_slow_motion_wait() throws Exception {
        RunControl control = new RunControl();
        control.setSlowMotion(3_600_000);
        List<RunControl.Turn> turns = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                turns.add(control.awaitBatch(paused::countDown, () -> { }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        control.pause();
        assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
        control.stop();
        worker.join(5000);
        assertThat(turns).containsExactly(RunControl.Turn.STOP);
    }
}
