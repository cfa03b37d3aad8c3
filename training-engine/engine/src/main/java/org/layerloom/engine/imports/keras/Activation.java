package org.layerloom.engine.imports.keras;

import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Parameters;

/**
 * A Keras activation name translated: the {@code activation} option of a LayerLoom Dense or Conv2D, the node
 * that must follow it where no option computes the same ({@code kind}: Softmax; LeakyReLU, because Keras's
 * slope 0.2 is not the option's 0.01), and the layer kind of the same function as a node of its own. Immutable;
 * any thread.
 *
 * @param option    the Dense/Conv2D activation option ("none" when a node of {@code kind} follows)
 * @param kind      the node that must follow the layer, or null
 * @param layerKind the function as a node of its own (for Keras's Activation layer); null for linear
 * @param params    that node's parameters
 */
record Activation(String option, LayerKind kind, LayerKind layerKind, Parameters params) {

    static final Activation NONE = new Activation("none", null, null, Parameters.empty());

    static Activation of(KerasLayer layer, String name) {
        return switch (name) {
            case "linear", "" -> NONE;
            case "relu" -> own("relu", LayerKind.RELU, Parameters.empty());
            case "sigmoid" -> own("sigmoid", LayerKind.SIGMOID, Parameters.empty());
            case "tanh" -> own("tanh", LayerKind.TANH, Parameters.empty());
            case "elu" -> own("elu", LayerKind.ELU, KerasGraphBuilder.params("alpha", 1.0));
            case "gelu" -> own("gelu", LayerKind.GELU, Parameters.empty());
            case "softmax" -> following(LayerKind.SOFTMAX, Parameters.empty());
            case "leaky_relu" -> following(LayerKind.LEAKY_RELU, KerasGraphBuilder.params("alpha", 0.2));
            default -> throw KerasConfigValues.refused(layer, "uses the activation '" + name + "', which LayerLoom"
                    + " does not have (it has relu, leaky_relu, elu, gelu, sigmoid, tanh and softmax)");
        };
    }

    private static Activation own(String option, LayerKind kind, Parameters params) {
        return new Activation(option, null, kind, params);
    }

    private static Activation following(LayerKind kind, Parameters params) {
        return new Activation("none", kind, kind, params);
    }
}
