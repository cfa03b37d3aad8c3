package org.layerloom.engine.project;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Lays a JSON tree out as text for people and for git: an object or list that holds only plain values
 * (such as a position, a layer's parameters or a shape) stays on one line, as in
 * {@code "position" : { "x" : 40.0, "y" : 200.0 }}; anything else gets one line
 * per entry, indented by two spaces; LF line ends and a final newline. The same tree always gives the
 * same text. Stateless; any thread.
 */
final class JsonLayout {

    private static final String INDENT = "  ";

    private JsonLayout() {
    }

    static String format(JsonNode root) {
        StringBuilder out = new StringBuilder(4096);
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, depth, out);
        } else if (node.isArray()) {
            writeArray(node, depth, out);
        } else {
            out.append(node.toString());
        }
    }

    private static void writeObject(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{ }");
            return;
        }
        boolean inline = isFlat(node);
        out.append(inline ? "{ " : "{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!inline) {
                out.append(INDENT.repeat(depth + 1));
            }
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(field.getKey())).append("\" : ");
            write(field.getValue(), depth + 1, out);
            if (it.hasNext()) {
                out.append(inline ? ", " : ",\n");
            }
        }
        out.append(inline ? " }" : "\n" + INDENT.repeat(depth) + "}");
    }

    /** {@code [ 1, 28, 28 ]}, or {@code [ {}, {} ]} with each object laid out on its own lines. */
    private static void writeArray(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(node.get(i), depth, out);
        }
        out.append(" ]");
    }

    /** True for an object or list of plain values, empty objects and lists of such. */
    private static boolean isFlat(JsonNode node) {
        for (JsonNode child : node) {
            if ((child.isObject() && !child.isEmpty()) || (child.isArray() && !isFlat(child))) {
                return false;
            }
        }
        return true;
    }
}
