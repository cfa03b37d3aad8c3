package org.layerloom.app.train.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.train.WeightWatch;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.WeightStep;

class StepViewModelTest {

    private final List<WeightWatch> sent = new ArrayList<>();
    private final StepViewModel model = new StepViewModel(sent::add);

    private static BatchStepped stepOf(String parameter, List<Integer> index) {
        WeightStep weight = new WeightStep(parameter, index, "sgd", Map.of("momentum", 0.0), 0.1, 1, 2, 2, 0,
                Map.of(), Map.of(), 4, 0.8);
        Map<String, List<Integer>> shapes = new java.util.LinkedHashMap<>();
        shapes.put("dense1_weight", List.of(16, 4));
        shapes.put("dense1_bias", List.of(16));
        return new BatchStepped(1, 4, 4, weight, 0.7, 0.69, shapes);
    }

    @Test
    void the_first_step_lists_the_parameters_and_shows_the_engines_default_weight() {
        assertThat(model.choose("dense1_weight", new int[] {0, 0})).isFalse();
        assertThat(model.problemProperty().get()).contains("Train one step first");

        model.batchStepped(stepOf("dense1_weight", List.of(0, 0)));

        assertThat(model.parameters()).containsExactly("dense1_weight", "dense1_bias");
        assertThat(model.chosenProperty().get()).isEqualTo(new WeightWatch("dense1_weight", 0));
        assertThat(model.choiceIsPending()).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void a_chosen_weight_goes_to_the_run_and_is_pending_until_a_step_shows_it() {
        model.batchStepped(stepOf("dense1_weight", List.of(0, 0)));

        assertThat(model.choose("dense1_weight", new int[] {3, 2})).isTrue();

        assertThat(sent).containsExactly(new WeightWatch("dense1_weight", 3 * 4 + 2));
        assertThat(model.choiceIsPending()).isTrue();
        assertThat(model.chosenIndex()).containsExactly(3, 2);
        model.batchStepped(stepOf("dense1_weight", List.of(3, 2)));
        assertThat(model.choiceIsPending()).isFalse();
    }

    @Test
    void an_index_outside_the_parameter_is_refused_with_where() {
        model.batchStepped(stepOf("dense1_weight", List.of(0, 0)));

        assertThat(model.choose("dense1_weight", new int[] {16, 0})).isFalse();

        assertThat(model.problemProperty().get()).isEqualTo("That weight does not exist: index 16 of dimension 1 of"
                + " dense1_weight lies outside 0..15.");
        assertThat(sent).isEmpty();
        assertThat(StepViewModel.dimensionNames(4)).containsExactly("filter", "channel", "row", "column");
    }
}
