package org.layerloom.editor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;

/**
 * A layered layout: every node goes one layer after the furthest node that feeds it (a longest path
 * from the inputs, ignoring wires that close a loop), layers run left to right or top to bottom, and
 * nodes within a layer are ordered by the average place of what feeds them. Stateless; any thread.
 */
public final class TidyLayout {

    /** Which way the data flows on the canvas after tidying. */
    public enum Direction { LEFT_TO_RIGHT, TOP_TO_BOTTOM }

    static final double LAYER_GAP = 96;
    static final double ROW_GAP = 44;
    static final double MARGIN = 40;

    private TidyLayout() {
    }

    /** The new top-left corner of every node. */
    public static Map<String, Position> positions(NetworkGraph graph, Direction direction) {
        Map<String, List<String>> sources = new HashMap<>();
        for (Wire wire : graph.wires()) {
            sources.computeIfAbsent(wire.to().nodeId(), k -> new ArrayList<>()).add(wire.from().nodeId());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < graph.nodes().size(); i++) {
            index.put(graph.nodes().get(i).id(), i);
        }
        Map<String, Integer> layer = layers(graph);
        int layerCount = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<Node>> columns = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            columns.add(new ArrayList<>());
        }
        for (Node node : graph.nodes()) {
            columns.get(layer.get(node.id())).add(node);
        }
        Map<String, Double> rank = new HashMap<>();
        int widest = 0;
        for (List<Node> column : columns) {
            List<Node> sorted = new ArrayList<>(column);
            Map<String, Double> key = new HashMap<>();
            for (Node node : column) {
                key.put(node.id(), barycenter(sources.getOrDefault(node.id(), List.of()), index.get(node.id()), rank));
            }
            sorted.sort(Comparator.comparingDouble(n -> key.get(n.id())));
            for (int i = 0; i < sorted.size(); i++) {
                rank.put(sorted.get(i).id(), (double) i - (sorted.size() - 1) / 2.0);
            }
            column.clear();
            column.addAll(sorted);
            widest = Math.max(widest, sorted.size());
        }
        Map<String, Position> result = new LinkedHashMap<>();
        boolean lr = direction == Direction.LEFT_TO_RIGHT;
        double along = lr ? NodeGeometry.WIDTH + LAYER_GAP : NodeGeometry.HEIGHT + LAYER_GAP * 0.6;
        double across = lr ? NodeGeometry.HEIGHT + ROW_GAP : NodeGeometry.WIDTH + ROW_GAP;
        double centre = (widest - 1) / 2.0 * across;
        for (int l = 0; l < columns.size(); l++) {
            for (Node node : columns.get(l)) {
                double a = MARGIN + l * along;
                double b = MARGIN + centre + rank.get(node.id()) * across;
                result.put(node.id(), lr ? new Position(a, b) : new Position(b, a));
            }
        }
        return result;
    }

    private static double barycenter(List<String> sources, int index, Map<String, Double> rank) {
        double sum = 0;
        int n = 0;
        for (String source : sources) {
            Double r = rank.get(source);
            if (r != null) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? index * 1e-3 : sum / n;
    }

    /**
     * Longest path from a source, in topological order; nodes on a loop keep the layer they reached.
     * The layers do not depend on how the order breaks ties.
     */
    private static Map<String, Integer> layers(NetworkGraph graph) {
        GraphTopology topology = GraphTopology.of(graph);
        Map<String, Integer> layer = new HashMap<>();
        for (String id : topology.order()) {
            layer.putIfAbsent(id, 0);
            for (String next : topology.targetsOf(id)) {
                layer.merge(next, layer.get(id) + 1, Math::max);
            }
        }
        for (Node node : graph.nodes()) {
            layer.putIfAbsent(node.id(), 0);
        }
        return layer;
    }
}
