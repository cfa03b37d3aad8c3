package org.layerloom.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * What a layer's shape rule may see and do while one node is validated: the node, its parameters,
 * the shapes arriving at it (with the wires and nodes they come from), and the means to report a
 * problem with fixes. Created by {@link GraphValidator} for one node at a time; single thread.
 */
public final class ShapeContext {

    /** A wire arriving at the node, the node it comes from and the shape it carries. */
    public record Incoming(Wire wire, Node source, TensorShape shape) {
    }

    private final NetworkGraph graph;
    private final Node node;
    private final LayerType type;
    private final List<Incoming> incoming;
    private final List<Problem> problems;

    ShapeContext(NetworkGraph graph, Node node, LayerType type, List<Incoming> incoming, List<Problem> problems) {
        this.graph = graph;
        this.node = node;
        this.type = type;
        this.incoming = List.copyOf(incoming);
        this.problems = problems;
    }

    public NetworkGraph graph() {
        return graph;
    }

    public Node node() {
        return node;
    }

    public LayerType type() {
        return type;
    }

    public Parameters params() {
        return node.params();
    }

    public int intParam(String name) {
        return node.params().intValue(name);
    }

    public double realParam(String name) {
        return node.params().realValue(name);
    }

    public String choiceParam(String name) {
        return node.params().choice(name);
    }

    /** How messages name this node: its name, with the layer kind when the name does not say it. */
    public String who() {
        return describe(node, type);
    }

    /**
     * How messages name {@code node} of {@code type}: its name, with the layer kind when the name does not say
     * it ("hidden (Dense)", "dense1"); also used by checks outside validation, such as the export check.
     */
    public static String describe(Node node, LayerType type) {
        String name = node.name().toLowerCase(java.util.Locale.ROOT);
        boolean saysKind = name.contains(type.kind().id().toLowerCase(java.util.Locale.ROOT))
                || name.contains(type.displayName().toLowerCase(java.util.Locale.ROOT));
        return saysKind ? node.name() : node.name() + " (" + type.displayName() + ")";
    }

    /** Every wire arriving, in wire order. */
    public List<Incoming> incoming() {
        return incoming;
    }

    public List<TensorShape> inputs() {
        return incoming.stream().map(Incoming::shape).toList();
    }

    /** The first (for one-input layers, the only) arriving wire. */
    public Incoming single() {
        return incoming.get(0);
    }

    public TensorShape input() {
        return single().shape();
    }

    /**
     * Reports an error ({@link ProblemCode#SHAPE_REJECTED}) and returns the empty result a failed shape
     * rule returns.
     */
    public Optional<TensorShape> fail(String message, Fix... fixes) {
        problems.add(Problem.error(ProblemCode.SHAPE_REJECTED, node.id(), message, List.of(fixes)));
        return Optional.empty();
    }

    /** Reports a warning ({@link ProblemCode#SHAPE_ADVICE}); the rule goes on. */
    public void warn(String message, Fix... fixes) {
        problems.add(Problem.warning(ProblemCode.SHAPE_ADVICE, node.id(), message, List.of(fixes)));
    }

    /** A fix that inserts a new layer on the (single) wire arriving at this node. */
    public Fix insertBefore(String label, LayerKind kind, Parameters overrides) {
        return insertOn(label, single(), kind, overrides);
    }

    /** A fix that inserts a new layer on one arriving wire. */
    public Fix insertOn(String label, Incoming in, LayerKind kind, Parameters overrides) {
        return new Fix(label, GraphEdits.insertOnWire(graph, in.wire(), kind, overrides, label));
    }

    /** A fix that changes one of this node's parameters. */
    public Fix setParam(String label, String name, ParamValue value) {
        return setParamOf(label, node, name, value);
    }

    /** A fix that changes a parameter of another node. */
    public Fix setParamOf(String label, Node other, String name, ParamValue value) {
        return new Fix(label, GraphEdits.setParameter(graph, other.id(), name, value, label));
    }

    /** A fix that deletes another node and wires what fed it straight to what it fed. */
    public Fix bypass(String label, Node other) {
        return new Fix(label, GraphEdits.removeAndBridge(graph, other.id(), label));
    }
}
