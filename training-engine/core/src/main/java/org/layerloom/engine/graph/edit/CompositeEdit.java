package org.layerloom.engine.graph.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.layerloom.engine.graph.NetworkGraph;

/** Several edits that make one user action (one undo step), applied in order. */
public record CompositeEdit(String description, List<GraphEdit> edits) implements GraphEdit {

    public CompositeEdit {
        edits = List.copyOf(edits);
    }

    @Override
    public NetworkGraph applyTo(NetworkGraph graph) {
        NetworkGraph result = graph;
        for (GraphEdit edit : edits) {
            result = edit.applyTo(result);
        }
        return result;
    }

    @Override
    public GraphEdit inverted() {
        List<GraphEdit> inverse = new ArrayList<>(edits.size());
        for (GraphEdit edit : edits) {
            inverse.add(edit.inverted());
        }
        Collections.reverse(inverse);
        return new CompositeEdit(description, inverse);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }
}
