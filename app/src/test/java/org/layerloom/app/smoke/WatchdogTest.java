package org.layerloom.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private final StringWriter err = new StringWriter();
    private final SmokeReport report = new SmokeReport(new PrintWriter(new StringWriter()), Optional.empty());

    @Test
    void ends_the_process_with_the_timeout_code_and_names_the_step_it_hung_in() throws Exception {
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        report.begin("start JavaFX");
        new Watchdog(50, report, new PrintWriter(err), halted::complete).start();

        assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(Watchdog.EXIT_TIMED_OUT);
        assertThat(err.toString()).contains("did not finish within").contains("'start JavaFX'");
    }

    @Test
    void does_nothing_once_cancelled() throws Exception {
        CompletableFuture<Integer> halted = new CompletableFuture<>();
        Watchdog watchdog = new Watchdog(200, report, new PrintWriter(err), halted::complete);
        watchdog.start();
        watchdog.cancel();

        Thread.sleep(400);
        assertThat(halted).isNotDone();
        assertThat(err.toString()).isEmpty();
    }
}
