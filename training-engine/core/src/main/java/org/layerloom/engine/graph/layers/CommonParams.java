package org.layerloom.engine.graph.layers;

import java.util.List;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ParamSpec;

/** Parameters several layer kinds share, defined once. */
final class CommonParams {

    static final String ACTIVATION = "activation";
    static final String BIAS = "bias";
    static final String NONE = "none";

    /** The activations a Dense or convolution layer can apply to its own output. */
    static final List<ChoiceOption> ACTIVATIONS = List.of(
            new ChoiceOption(NONE, "none (linear)"),
            new ChoiceOption("relu", "ReLU"),
            new ChoiceOption("leaky_relu", "Leaky ReLU"),
            new ChoiceOption("elu", "ELU"),
            new ChoiceOption("gelu", "GELU"),
            new ChoiceOption("sigmoid", "Sigmoid"),
            new ChoiceOption("tanh", "Tanh"));

    static final ParamSpec ACTIVATION_SPEC = ParamSpec.choice(ACTIVATION, "Activation", NONE, ACTIVATIONS,
            "A function applied to every output value. 'none' keeps the layer linear; ReLU is the usual choice"
                    + " for hidden layers. You can also add an activation as a layer of its own.");

    static final ParamSpec BIAS_SPEC = ParamSpec.flag(BIAS, "Use bias", true,
            "Whether each output also gets a learned offset b. Leave it on unless a BatchNorm follows.");

    private CommonParams() {
    }

    static ParamSpec dropout(String name, double defaultRate, String help) {
        return ParamSpec.real(name, "Dropout rate", defaultRate, org.layerloom.engine.graph.Range.rightOpen(0, 1), help);
    }
}
