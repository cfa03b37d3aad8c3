package org.layerloom.engine.imports.keras;

import static org.layerloom.engine.imports.keras.KerasConfigValues.flag;
import static org.layerloom.engine.imports.keras.KerasConfigValues.integer;
import static org.layerloom.engine.imports.keras.KerasConfigValues.real;
import static org.layerloom.engine.imports.keras.KerasConfigValues.refused;
import static org.layerloom.engine.imports.keras.KerasConfigValues.text;

import java.util.List;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;

/**
 * Translates a Keras SimpleRNN, LSTM or GRU config into LayerLoom's parameters, refusing what LayerLoom's
 * (PyTorch's) recurrent layers compute differently: other activations, hard-sigmoid gates, a GRU with
 * {@code reset_after=False}, state options. Stateless; any thread.
 */
final class KerasRecurrentParams {

    private KerasRecurrentParams() {
    }

    static LayerKind kind(KerasLayer layer) {
        return switch (layer.className()) {
            case "LSTM" -> LayerKind.LSTM;
            case "GRU" -> LayerKind.GRU;
            default -> LayerKind.SIMPLE_RNN;
        };
    }

    /** The node's parameters; notes what is left out where predictions stay the same. */
    static Parameters of(KerasLayer layer, ImportLog log) {
        String cls = layer.className();
        for (String option : List.of("return_state", "go_backwards", "stateful")) {
            if (flag(layer, option, false)) {
                throw refused(layer, "has " + option + "=True, which LayerLoom's recurrent layers do not have");
            }
        }
        String activation = text(layer, "activation", "tanh");
        if (!activation.equals("tanh") && !(cls.equals("SimpleRNN") && activation.equals("relu"))) {
            throw refused(layer, "uses the activation '" + activation + "'; LayerLoom's " + cls + " uses tanh");
        }
        if (!cls.equals("SimpleRNN")) {
            String gate = text(layer, "recurrent_activation", "sigmoid");
            if (!gate.equals("sigmoid")) {
                throw refused(layer, "uses recurrent_activation='" + gate + "' for its gates; LayerLoom's " + cls
                        + " (PyTorch's) uses the exact sigmoid, and " + gate + " gives other values. Train the model"
                        + " with recurrent_activation='sigmoid' to import it");
            }
        }
        if (cls.equals("GRU") && !flag(layer, "reset_after", false)) {
            throw refused(layer, "has reset_after=False (or a Keras too old to write it), which applies the reset"
                    + " gate before the recurrent weights; LayerLoom's GRU (PyTorch's) applies it after, as Keras"
                    + " does with reset_after=True, its default since 2.3");
        }
        if (real(layer, "dropout", 0) > 0 || real(layer, "recurrent_dropout", 0) > 0) {
            log.note("Layer " + layer.who() + " has dropout inside the recurrence, which LayerLoom's " + cls
                    + " has not; it only acts in training, so predictions are the same.");
        }
        if (!flag(layer, "use_bias", true)) {
            log.note("Layer " + layer.who() + " has no bias; LayerLoom's " + cls + " has one, which starts at 0.");
        }
        Parameters p = KerasGraphBuilder.params("units", integer(layer, "units"), "return_sequences",
                returnsSequences(layer));
        return kind(layer) == LayerKind.SIMPLE_RNN ? p.with("nonlinearity", new ParamValue.Choice(activation)) : p;
    }

    static boolean returnsSequences(KerasLayer layer) {
        return flag(layer, "return_sequences", false);
    }
}
