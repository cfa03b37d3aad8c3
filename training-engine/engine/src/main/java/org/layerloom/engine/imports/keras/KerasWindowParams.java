package org.layerloom.engine.imports.keras;

import static org.layerloom.engine.imports.keras.KerasConfigValues.flag;
import static org.layerloom.engine.imports.keras.KerasConfigValues.integer;
import static org.layerloom.engine.imports.keras.KerasConfigValues.refused;
import static org.layerloom.engine.imports.keras.KerasConfigValues.square;
import static org.layerloom.engine.imports.keras.KerasConfigValues.text;

import org.layerloom.engine.graph.Parameters;

/**
 * Translates the window of a Keras Conv2D or 2-D pooling layer (size, strides, padding) into LayerLoom's square
 * window with even padding; {@code padding='same'} becomes {@code (k − 1) / 2} where that is what Keras pads
 * (stride 1, odd window) and is refused otherwise. Stateless; any thread.
 */
final class KerasWindowParams {

    private KerasWindowParams() {
    }

    /** A Conv2D's parameters with {@code activationOption}. */
    static Parameters conv2d(KerasLayer layer, String activationOption, ImportLog log) {
        int kernel = square(layer, "kernel_size", 0);
        int stride = square(layer, "strides", 1);
        if (square(layer, "dilation_rate", 1) != 1 || layer.config().path("groups").asInt(1) != 1) {
            throw refused(layer, "is dilated or grouped; LayerLoom's Conv2D is neither");
        }
        return KerasGraphBuilder.params("filters", integer(layer, "filters"), "kernel", kernel, "stride", stride,
                "padding", padding(layer, kernel, stride, log), "bias", flag(layer, "use_bias", true), "activation",
                activationOption);
    }

    /** A MaxPooling2D's or AveragePooling2D's parameters (strides default to the pool size, as in Keras). */
    static Parameters pool(KerasLayer layer) {
        int pool = square(layer, "pool_size", 2);
        int stride = square(layer, "strides", pool);
        if (!text(layer, "padding", "valid").equals("valid")) {
            throw refused(layer, "has padding='" + text(layer, "padding", "") + "'; only 'valid' pooling is read");
        }
        return KerasGraphBuilder.params("pool", pool, "stride", stride, "padding", 0);
    }

    private static int padding(KerasLayer layer, int kernel, int stride, ImportLog log) {
        String padding = text(layer, "padding", "valid");
        if (padding.equals("valid")) {
            return 0;
        }
        if (padding.equals("same") && stride == 1 && kernel % 2 == 1) {
            log.note("Layer " + layer.who() + " pads 'same': LayerLoom pads " + (kernel - 1) / 2 + " pixels on"
                    + " every side, which keeps the size the same way.");
            return (kernel - 1) / 2;
        }
        throw refused(layer, "has padding='" + padding + "' with window " + kernel + " and stride " + stride
                + "; Keras then pads unevenly, while LayerLoom pads every side alike");
    }
}
