package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Places an imported network left to right: every layer one column after the furthest layer that feeds it,
 * the layers of a column one below the other. Stateless; any thread.
 */
final class ImportLayout {

    private static final double MARGIN = 40;
    private static final double COLUMN_GAP = 96;
    private static final double ROW_GAP = 44;

    private ImportLayout() {
    }

    /** The graph with every node moved; nodes must be in an order where sources come first. */
    static NetworkGraph apply(NetworkGraph graph) {
        Map<String, Integer> column = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        List<Node> placed = new ArrayList<>();
        for (Node node : graph.nodes()) {
            int col = 0;
            for (Wire wire : graph.wiresInto(node.id())) {
                col = Math.max(col, column.getOrDefault(wire.from().nodeId(), 0) + 1);
            }
            column.put(node.id(), col);
            int row = rows.merge(col, 1, Integer::sum) - 1;
            placed.add(node.withPosition(new Position(MARGIN + col * (GraphEdits.NODE_WIDTH + COLUMN_GAP),
                    MARGIN + row * (GraphEdits.NODE_HEIGHT + ROW_GAP))));
        }
        return new NetworkGraph(placed, graph.wires());
    }
}
