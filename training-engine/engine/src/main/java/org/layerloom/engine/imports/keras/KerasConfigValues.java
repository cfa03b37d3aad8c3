package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads values of one Keras layer config the way Keras writes them (a window size as {@code 3} or
 * {@code [3, 3]}, an absent option as its Keras default), refusing what LayerLoom cannot express with a sentence
 * naming the layer. Stateless; any thread.
 */
final class KerasConfigValues {

    private KerasConfigValues() {
    }

    static int integer(KerasLayer layer, String key) {
        JsonNode value = layer.config().path(key);
        if (!value.canConvertToInt() || !value.isNumber()) {
            throw refused(layer, "has no whole number '" + key + "' (found " + value + ")");
        }
        return value.asInt();
    }

    static double real(KerasLayer layer, String key, double fallback) {
        JsonNode value = layer.config().path(key);
        return value.isNumber() ? value.asDouble() : fallback;
    }

    static boolean flag(KerasLayer layer, String key, boolean fallback) {
        JsonNode value = layer.config().path(key);
        return value.isBoolean() ? value.asBoolean() : fallback;
    }

    static String text(KerasLayer layer, String key, String fallback) {
        JsonNode value = layer.config().path(key);
        return value.isTextual() ? value.asText() : fallback;
    }

    /** The layer's activation by name; "linear" when it has none; a custom (serialised) function is refused. */
    static String activation(KerasLayer layer) {
        JsonNode value = layer.config().path("activation");
        if (value.isMissingNode() || value.isNull()) {
            return "linear";
        }
        if (!value.isTextual()) {
            throw refused(layer, "uses a custom activation function (" + value.path("class_name").asText(
                    value.toString()) + "), which LayerLoom cannot read from the file");
        }
        return value.asText();
    }

    /** A square window ({@code 3} or {@code [3, 3]}); {@code fallback} when absent or null. */
    static int square(KerasLayer layer, String key, int fallback) {
        JsonNode value = layer.config().path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.canConvertToInt() && value.isNumber()) {
            return value.asInt();
        }
        if (value.isArray() && value.size() == 2 && value.get(0).canConvertToInt()
                && value.get(0).asInt() == value.get(1).asInt()) {
            return value.get(0).asInt();
        }
        throw refused(layer, "has " + key + " " + value + "; LayerLoom's windows, strides and dilations are"
                + " square (the same along height and width)");
    }

    /** The sizes of a shape without the batch axis; every size must be known. */
    static List<Integer> dims(KerasLayer layer, JsonNode shape, boolean withBatch) {
        if (!shape.isArray()) {
            throw refused(layer, "has no shape");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = withBatch ? 1 : 0; i < shape.size(); i++) {
            JsonNode d = shape.get(i);
            if (d.isNull()) {
                throw refused(layer, "has the shape " + shape + " with an open size (None); LayerLoom needs every"
                        + " size but the batch fixed, e.g. a fixed sequence length");
            }
            if (!d.canConvertToInt() || d.asInt() < 1) {
                throw refused(layer, "has the shape " + shape + ", which is not a list of sizes");
            }
            dims.add(d.asInt());
        }
        return dims;
    }

    /** "Layer 'x' (Cls) {reason}, so it cannot be imported." as an exception to report. */
    static KerasFormatException refused(KerasLayer layer, String reason) {
        return new KerasFormatException("Layer " + layer.who() + " " + reason + ", so it cannot be imported.");
    }
}
