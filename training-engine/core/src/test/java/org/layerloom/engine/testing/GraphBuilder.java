package org.layerloom.engine.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * The one way tests of every module build graphs, in a few readable lines: nodes with parameter overrides
 * (named like the editor names them, or with ids and positions of the test's choosing), joined by wires.
 * Wherever {@code params} appears, it alternates names and values (ints, doubles, booleans, strings, int[]
 * or {@link ParamValue}s). Test code only; one builder per thread.
 */
public final class GraphBuilder {

    private NetworkGraph graph = NetworkGraph.empty();
    private double x;

    /** Adds a node of {@code kind} with the editor's next id and name, 160 units right of the previous one. */
    public String add(LayerKind kind, Object... params) {
        String id = add(kind, new Position(x, 100), params(params));
        x += 160;
        return id;
    }

    /** Adds a node of {@code kind} with the editor's next id and name at {@code at}; returns its id. */
    public String add(LayerKind kind, Position at, Parameters overrides) {
        Node node = GraphEdits.newNode(graph, kind, at, overrides);
        graph = GraphEdits.addNode(graph, node).applyTo(graph);
        return node.id();
    }

    /** Adds {@code node} as it is (see {@link #node}). */
    public GraphBuilder add(Node node) {
        graph = GraphEdits.addNode(graph, node).applyTo(graph);
        return this;
    }

    /** A node with this id, also its name, at (x, y): the catalog's defaults with {@code params} over them. */
    public static Node node(String id, LayerKind kind, double x, double y, Object... params) {
        return new Node(id, kind, id, LayerCatalog.standard().type(kind).defaultParameters().withAll(params(params)),
                new Position(x, y));
    }

    /** Parameter overrides from alternating names and values. */
    public static Parameters params(Object... params) {
        Parameters overrides = Parameters.empty();
        for (int i = 0; i < params.length; i += 2) {
            overrides = overrides.with((String) params[i], value(params[i + 1]));
        }
        return overrides;
    }

    /** Wires joining the nodes one after another. */
    public static List<Wire> wires(String... ids) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i + 1 < ids.length; i++) {
            wires.add(Wire.between(ids[i], ids[i + 1]));
        }
        return wires;
    }

    /** An Input node for one example of this shape (token ids or real numbers). */
    public String input(TensorShape shape) {
        return add(LayerKind.INPUT, "shape", shape.dims().stream().mapToInt(Integer::intValue).toArray(),
                "values", shape.isTokenIds() ? "token_ids" : "real");
    }

    public static ParamValue value(Object v) {
        if (v instanceof ParamValue p) {
            return p;
        }
        if (v instanceof Integer i) {
            return new ParamValue.Int(i);
        }
        if (v instanceof Double d) {
            return new ParamValue.Real(d);
        }
        if (v instanceof Boolean b) {
            return new ParamValue.Flag(b);
        }
        if (v instanceof String s) {
            return new ParamValue.Choice(s);
        }
        if (v instanceof int[] dims) {
            return ParamValue.Dims.of(dims);
        }
        throw new IllegalArgumentException("no parameter value for " + v);
    }

    /** Adds a wire from {@code from}'s output to {@code to}'s input. */
    public GraphBuilder wire(String from, String to) {
        graph = GraphEdits.connect(graph, PortRef.out(from), PortRef.in(to)).applyTo(graph);
        return this;
    }

    /** Wires the nodes one after another. */
    public GraphBuilder chain(String... ids) {
        for (int i = 0; i + 1 < ids.length; i++) {
            wire(ids[i], ids[i + 1]);
        }
        return this;
    }

    public NetworkGraph build() {
        return graph;
    }

    /** Input(real values of this shape) → layers… → Output(loss), as a chain. */
    public static NetworkGraph chainOf(int[] inputShape, String loss, LayerSpec... layers) {
        return chainOf(TensorShape.of(inputShape), loss, layers);
    }

    /**
     * {@code graph} with the node {@code from} given the id (and name) {@code to}, its wires following it: a
     * hand-edited project file's ids, which the editor never makes.
     */
    public static NetworkGraph renamed(NetworkGraph graph, String from, String to) {
        List<Node> nodes = graph.nodes().stream()
                .map(n -> n.id().equals(from) ? new Node(to, n.kind(), to, n.params(), n.position()) : n).toList();
        List<Wire> wires = graph.wires().stream().map(w -> Wire.between(w.from().nodeId().equals(from) ? to
                : w.from().nodeId(), w.to().nodeId().equals(from) ? to : w.to().nodeId())).toList();
        return new NetworkGraph(nodes, wires);
    }

    /** Input(shape) → layers… → Output(loss), as a chain. */
    public static NetworkGraph chainOf(TensorShape input, String loss, LayerSpec... layers) {
        GraphBuilder b = new GraphBuilder();
        String[] ids = new String[layers.length + 2];
        ids[0] = b.input(input);
        for (int i = 0; i < layers.length; i++) {
            ids[i + 1] = b.add(layers[i].kind(), layers[i].params());
        }
        ids[ids.length - 1] = b.add(LayerKind.OUTPUT, "loss", loss);
        return b.chain(ids).build();
    }

    public static LayerSpec layer(LayerKind kind, Object... params) {
        return new LayerSpec(kind, params);
    }

    /** A layer kind with parameter overrides, for {@link #chainOf}. */
    public record LayerSpec(LayerKind kind, Object... params) {
        @Override
        public String toString() {
            return kind.id() + Arrays.toString(params);
        }
    }
}
