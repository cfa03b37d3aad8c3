package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

class HealthActionsTest {

    private static final NetworkGraph SIGMOID = RecordedRun.mlp("sigmoid", 32, 32);
    private static final NetworkGraph RELU = RecordedRun.mlp("relu", 32, 32);

    private static CoachContext context(NetworkGraph graph) {
        return new CoachContext(10, 0.01, 0, 64, 0, 8, Optional.empty(), graph);
    }

    private static HealthAdvice advice(HealthSignal signal, List<String> nodes) {
        return new HealthAdvice(signal, nodes, "t", "r", "s");
    }

    @Test
    void vanishing_gradients_in_a_sigmoid_network_offer_relu_everywhere_as_one_step() {
        List<CoachAction> actions = HealthActions.of(advice(HealthSignal.VANISHING_GRADIENTS, List.of("dense1")), 0.01,
                context(SIGMOID));
        assertThat(actions).hasSize(1);
        GraphChange change = (GraphChange) actions.get(0);
        NetworkGraph edited = change.edit(SIGMOID).applyTo(SIGMOID);
        assertThat(edited.nodesOfKind(LayerKind.DENSE)).extracting(n -> n.params().choice("activation"))
                .containsExactly("relu", "relu", "none");
        assertThat(change.edit(SIGMOID).description()).isEqualTo("Use ReLU instead of sigmoid/tanh");
        assertThat(change.appliesTo(edited)).as("nothing left to change").isFalse();
    }

    @Test
    void vanishing_gradients_in_a_relu_network_offer_no_activation_change() {
        assertThat(HealthActions.of(advice(HealthSignal.VANISHING_GRADIENTS, List.of("dense1")), 0.01,
                context(RELU))).isEmpty();
    }

    @Test
    void dead_relus_offer_leaky_relu_in_those_layers_only() {
        List<CoachAction> actions = HealthActions.of(advice(HealthSignal.DEAD_RELUS, List.of("dense2")), 0.01,
                context(RELU));
        NetworkGraph edited = ((GraphChange) actions.get(0)).edit(RELU).applyTo(RELU);
        assertThat(edited.nodesOfKind(LayerKind.DENSE)).extracting(Node::id, n -> n.params().choice("activation"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dense1", "relu"),
                        org.assertj.core.groups.Tuple.tuple("dense2", "leaky_relu"),
                        org.assertj.core.groups.Tuple.tuple("dense3", "none"));
    }

    @Test
    void small_steps_caused_by_vanishing_gradients_or_beside_large_ones_get_no_larger_rate() {
        HealthAdvice small = advice(HealthSignal.UPDATES_TOO_SMALL, List.of("dense1"));
        assertThat(HealthActions.of(small, java.util.Set.of(HealthSignal.UPDATES_TOO_SMALL,
                HealthSignal.VANISHING_GRADIENTS), 0.01, context(SIGMOID))).isEmpty();
        assertThat(HealthActions.of(small, java.util.Set.of(HealthSignal.UPDATES_TOO_SMALL,
                HealthSignal.UPDATES_TOO_LARGE), 0.01, context(SIGMOID))).isEmpty();
    }

    @Test
    void step_size_signals_scale_the_learning_rate() {
        assertThat(HealthActions.of(advice(HealthSignal.EXPLODING_GRADIENTS, List.of()), 0.01, context(RELU)))
                .containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.01, 0.001));
        assertThat(HealthActions.of(advice(HealthSignal.UPDATES_TOO_SMALL, List.of()), 0.0001, context(RELU)))
                .containsExactly(new SettingChange(Setting.LEARNING_RATE, 0.0001, 0.001));
    }
}
