package org.layerloom.engine.compile;

import ai.djl.nn.Activation;
import java.util.Optional;
import org.layerloom.engine.graph.Node;

/**
 * The activation functions: the activation layer kinds (ReLU … Softmax) and the {@code activation}
 * option of Dense and convolution layers. Stateless.
 */
final class ActivationBlocks {

    /** PyTorch's default negative slope, used by the "leaky_relu" option of Dense and convolutions. */
    static final float DEFAULT_LEAKY_SLOPE = 0.01f;
    /** PyTorch's default α, used by the "elu" option of Dense and convolutions. */
    static final float DEFAULT_ELU_ALPHA = 1f;

    private ActivationBlocks() {
    }

    /** The block of an activation layer node. */
    static FunctionBlock layer(Node node) {
        return new FunctionBlock(function(node));
    }

    static ArrayFunction function(Node node) {
        return switch (node.kind()) {
            case RELU -> relu();
            case LEAKY_RELU -> leakyRelu((float) node.params().realValue(ParamNames.ALPHA));
            case ELU -> elu((float) node.params().realValue(ParamNames.ALPHA));
            case GELU -> gelu();
            case SIGMOID -> sigmoid();
            case TANH -> tanh();
            case SOFTMAX -> ArrayFunction.elementwise("softmax", a -> a.softmax(-1));
            default -> throw new IllegalArgumentException(node.kind() + " is not an activation layer");
        };
    }

    /** The function of an {@code activation} option ("none", "relu", …); empty for "none". */
    static Optional<ArrayFunction> option(String choice) {
        return switch (choice) {
            case "none" -> Optional.empty();
            case "relu" -> Optional.of(relu());
            case "leaky_relu" -> Optional.of(leakyRelu(DEFAULT_LEAKY_SLOPE));
            case "elu" -> Optional.of(elu(DEFAULT_ELU_ALPHA));
            case "gelu" -> Optional.of(gelu());
            case "sigmoid" -> Optional.of(sigmoid());
            case "tanh" -> Optional.of(tanh());
            default -> throw new IllegalArgumentException("unknown activation '" + choice + "'");
        };
    }

    /** The {@code activation} option of a node, if it has one other than "none". */
    static Optional<ArrayFunction> optionOf(Node node) {
        return node.params().has(ParamNames.ACTIVATION)
                ? option(node.params().choice(ParamNames.ACTIVATION)) : Optional.empty();
    }

    private static ArrayFunction relu() {
        return ArrayFunction.elementwise("relu", Activation::relu);
    }

    private static ArrayFunction leakyRelu(float slope) {
        return ArrayFunction.elementwise("leakyRelu", a -> Activation.leakyRelu(a, slope));
    }

    private static ArrayFunction elu(float alpha) {
        return ArrayFunction.elementwise("elu", a -> Activation.elu(a, alpha));
    }

    private static ArrayFunction gelu() {
        return ArrayFunction.elementwise("gelu", Activation::gelu);
    }

    private static ArrayFunction sigmoid() {
        return ArrayFunction.elementwise("sigmoid", Activation::sigmoid);
    }

    private static ArrayFunction tanh() {
        return ArrayFunction.elementwise("tanh", Activation::tanh);
    }
}
