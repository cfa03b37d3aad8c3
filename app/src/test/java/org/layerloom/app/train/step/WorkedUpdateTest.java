package org.layerloom.app.train.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.WeightStep;

class WorkedUpdateTest {

    /** Adam's second step of a weight 0.5 with gradient −0.0456, m = 0.0123 and v = 0.0004 before. */
    private static WeightStep adam() {
        double beta1 = 0.9f;
        double beta2 = 0.999f;
        double g = -0.0456;
        double m = beta1 * 0.0123 + (1 - beta1) * g;
        double v = beta2 * 0.0004 + (1 - beta2) * g * g;
        double mHat = m / (1 - beta1 * beta1);
        double vHat = v / (1 - beta2 * beta2);
        double after = 0.5 - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
        return new WeightStep("dense1_weight", List.of(3, 2), "adam", Map.of("beta1", beta1, "beta2", beta2,
                "epsilon", (double) 1e-8f, "weight decay", 0.0, "decoupled", 0.0), 0.01f, 0.5, g, g, 0,
                Map.of("m", 0.0123, "v", 0.0004), Map.of("m", m, "v", v), 2, after);
    }

    @Test
    void adams_update_is_written_out_with_the_recorded_numbers_filled_in() {
        List<WorkedUpdate.Line> lines = WorkedUpdate.lines(adam());

        assertThat(lines).extracting(WorkedUpdate.Line::name).containsExactly("m", "v", "m̂", "v̂", "step", "w′");
        assertThat(lines.get(0).text()).isEqualTo("m = β₁·m + (1−β₁)·g = 0.9·0.0123 + 0.1·(−0.0456) = 0.00651");
        assertThat(lines.get(1).text()).startsWith("v = β₂·v + (1−β₂)·g² = 0.999·0.0004 + 0.001·(−0.0456)² = ");
        assertThat(lines.get(2).text()).startsWith("m̂ = m / (1 − β₁ᵗ) = 0.00651 / (1 − 0.9²) = 0.0342");
        assertThat(lines.get(5).text()).startsWith("w′ = w − step = 0.5 − ");
        // The step computed from the bias-corrected moments lands on the recorded value after (within float32: the
        // view takes the settings as typed, 0.9 rather than the engine's 0.8999999762).
        assertThat(0.5 - lines.get(4).result()).isCloseTo(lines.get(5).result(), within(1e-7));
        assertThat(lines.get(5).result()).isEqualTo(adam().valueAfter());
    }

    @Test
    void sgd_with_momentum_and_decay_shows_the_decayed_gradient_and_the_buffer() {
        WeightStep step = new WeightStep("conv1_weight", List.of(2, 0, 1, 2), "sgd",
                Map.of("momentum", (double) 0.9f, "nesterov", 0.0, "weight decay", (double) 0.01f), 0.05f, -0.2,
                0.3, 0.3, 0, Map.of("b", 0.1), Map.of("b", 0.9 * 0.1 + 0.3 + 0.01 * -0.2), 7, -0.2 - 0.05 * 0.388);

        List<WorkedUpdate.Line> lines = WorkedUpdate.lines(step);

        assertThat(lines).extracting(WorkedUpdate.Line::text).containsExactly(
                "g = g + λ·w = 0.3 + 0.01·(−0.2) = 0.298",
                "b = μ·b + g = 0.9·0.1 + 0.298 = 0.388",
                "w′ = w − η·b = −0.2 − 0.05·0.388 = −0.2194");
        assertThat(WorkedUpdate.optimizerName(step)).isEqualTo("SGD with momentum");
    }

    @Test
    void plain_sgd_is_one_line() {
        WeightStep step = new WeightStep("w", List.of(0), "sgd", Map.of("momentum", 0.0, "nesterov", 0.0,
                "weight decay", 0.0), 0.1f, 1, 2, 2, 0, Map.of(), Map.of(), 1, 0.8);

        assertThat(WorkedUpdate.lines(step)).extracting(WorkedUpdate.Line::text)
                .containsExactly("w′ = w − η·g = 1 − 0.1·2 = 0.8");
    }

    @Test
    void numbers_keep_six_significant_digits_and_use_a_true_minus() {
        assertThat(WorkedUpdate.number(0.512345678)).isEqualTo("0.512346");
        assertThat(WorkedUpdate.number(-0.0456)).isEqualTo("−0.0456");
        assertThat(WorkedUpdate.number(1e-8)).isEqualTo("1e−8");
        assertThat(WorkedUpdate.number(-2.5e-5)).isEqualTo("−2.5e−5");
        assertThat(WorkedUpdate.number(0)).isEqualTo("0");
        assertThat(WorkedUpdate.number(1234.5)).isEqualTo("1234.5");
        assertThat(WorkedUpdate.superscript(1207)).isEqualTo("¹²⁰⁷");
    }
}
