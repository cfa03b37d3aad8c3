package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras model's config: its name, its class ({@code Dense}, {@code LSTM}, …), its config and the
 * names of the layers whose outputs it reads, in order. Immutable; any thread.
 */
record KerasLayer(String name, String className, JsonNode config, List<String> inbound) {

    KerasLayer {
        inbound = List.copyOf(inbound);
    }

    /** "'dense_1' (Dense)", how problems and notes name the layer. */
    String who() {
        return "'" + name + "' (" + className + ")";
    }
}
