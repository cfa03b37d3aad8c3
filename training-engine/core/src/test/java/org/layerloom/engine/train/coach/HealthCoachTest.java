package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.WeightHistogram;

class HealthCoachTest {

    private static LayerHealth layer(String id, String activation, double dead, double saturated, double grad,
                                     double ratio) {
        return new LayerHealth(id, "Dense", activation, 0.1, 0.2, 0.3, dead, saturated, grad, 1.0, ratio,
                WeightHistogram.EMPTY);
    }

    private static LayerHealth pooling(String id) {
        return new LayerHealth(id, "MaxPool2D", "none", 0.1, 0.2, 0.3, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, WeightHistogram.EMPTY);
    }

    @Test
    void healthy_statistics_give_no_advice() {
        List<LayerHealth> layers = List.of(layer("d1", "relu", 0.05, Double.NaN, 0.5, 1e-3), pooling("p"),
                layer("d2", "none", Double.NaN, Double.NaN, 0.8, 2e-3));
        assertThat(new HealthCoach().advise(layers)).isEmpty();
    }

    @Test
    void vanishing_gradients_name_the_first_layer() {
        List<LayerHealth> layers = List.of(layer("d1", "sigmoid", Double.NaN, 0.1, 1e-6, 1e-3),
                layer("d2", "sigmoid", Double.NaN, 0.1, 1e-3, 1e-3), layer("d3", "none", Double.NaN, Double.NaN, 0.5, 1e-3));
        List<HealthAdvice> advice = new HealthCoach(id -> "Layer " + id).advise(layers);
        assertThat(advice).extracting(HealthAdvice::signal).containsExactly(HealthSignal.VANISHING_GRADIENTS);
        assertThat(advice.get(0).nodeIds()).containsExactly("d1");
        assertThat(advice.get(0).reason()).contains("Layer d1");
        assertThat(advice.get(0).suggestion()).contains("ReLU", "BatchNorm", "residual");
    }

    @Test
    void exploding_gradients_win_over_vanishing_and_large_updates_are_flagged() {
        List<LayerHealth> layers = List.of(layer("d1", "relu", 0.0, Double.NaN, 1e-4, 0.5),
                layer("d2", "none", Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, 0.2));
        assertThat(new HealthCoach().advise(layers)).extracting(HealthAdvice::signal)
                .containsExactly(HealthSignal.EXPLODING_GRADIENTS, HealthSignal.UPDATES_TOO_LARGE);
    }

    @Test
    void steps_too_large_are_not_judged_in_adam_s_first_hundred_steps_but_tiny_ones_are() {
        List<LayerHealth> layers = List.of(layer("d1", "relu", 0.0, Double.NaN, 0.5, 0.2),
                layer("d2", "none", Double.NaN, Double.NaN, 0.4, 0.1));
        assertThat(new HealthCoach().advise(layers, 5, true)).as("step 5").isEmpty();
        assertThat(new HealthCoach().advise(layers, 99, true)).as("step 99").isEmpty();
        assertThat(new HealthCoach().advise(layers, 5, false)).as("SGD's steps are the gradient's from step 1")
                .extracting(HealthAdvice::signal).containsExactly(HealthSignal.UPDATES_TOO_LARGE);
        assertThat(new HealthCoach().advise(layers, 100, true)).extracting(HealthAdvice::signal)
                .containsExactly(HealthSignal.UPDATES_TOO_LARGE);
        List<LayerHealth> crawling = List.of(layer("d1", "relu", 0.0, Double.NaN, 0.5, 1e-7),
                layer("d2", "none", Double.NaN, Double.NaN, 0.4, 1e-3));
        assertThat(new HealthCoach().advise(crawling, 5, true)).extracting(HealthAdvice::signal)
                .containsExactly(HealthSignal.UPDATES_TOO_SMALL);
    }

    @Test
    void dead_relus_saturation_and_tiny_updates() {
        List<LayerHealth> layers = List.of(layer("d1", "relu", 0.7, Double.NaN, 0.5, 1e-7),
                layer("d2", "tanh", Double.NaN, 0.9, 0.4, 1e-3));
        List<HealthAdvice> advice = new HealthCoach().advise(layers);
        assertThat(advice).extracting(HealthAdvice::signal).containsExactly(HealthSignal.DEAD_RELUS,
                HealthSignal.SATURATED_ACTIVATIONS, HealthSignal.UPDATES_TOO_SMALL);
        assertThat(advice.get(0).reason()).contains("d1 (70 %)");
        assertThat(advice.get(1).nodeIds()).containsExactly("d2");
        assertThat(advice.get(2).suggestion()).contains("Raise the learning rate");
    }

    @Test
    void tiny_steps_beside_too_large_ones_or_vanishing_gradients_do_not_ask_for_a_larger_rate() {
        List<LayerHealth> uneven = List.of(layer("d1", "relu", 0.0, Double.NaN, 0.5, 1e-7),
                layer("d2", "none", Double.NaN, Double.NaN, 0.4, 0.5));
        HealthAdvice small = new HealthCoach().advise(uneven).stream()
                .filter(a -> a.signal() == HealthSignal.UPDATES_TOO_SMALL).findFirst().orElseThrow();
        assertThat(small.suggestion()).doesNotContain("Raise the learning rate").contains("BatchNorm");

        List<LayerHealth> vanishing = List.of(layer("d1", "sigmoid", Double.NaN, 0.1, 1e-7, 1e-7),
                layer("d2", "none", Double.NaN, Double.NaN, 0.5, 1e-3));
        HealthAdvice crawling = new HealthCoach().advise(vanishing).stream()
                .filter(a -> a.signal() == HealthSignal.UPDATES_TOO_SMALL).findFirst().orElseThrow();
        assertThat(crawling.suggestion()).doesNotContain("Raise the learning rate").contains("vanishing");
    }
}
