package org.layerloom.engine.train.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.LayerHealth;

/**
 * Plain rules that turn one health capture ({@code LayerHealthCaptured.layers()}) into coach cards, at
 * most one per signal, naming every node concerned:
 * <ul>
 * <li>exploding gradients: a gradient norm above {@value #EXPLODING_NORM} or not finite;</li>
 * <li>vanishing gradients: the first trainable layer's gradient norm below {@value #VANISHING_RATIO} of the
 * largest (or every norm below {@value #TINY_NORM});</li>
 * <li>dead ReLUs: at least {@value #DEAD_FRACTION} of a ReLU layer's units zero on the whole probe batch;</li>
 * <li>saturated sigmoid/tanh: at least {@value #SATURATED_FRACTION} of the values at the flat ends;</li>
 * <li>update-to-parameter ratio above {@value #RATIO_HIGH} or below {@value #RATIO_LOW} (about 1e-3 is
 * healthy; the upper bound is loose because Adam's first epochs on MNIST sit near 1e-2 and learn well); with an
 * adaptive optimizer (Adam and its kin), steps that are too large are judged from step {@value #RATIO_WARM_UP}
 * on: its first steps are about as large as the learning rate whatever the gradient (its moment estimates start
 * at zero), so a small network at 0.01 would be told at step 5 to lower a rate that suits it.</li>
 * </ul>
 * Immutable; any thread.
 */
public final class HealthCoach {

    static final double EXPLODING_NORM = 100;
    static final double VANISHING_RATIO = 1e-3;
    static final double TINY_NORM = 1e-7;
    static final double DEAD_FRACTION = 0.5;
    static final double SATURATED_FRACTION = 0.5;
    static final double RATIO_HIGH = 3e-2;
    static final double RATIO_LOW = 1e-5;
    static final long RATIO_WARM_UP = 100;

    private final Function<String, String> names;

    /** A coach that names nodes by their ids. */
    public HealthCoach() {
        this(Function.identity());
    }

    /** @param names gives the name a student sees for a node id */
    public HealthCoach(Function<String, String> names) {
        this.names = names;
    }

    /** The cards for a capture, judging every signal (the step sizes too, whenever it was taken). */
    public List<HealthAdvice> advise(List<LayerHealth> layers) {
        return advise(layers, Long.MAX_VALUE, false);
    }

    /**
     * The cards for a capture taken at optimizer step {@code step}; with an {@code adaptive} optimizer, steps too
     * large are judged from step 100 on.
     */
    public List<HealthAdvice> advise(List<LayerHealth> layers, long step, boolean adaptive) {
        boolean judgeLargeSteps = !adaptive || step >= RATIO_WARM_UP;
        List<HealthAdvice> advice = new ArrayList<>();
        List<LayerHealth> trainable = layers.stream().filter(LayerHealth::hasParameters).toList();
        List<LayerHealth> exploding = select(trainable,
                l -> !Double.isFinite(l.gradientNorm()) || l.gradientNorm() > EXPLODING_NORM);
        if (!exploding.isEmpty()) {
            advice.add(new HealthAdvice(HealthSignal.EXPLODING_GRADIENTS, ids(exploding), "Exploding gradients",
                    "The gradient norm of " + list(exploding, l -> fmt(l.gradientNorm())) + " is very large (above "
                            + fmt(EXPLODING_NORM) + "), so one step can throw the weights far off.",
                    "Lower the learning rate (try 10× smaller), set a gradient clip of 1 in the optimizer settings,"
                            + " or add BatchNorm after the layers."));
        } else if (trainable.size() >= 2) {
            double largest = trainable.stream().mapToDouble(LayerHealth::gradientNorm).max().orElse(0);
            LayerHealth first = trainable.get(0);
            if (largest < TINY_NORM || first.gradientNorm() < VANISHING_RATIO * largest) {
                advice.add(new HealthAdvice(HealthSignal.VANISHING_GRADIENTS, List.of(first.nodeId()),
                        "Vanishing gradients",
                        "The first layer, " + names.apply(first.nodeId()) + ", gets a gradient norm of "
                                + fmt(first.gradientNorm()) + " while the largest is " + fmt(largest)
                                + ", so the early layers barely learn.",
                        "Use ReLU activations (with He initialisation) instead of sigmoid or tanh, add BatchNorm"
                                + " between layers, or add residual connections (Add) around deep blocks."));
            }
        }
        List<LayerHealth> dead = select(layers, l -> l.deadFraction() >= DEAD_FRACTION);
        if (!dead.isEmpty()) {
            advice.add(new HealthAdvice(HealthSignal.DEAD_RELUS, ids(dead), "Dead ReLUs",
                    "Share of units that output 0 for every probe example: " + percent(dead, LayerHealth::deadFraction)
                            + ". Such units no longer learn.",
                    "Lower the learning rate, use LeakyReLU instead of ReLU, or add BatchNorm before the"
                            + " activation."));
        }
        List<LayerHealth> saturated = select(layers, l -> l.saturatedFraction() >= SATURATED_FRACTION);
        if (!saturated.isEmpty()) {
            advice.add(new HealthAdvice(HealthSignal.SATURATED_ACTIVATIONS, ids(saturated),
                    "Saturated sigmoid/tanh",
                    "Share of outputs at the flat ends of the curve, where the gradient is almost zero: "
                            + percent(saturated, LayerHealth::saturatedFraction) + ".",
                    "Use ReLU instead, add BatchNorm before the activation, or normalise the inputs."));
        }
        List<LayerHealth> large = select(trainable, l -> judgeLargeSteps && l.updateRatio() > RATIO_HIGH);
        if (!large.isEmpty()) {
            advice.add(new HealthAdvice(HealthSignal.UPDATES_TOO_LARGE, ids(large), "Steps too large",
                    "Each step changes the weights of " + list(large, l -> fmt(l.updateRatio()))
                            + " of their size; about 0.001 is healthy.",
                    "Lower the learning rate (try 10× smaller)."));
        }
        List<LayerHealth> small = select(trainable, l -> l.updateRatio() > 0 && l.updateRatio() < RATIO_LOW);
        if (!small.isEmpty()) {
            advice.add(new HealthAdvice(HealthSignal.UPDATES_TOO_SMALL, ids(small), "Steps too small",
                    "Each step changes the weights of " + list(small, l -> fmt(l.updateRatio()))
                            + " of their size; about 0.001 is healthy, so learning crawls.",
                    smallStepsRemedy(advice)));
        }
        return advice;
    }

    /**
     * What to do about steps that are too small: a larger learning rate, unless the small steps come from
     * vanishing gradients or sit beside layers whose steps are already too large (then a larger rate would
     * make those worse, so the layers need evening out instead).
     */
    private static String smallStepsRemedy(List<HealthAdvice> sofar) {
        boolean vanishing = sofar.stream().anyMatch(a -> a.signal() == HealthSignal.VANISHING_GRADIENTS);
        boolean tooLarge = sofar.stream().anyMatch(a -> a.signal() == HealthSignal.UPDATES_TOO_LARGE);
        if (vanishing) {
            return "Fix the vanishing gradients first (see that card): a larger learning rate would not reach"
                    + " the early layers.";
        }
        if (tooLarge) {
            return "Other layers already take steps that are too large, so a larger learning rate would hurt"
                    + " them: add BatchNorm or LayerNorm so the layers learn at similar speeds.";
        }
        return "Raise the learning rate (try 10× larger) or use Adam.";
    }

    private static List<LayerHealth> select(List<LayerHealth> layers, Predicate<LayerHealth> rule) {
        return layers.stream().filter(rule).toList();
    }

    private static List<String> ids(List<LayerHealth> layers) {
        return layers.stream().map(LayerHealth::nodeId).toList();
    }

    private String list(List<LayerHealth> layers, Function<LayerHealth, String> value) {
        return String.join(", ", layers.stream().map(l -> names.apply(l.nodeId()) + " (" + value.apply(l) + ")")
                .toList());
    }

    private String percent(List<LayerHealth> layers, java.util.function.ToDoubleFunction<LayerHealth> value) {
        return list(layers, l -> Numbers.percent(value.applyAsDouble(l)));
    }

    private static String fmt(double x) {
        return Double.isFinite(x) ? Numbers.significant(x) : "not a number";
    }
}
