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
                goOn.set(control.awaitTurn(() -> {
                    seen.add("paused");
                    paused.countDown();
                }, () -> seen.add("resumed")));
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
                result.add(control.awaitTurn(() -> { }, () -> result.add(null)));
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
}
