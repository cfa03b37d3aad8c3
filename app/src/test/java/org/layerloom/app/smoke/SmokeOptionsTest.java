package org.layerloom.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmokeOptionsTest {

    @Test
    void is_requested_only_by_the_flag_as_first_argument() {
        assertThat(SmokeOptions.requested(new String[] {"--smoke-test"})).isTrue();
        assertThat(SmokeOptions.requested(new String[] {"validate", "--smoke-test"})).isFalse();
        assertThat(SmokeOptions.requested(new String[0])).isFalse();
    }

    @Test
    void defaults_to_the_spirals_sample_three_minutes_and_no_screenshot() {
        SmokeOptions options = SmokeOptions.parse(new String[] {"--smoke-test"});

        assertThat(options).isEqualTo(new SmokeOptions(180, Optional.empty(), "spirals"));
    }

    @Test
    void reads_timeout_screenshot_and_sample() {
        SmokeOptions options = SmokeOptions.parse(new String[] {"--smoke-test", "--smoke-timeout=30",
                "--smoke-screenshot=out/start.png", "--smoke-sample=moons"});

        assertThat(options).isEqualTo(new SmokeOptions(30, Optional.of(Path.of("out/start.png")), "moons"));
    }

    @Test
    void refuses_an_unknown_option_and_names_the_known_ones() {
        assertThatThrownBy(() -> SmokeOptions.parse(new String[] {"--smoke-test", "--fast"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fast").hasMessageContaining("--smoke-timeout=");
    }

    @Test
    void refuses_a_timeout_that_is_not_a_positive_whole_number() {
        assertThatThrownBy(() -> SmokeOptions.parse(new String[] {"--smoke-test", "--smoke-timeout=soon"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> SmokeOptions.parse(new String[] {"--smoke-test", "--smoke-timeout=0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
