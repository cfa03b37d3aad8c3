package org.layerloom.engine.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The self-test in a child JVM reports what the same self-test reports in this process. */
class SelfTestProcessTest {

    @Test
    void the_child_reports_every_case_as_this_process_does() throws Exception {
        Engine.getInstance();
        Optional<OneDnnSwitch> oneDnn = OneDnnSwitch.find();
        boolean before = oneDnn.map(OneDnnSwitch::enabled).orElse(true);
        try {
            // libtorch's own kernels: right on every processor seen, so both reports must pass, case by case.
            boolean off = oneDnn.map(s -> s.set(false)).orElse(false);
            SelfTestReport here = KernelSelfTest.run();
            SelfTestReport child = SelfTestProcess.inChild(!off, false, 1);

            assertThat(child.cases()).extracting(CaseResult::name)
                    .containsExactlyElementsOf(here.cases().stream().map(CaseResult::name).toList());
            assertThat(child.cases()).extracting(CaseResult::passed)
                    .containsExactlyElementsOf(here.cases().stream().map(CaseResult::passed).toList());
            assertThat(SelfTestProcess.run().cases()).hasSameSizeAs(here.cases());
        } finally {
            oneDnn.ifPresent(s -> s.set(before));
        }
    }

    @Test
    void a_report_with_cases_missing_is_refused() {
        assertThatThrownBy(() -> SelfTestProcess.parse("case\tconv2d\t0.0\t0.0\t\ttrue\nmillis\t3\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("1 of");
        assertThatThrownBy(() -> SelfTestProcess.parse("case\tconv2d\tx\t0.0\t\ttrue\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("unreadable");
    }
}
