package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * The activation names frameworks write ({@code 'relu'}, {@code 'softmax'}, None) and what they become: the
 * activation option of a Dense or convolution, or a layer of their own (softmax). Stateless.
 */
final class Activations {

    /** The names that a Dense or convolution layer can apply itself, by framework name. */
    private static final Map<String, String> BUILT_IN = Map.of("relu", "relu", "leaky_relu", "leaky_relu",
            "elu", "elu", "gelu", "gelu", "sigmoid", "sigmoid", "tanh", "tanh", "linear", "none");

    /** Activation functions as layers of their own. */
    private static final Map<String, LayerKind> AS_LAYER = Map.of("relu", LayerKind.RELU, "leaky_relu",
            LayerKind.LEAKY_RELU, "elu", LayerKind.ELU, "gelu", LayerKind.GELU, "sigmoid", LayerKind.SIGMOID,
            "tanh", LayerKind.TANH, "softmax", LayerKind.SOFTMAX);

    private Activations() {
    }

    /**
     * {@code step} with the activation named by {@code activation} applied: as its activation option, or
     * followed by a Softmax layer.
     */
    static List<LayerStep> after(LayerStep step, Optional<String> activation, BoundArgs args) {
        String name = activation.orElse("linear");
        List<LayerStep> steps = new ArrayList<>();
        if (name.equals("softmax")) {
            steps.add(step);
            steps.add(LayerStep.of(LayerKind.SOFTMAX, step.pos(), "softmax"));
            return steps;
        }
        String option = BUILT_IN.get(name);
        if (option == null) {
            throw unknown(name, args.pos("activation"));
        }
        steps.add(option.equals("none") ? step : step.with("activation", new ParamValue.Choice(option)));
        return steps;
    }

    /** The layer for an activation written on its own, such as {@code Activation('relu')}; none for linear. */
    static List<LayerStep> asLayer(String name, SourcePos pos, BoundArgs args) {
        if (name.equals("linear")) {
            return List.of();
        }
        LayerKind kind = AS_LAYER.get(name);
        if (kind == null) {
            throw unknown(name, args.pos("activation"));
        }
        return List.of(LayerStep.of(kind, pos, name));
    }

    private static ImportFailure unknown(String name, SourcePos pos) {
        return new ImportFailure(pos, "LayerLoom has no '" + name + "' activation.",
                "Use one of relu, leaky_relu, elu, gelu, sigmoid, tanh, softmax or linear.");
    }
}
