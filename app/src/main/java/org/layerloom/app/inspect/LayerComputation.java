package org.layerloom.app.inspect;

import java.util.List;
import java.util.Objects;
import org.layerloom.engine.inspect.compute.LayerWorking;

/**
 * What the "How this layer computes" panel shows: one node's {@link LayerWorking} for the chosen input,
 * with the names the student reads next to its numbers. Immutable; any thread.
 *
 * @param nodeName    the node's name
 * @param sourceNames the names of the nodes feeding it, in wire order (where its x values come from)
 * @param tokens      the words of the input, one per step, for a network that reads token ids; else empty
 * @param input       the input it was worked out for
 */
public record LayerComputation(String nodeName, LayerWorking working, List<String> sourceNames, List<String> tokens,
                               InputSample input) {

    public LayerComputation {
        Objects.requireNonNull(working, "working");
        sourceNames = List.copyOf(sourceNames);
        tokens = List.copyOf(tokens);
    }

    /** The name of the first source, or "the input". */
    public String sourceName() {
        return sourceNames.isEmpty() ? "the input" : sourceNames.get(0);
    }

    /** The word at step {@code t}, or "step t+1" when the input is not text. */
    public String step(int t) {
        return t < tokens.size() ? tokens.get(t) : "step " + (t + 1);
    }
}
