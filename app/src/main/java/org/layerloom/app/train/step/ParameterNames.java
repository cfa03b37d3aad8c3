package org.layerloom.app.train.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names a trainable parameter as the student knows it: the engine's name (DJL's, such as
 * {@code "01dense1_01linear_weight"}: the node id and the inner block, each with DJL's order prefix) becomes the
 * node's name in the graph and the parameter, {@code "Dense 1 · weight"}. Stateless apart from the node names it
 * is given; any thread.
 */
public final class ParameterNames {

    private final Map<String, String> nodeNames;

    /** @param nodeNames the graph's node names by node id */
    public ParameterNames(Map<String, String> nodeNames) {
        this.nodeNames = Map.copyOf(nodeNames);
    }

    /** The student's name of {@code parameter}; the engine's name when no node of the graph matches it. */
    public String display(String parameter) {
        String rest = parameter.replaceFirst("^\\d+", "");
        String node = null;
        for (String id : nodeNames.keySet()) {
            if (rest.startsWith(id + "_") && (node == null || id.length() > node.length())) {
                node = id;
            }
        }
        if (node == null) {
            return parameter;
        }
        List<String> parts = new ArrayList<>();
        for (String part : rest.substring(node.length() + 1).split("_")) {
            parts.add(part.replaceFirst("^\\d+", ""));
        }
        // A layer's one inner block (Dense's linear, Conv's conv2d) says nothing more than the node.
        List<String> shown = parts.size() == 2 ? parts.subList(1, 2) : parts;
        return nodeNames.get(node) + " · " + String.join(" ", shown);
    }
}
