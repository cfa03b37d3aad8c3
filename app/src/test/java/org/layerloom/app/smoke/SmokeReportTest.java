package org.layerloom.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmokeReportTest {

    private final StringWriter text = new StringWriter();

    @Test
    void a_finished_step_prints_its_name_seconds_time_since_start_and_detail() {
        SmokeReport report = new SmokeReport(new PrintWriter(text), Optional.of(Instant.now().minusSeconds(5)));

        report.begin("show the start screen");
        report.done("12 samples");

        assertThat(text.toString()).startsWith("smoke: show the start screen")
                .containsPattern("\\d+\\.\\d\\d s  \\(at [5-9]\\.\\d\\d s\\)  12 samples");
    }

    @Test
    void leaves_out_the_time_since_start_when_the_system_does_not_tell() {
        SmokeReport report = new SmokeReport(new PrintWriter(text), Optional.empty());

        report.begin("train one epoch");
        report.done("");

        assertThat(text.toString()).contains("train one epoch").doesNotContain("(at");
        assertThat(report.sinceStart()).isEmpty();
    }

    @Test
    void knows_the_step_it_is_at_for_failure_messages() {
        SmokeReport report = new SmokeReport(new PrintWriter(text), Optional.empty());

        report.begin("open the spirals sample");
        assertThat(report.currentStep()).isEqualTo("open the spirals sample");
        report.done("");
        assertThat(report.currentStep()).isEqualTo("between steps after open the spirals sample");
    }
}
