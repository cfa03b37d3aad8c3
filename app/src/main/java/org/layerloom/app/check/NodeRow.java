package org.layerloom.app.check;

import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.text.Numbers;

/**
 * One line of a node table: a node's place in data-flow order (from 1), its id, name and kind, the
 * shape it produces (for the Output node, the prediction it receives; empty when it could not be
 * worked out) and its trainable parameters. Immutable; any thread.
 */
public record NodeRow(int number, String id, String name, LayerKind kind, Optional<TensorShape> output,
                      long parameters) {

    /** The shape as shown in tables, e.g. {@code 32×13×13}, or {@code ?} when unknown. */
    public String outputText() {
        return output.map(TensorShape::toString).orElse("?");
    }

    /** E.g. {@code 50,240}, or {@code ?} when the node's shape, and so its count, is unknown. */
    public String parametersText() {
        return output.isPresent() ? Numbers.count(parameters) : "?";
    }
}
