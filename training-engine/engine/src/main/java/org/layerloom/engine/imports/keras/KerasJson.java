package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** Parses the JSON texts of Keras files with Jackson, with problems a student reads. Stateless; any thread. */
final class KerasJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KerasJson() {
    }

    static JsonNode parse(byte[] text, String what) {
        return parse(new String(text, StandardCharsets.UTF_8), what);
    }

    static JsonNode parse(String text, String what) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new KerasFormatException("The " + what + " is not a JSON object, so it holds no Keras model.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new KerasFormatException("The " + what + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage() + ").", e);
        }
    }
}
