package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one-click actions for the health coach's cards ({@code inspect.health.HealthCoach}): a 10× smaller
 * learning rate for exploding gradients and too-large steps, a 10× larger one for too-small steps, ReLU
 * instead of sigmoid/tanh for vanishing gradients (every such layer) and saturated layers (those layers),
 * Leaky ReLU for dead ReLU layers. Graph changes are offered only when the run's network has layers they
 * would change. A larger learning rate is not offered when the same capture also shows vanishing gradients
 * or too-large steps elsewhere: then the small steps are the gradients' doing, and a larger rate would throw
 * the other layers off. Stateless; any thread.
 */
public final class HealthActions {

    static final Set<String> SQUASHING = Set.of("sigmoid", "tanh");

    private HealthActions() {
    }

    /** The actions for {@code advice}, given the learning rate in use and the run's context. */
    public static List<CoachAction> of(HealthAdvice advice, double learningRate, CoachContext context) {
        return of(advice, Set.of(advice.signal()), learningRate, context);
    }

    /**
     * The actions for {@code advice}, one of the cards of a capture that showed {@code together}, given the
     * learning rate in use and the run's context.
     */
    public static List<CoachAction> of(HealthAdvice advice, Set<HealthSignal> together, double learningRate,
                                       CoachContext context) {
        List<CoachAction> actions = new ArrayList<>();
        switch (advice.signal()) {
            case EXPLODING_GRADIENTS, UPDATES_TOO_LARGE -> actions.add(new SettingChange(Setting.LEARNING_RATE,
                    learningRate, LearningRates.scaled(learningRate, 0.1)));
            case UPDATES_TOO_SMALL -> {
                if (!together.contains(HealthSignal.VANISHING_GRADIENTS)
                        && !together.contains(HealthSignal.UPDATES_TOO_LARGE)) {
                    actions.add(new SettingChange(Setting.LEARNING_RATE, learningRate,
                            LearningRates.scaled(learningRate, 10)));
                }
            }
            case VANISHING_GRADIENTS -> actions.add(new ActivationChange(List.of(), SQUASHING, "relu",
                    "Use ReLU instead of sigmoid/tanh"));
            case SATURATED_ACTIVATIONS -> actions.add(new ActivationChange(advice.nodeIds(), SQUASHING, "relu",
                    "Use ReLU in the saturated layers"));
            case DEAD_RELUS -> actions.add(new ActivationChange(advice.nodeIds(), Set.of("relu"), "leaky_relu",
                    "Use Leaky ReLU in those layers"));
            default -> {
            }
        }
        actions.removeIf(a -> a instanceof GraphChange g && !g.appliesTo(context.graph()));
        return actions;
    }
}
