package org.layerloom.editor.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LatestResultTest {

    /** Runs what it was given only when asked, in the order given. */
    private static final class ManualExecutor implements Executor {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final List<String> done = new ArrayList<>();
    private final List<Exception> failed = new ArrayList<>();

    @Test
    void the_latest_request_wins_and_an_older_result_arriving_later_is_dropped() {
        ManualExecutor background = new ManualExecutor();
        ManualExecutor fx = new ManualExecutor();
        LatestResult<String> latest = new LatestResult<>("Reading", background, fx);
        latest.submit(ticket -> "old", done::add, failed::add);
        latest.submit(ticket -> "new", done::add, failed::add);

        Runnable oldWork = background.queued.poll();
        background.runAll();
        fx.runAll();
        assertThat(done).containsExactly("new");

        oldWork.run();
        fx.runAll();
        assertThat(done).containsExactly("new");
        assertThat(failed).isEmpty();
    }

    @Test
    void busy_is_true_until_the_latest_outcome_is_handled() {
        ManualExecutor background = new ManualExecutor();
        ManualExecutor fx = new ManualExecutor();
        LatestResult<String> latest = new LatestResult<>("Reading", background, fx);
        assertThat(latest.busyProperty().get()).isFalse();

        List<Boolean> busyInHandler = new ArrayList<>();
        latest.submit(ticket -> "one", r -> busyInHandler.add(latest.busyProperty().get()), failed::add);
        assertThat(latest.busyProperty().get()).isTrue();
        background.runAll();
        assertThat(latest.busyProperty().get()).isTrue();
        fx.runAll();
        assertThat(latest.busyProperty().get()).isFalse();
        assertThat(busyInHandler).containsExactly(true);
    }

    @Test
    void an_older_outcome_does_not_clear_busy_while_a_newer_request_runs() {
        ManualExecutor background = new ManualExecutor();
        ManualExecutor fx = new ManualExecutor();
        LatestResult<String> latest = new LatestResult<>("Reading", background, fx);
        latest.submit(ticket -> "old", done::add, failed::add);
        Runnable oldWork = background.queued.poll();
        latest.submit(ticket -> "new", done::add, failed::add);

        oldWork.run();
        fx.runAll();
        assertThat(latest.busyProperty().get()).isTrue();
        background.runAll();
        fx.runAll();
        assertThat(latest.busyProperty().get()).isFalse();
        assertThat(done).containsExactly("new");
    }

    @Test
    void a_failure_is_published_as_a_failure() {
        LatestResult<String> latest = new LatestResult<>("Reading", Runnable::run, Runnable::run);
        IOException broken = new IOException("disk gone");
        latest.submit(ticket -> {
            throw broken;
        }, done::add, failed::add);

        assertThat(failed).containsExactly(broken);
        assertThat(done).isEmpty();
        assertThat(latest.busyProperty().get()).isFalse();
    }

    @Test
    void a_handler_that_submits_again_keeps_busy_on() {
        ManualExecutor background = new ManualExecutor();
        LatestResult<String> latest = new LatestResult<>("Reading", background, Runnable::run);
        latest.submit(ticket -> "first", r -> latest.submit(t -> "second", done::add, failed::add), failed::add);
        background.queued.poll().run();
        assertThat(latest.busyProperty().get()).isTrue();
        background.runAll();
        assertThat(done).containsExactly("second");
        assertThat(latest.busyProperty().get()).isFalse();
    }

    @Test
    void cancel_drops_the_outcome_clears_busy_and_tells_the_work_it_was_superseded() {
        ManualExecutor background = new ManualExecutor();
        LatestResult<String> latest = new LatestResult<>("Reading", background, Runnable::run);
        List<Boolean> current = new ArrayList<>();
        latest.submit(ticket -> {
            current.add(ticket.isCurrent());
            return "late";
        }, done::add, failed::add);
        latest.cancel();
        assertThat(latest.busyProperty().get()).isFalse();

        background.runAll();
        assertThat(current).containsExactly(false);
        assertThat(done).isEmpty();
        assertThat(latest.busyProperty().get()).isFalse();
    }
}
