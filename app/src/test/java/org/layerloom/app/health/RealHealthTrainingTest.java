package org.layerloom.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerloom.app.coach.CoachCard;
import org.layerloom.app.coach.CoachViewModel;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.train.coach.ActivationChange;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Health captures of two real short MNIST trainings of six-hidden-layer MLPs, fed to the health and coach
 * view-models: with sigmoid the first layer's gradient vanishes and the coach offers ReLU; with ReLU it does not.
 */
class RealHealthTrainingTest {

    static final NetworkGraph SIGMOID = HealthTrainings.deep("sigmoid");
    static final NetworkGraph RELU = HealthTrainings.deep("relu");
    static List<TrainingEvent> sigmoidRun;
    static List<TrainingEvent> reluRun;

    @BeforeAll
    static void train() throws Exception {
        sigmoidRun = HealthTrainings.deepRun("sigmoid");
        reluRun = HealthTrainings.deepRun("relu");
    }

    static Function<String, String> names(NetworkGraph graph) {
        return id -> graph.node(id).map(Node::name).orElse(id);
    }

    private static HealthViewModel fed(NetworkGraph graph, List<TrainingEvent> run) {
        HealthViewModel model = new HealthViewModel(names(graph));
        model.onEvents(run);
        return model;
    }

    private static double firstToLargest(HealthViewModel model) {
        List<LayerRow> trainable = model.rows().stream().filter(r -> !Double.isNaN(r.gradientNorm())).toList();
        double largest = trainable.stream().mapToDouble(LayerRow::gradientNorm).max().orElseThrow();
        return trainable.get(0).gradientNorm() / largest;
    }

    @Test
    void the_sigmoid_network_shows_vanishing_gradients_and_saturation() {
        HealthViewModel model = fed(SIGMOID, sigmoidRun);
        assertThat(model.captureCount()).isGreaterThanOrEqualTo(3);
        assertThat(model.rows()).hasSize(9);
        double ratio = firstToLargest(model);
        System.out.printf(Locale.ROOT, "deep sigmoid: first/largest gradient norm %.2e; %s%n", ratio, model.headline());
        assertThat(ratio).isLessThan(0.01);
        assertThat(model.headline()).startsWith("Gradients vanish: the first layer, Dense 1, gets a gradient");
        assertThat(model.rows().get(1).saturated()).as("sigmoid layers report saturation").isBetween(0.0, 1.0);
        assertThat(model.previews()).as("previews of every node").hasSizeGreaterThanOrEqualTo(9);
        assertThat(model.gradientScale().position(model.gradientNorms().values().iterator().next()))
                .isLessThan(0.3);
    }

    @Test
    void the_relu_network_lets_gradients_reach_the_first_layer() {
        HealthViewModel model = fed(RELU, reluRun);
        double ratio = firstToLargest(model);
        System.out.printf(Locale.ROOT, "deep relu: first/largest gradient norm %.2e; %s%n", ratio, model.headline());
        assertThat(ratio).isGreaterThan(0.05);
        assertThat(model.headline()).doesNotStartWith("Gradients vanish");
        assertThat(model.rows().get(1).dead()).isBetween(0.0, 1.0);
    }

    @Test
    void the_coach_offers_relu_for_the_sigmoid_network_and_no_vanishing_card_for_the_relu_one() {
        CoachViewModel sigmoid = new CoachViewModel(() -> new CoachContext(10, 0.1, 0, 64, 0, 8, Optional.empty(),
                SIGMOID, false), names(SIGMOID), s -> { }, e -> { });
        sigmoid.onEvents(sigmoidRun);
        CoachCard vanishing = sigmoid.cards().stream().filter(c -> c.title().equals("Vanishing gradients"))
                .findFirst().orElseThrow();
        assertThat(vanishing.source()).isEqualTo("Health");
        assertThat(vanishing.actions()).singleElement().isInstanceOf(ActivationChange.class);
        NetworkGraph fixed = ((ActivationChange) vanishing.actions().get(0)).edit(SIGMOID).applyTo(SIGMOID);
        assertThat(fixed.nodes()).filteredOn(n -> n.params().has("activation"))
                .extracting(n -> n.params().choice("activation")).doesNotContain("sigmoid");
        System.out.println("deep sigmoid coach: " + sigmoid.cards().stream().map(CoachCard::title).toList());

        CoachViewModel relu = new CoachViewModel(() -> new CoachContext(10, 0.1, 0, 64, 0, 8, Optional.empty(),
                RELU, false), names(RELU), s -> { }, e -> { });
        relu.onEvents(reluRun);
        System.out.println("deep relu coach: " + relu.cards().stream().map(CoachCard::title).toList());
        assertThat(relu.cards()).extracting(CoachCard::title).doesNotContain("Vanishing gradients");
    }
}
