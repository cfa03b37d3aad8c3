package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serial queue with hand-run executors: order, busy through chains, dropped and failed results. */
class TaskQueueTest {

    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final ArrayDeque<Runnable> fx = new ArrayDeque<>();
    private final TaskQueue queue = new TaskQueue(background::add, fx::add);
    private final List<String> log = new ArrayList<>();

    private void runAll() {
        while (!background.isEmpty() || !fx.isEmpty()) {
            while (!background.isEmpty()) {
                background.poll().run();
            }
            while (!fx.isEmpty()) {
                fx.poll().run();
            }
        }
    }

    @Test
    void tasks_run_in_the_order_submitted_and_results_arrive_on_the_fx_side() {
        queue.submit(() -> {
            log.add("work 1");
            return 1;
        }, r -> log.add("done " + r), e -> log.add("failed"));
        queue.submit(() -> {
            log.add("work 2");
            return 2;
        }, r -> log.add("done " + r), e -> log.add("failed"));
        assertThat(queue.busyProperty().get()).isTrue();

        runAll();

        assertThat(log).containsExactly("work 1", "work 2", "done 1", "done 2");
        assertThat(queue.busyProperty().get()).isFalse();
    }

    @Test
    void a_task_queued_by_a_result_keeps_the_queue_busy_until_it_ends() {
        List<Boolean> busyWhenChained = new ArrayList<>();
        queue.submit(() -> 1, r -> queue.submit(() -> 2, r2 -> busyWhenChained.add(queue.busyProperty().get()),
                e -> { }), e -> { });
        background.poll().run();
        fx.poll().run();

        assertThat(queue.busyProperty().get()).as("the chained task is pending").isTrue();
        runAll();
        assertThat(busyWhenChained).containsExactly(true);
        assertThat(queue.busyProperty().get()).isFalse();
    }

    @Test
    void a_result_of_an_older_generation_is_dropped_and_handed_to_its_cleanup() {
        queue.submit(() -> "old run", r -> log.add("shown " + r), e -> log.add("failed"), r -> log.add("closed " + r));
        queue.advance();
        queue.submit(() -> "new run", r -> log.add("shown " + r), e -> log.add("failed"), r -> log.add("closed " + r));

        runAll();

        assertThat(log).containsExactlyInAnyOrder("shown new run", "closed old run");
    }

    @Test
    void a_failure_reaches_the_failure_handler_with_its_cause_and_later_tasks_still_run() {
        queue.submit(() -> {
            throw new java.io.IOException("no manifest.json");
        }, r -> log.add("done"), e -> log.add("failed: " + e.getMessage()));
        queue.submit(() -> 3, r -> log.add("done " + r), e -> log.add("failed"));

        runAll();

        assertThat(log).containsExactly("failed: no manifest.json", "done 3");
    }
}
