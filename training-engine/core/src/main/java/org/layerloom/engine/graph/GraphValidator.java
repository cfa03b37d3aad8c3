package org.layerloom.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Validates a network: gives every wire its tensor shape and every node its parameter count, and
 * explains every problem in a student's words with fixes. A pure function of the graph: it never
 * throws for any graph and can run on any thread.
 */
public final class GraphValidator {

    private final LayerCatalog catalog;

    public GraphValidator(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public static GraphValidator standard() {
        return new GraphValidator(LayerCatalog.standard());
    }

    public ValidationReport validate(NetworkGraph graph) {
        return new Run(graph).validate();
    }

    /** The state of one validation. */
    private final class Run {
        private final NetworkGraph graph;
        private final Map<String, Node> byId = new LinkedHashMap<>();
        private final Map<String, List<Wire>> into = new HashMap<>();
        private final Map<String, List<Wire>> outOf = new HashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, TensorShape> outputs = new HashMap<>();
        private final Map<String, NodeReport> reports = new HashMap<>();
        private final Map<Wire, TensorShape> wireShapes = new HashMap<>();
        private final List<String> unconnected = new ArrayList<>();
        private final List<Wire> usable = new ArrayList<>();
        private GraphTopology topology;

        Run(NetworkGraph graph) {
            this.graph = graph;
        }

        ValidationReport validate() {
            for (Node node : graph.nodes()) {
                byId.put(node.id(), node);
            }
            sortWires();
            checkInputAndOutputCount();
            topology = GraphTopology.of(graph, usable);
            topology.loops().forEach(this::reportLoop);
            for (String id : topology.arrivalOrder()) {
                resolve(byId.get(id));
            }
            offerConnections();
            warnAboutUnusedOutputs();
            long total = 0;
            for (Node node : graph.nodes()) {
                NodeReport report = reports.computeIfAbsent(node.id(),
                        id -> new NodeReport(id, List.of(), Optional.empty(), 0));
                total += report.parameters();
            }
            return new ValidationReport(graph, topology, reports, wireShapes, problems, total);
        }

        private LayerType type(Node node) {
            return catalog.type(node.kind());
        }

        private String who(Node node) {
            return ShapeContext.describe(node, type(node));
        }

        private Fix removeWireFix(Wire wire) {
            String label = "Remove the wire from " + byId.get(wire.from().nodeId()).name() + " to "
                    + byId.get(wire.to().nodeId()).name();
            return new Fix(label, new org.layerloom.engine.graph.edit.CompositeEdit(label,
                    List.of(GraphEdits.disconnect(graph, wire))));
        }

        /** Keeps the wires whose ports exist; reports the others. */
        private void sortWires() {
            for (Wire wire : graph.wires()) {
                Node from = byId.get(wire.from().nodeId());
                Node to = byId.get(wire.to().nodeId());
                if (!type(from).hasOutput() || !wire.from().port().equals(PortRef.OUT)) {
                    problems.add(Problem.error(ProblemCode.NO_SUCH_OUTPUT, from.id(),
                            who(from) + " has no output called '" + wire.from().port()
                            + "', so the wire to " + to.name() + " cannot start there.", List.of(removeWireFix(wire))));
                    continue;
                }
                if (type(to).inputPort(wire.to().port()).isEmpty()) {
                    boolean takesNone = type(to).inputPorts().isEmpty();
                    String message = takesNone
                            ? who(to) + " is where data enters the network, so no wire can lead into it."
                            : who(to) + " has no input called '" + wire.to().port() + "'.";
                    problems.add(Problem.error(takesNone ? ProblemCode.WIRE_INTO_INPUT : ProblemCode.NO_SUCH_INPUT,
                            to.id(), message, List.of(removeWireFix(wire))));
                    continue;
                }
                usable.add(wire);
                into.computeIfAbsent(to.id(), k -> new ArrayList<>()).add(wire);
                outOf.computeIfAbsent(from.id(), k -> new ArrayList<>()).add(wire);
            }
        }

        private List<Wire> wiresInto(String id) {
            return into.getOrDefault(id, List.of());
        }

        private List<Wire> wiresOutOf(String id) {
            return outOf.getOrDefault(id, List.of());
        }

        private void checkInputAndOutputCount() {
            if (graph.nodes().isEmpty()) {
                problems.add(new Problem(ProblemCode.EMPTY_NETWORK, List.of(), Severity.ERROR, "The network is"
                        + " empty, so there is nothing to train. Drag an Input, a few layers and an Output from the"
                        + " palette, or start from a template or a sample.", List.of()));
                return;
            }
            List<Node> inputs = graph.nodesOfKind(LayerKind.INPUT);
            List<Node> outs = graph.nodesOfKind(LayerKind.OUTPUT);
            if (inputs.isEmpty() && !graph.nodes().isEmpty()) {
                List<Node> starts = graph.nodes().stream()
                        .filter(n -> !type(n).inputPorts().isEmpty() && wiresInto(n.id()).isEmpty()).toList();
                List<Fix> fixes = new ArrayList<>();
                if (starts.size() == 1) {
                    fixes.add(addAndConnect("Add an Input before " + starts.get(0).name(), LayerKind.INPUT,
                            null, starts.get(0)));
                } else {
                    fixes.add(addAndConnect("Add an Input node", LayerKind.INPUT, null, null));
                }
                problems.add(new Problem(ProblemCode.NO_INPUT_NODE, List.of(),
                        Severity.ERROR, "The network has no Input node, so no data can"
                        + " enter it. Add an Input and connect it to the first layer.", fixes));
            }
            if (inputs.size() > 1) {
                List<String> extra = inputs.subList(1, inputs.size()).stream().map(Node::id).toList();
                problems.add(new Problem(ProblemCode.SEVERAL_INPUT_NODES, inputs.stream().map(Node::id).toList(),
                        Severity.ERROR,
                        "The network has " + inputs.size() + " Input nodes, but LayerLoom trains networks with one"
                                + " Input. Keep one and delete the others.",
                        List.of(new Fix("Delete the extra Input", GraphEdits.removeNodes(graph, extra)))));
            }
            if (outs.isEmpty() && !graph.nodes().isEmpty()) {
                List<Node> sinks = graph.nodes().stream()
                        .filter(n -> type(n).hasOutput() && wiresOutOf(n.id()).isEmpty()).toList();
                List<Fix> fixes = new ArrayList<>();
                if (sinks.size() == 1) {
                    fixes.add(addAndConnect("Add an Output after " + sinks.get(0).name(), LayerKind.OUTPUT,
                            sinks.get(0), null));
                } else {
                    fixes.add(addAndConnect("Add an Output node", LayerKind.OUTPUT, null, null));
                }
                problems.add(new Problem(ProblemCode.NO_OUTPUT_NODE, List.of(),
                        Severity.ERROR, "The network has no Output node, so LayerLoom"
                        + " does not know what it predicts or which loss to train it with. Add an Output after the"
                        + " last layer.", fixes));
            }
            if (outs.size() > 1) {
                List<String> extra = outs.subList(1, outs.size()).stream().map(Node::id).toList();
                problems.add(new Problem(ProblemCode.SEVERAL_OUTPUT_NODES, outs.stream().map(Node::id).toList(),
                        Severity.ERROR,
                        "The network has " + outs.size() + " Output nodes, but LayerLoom trains one output at a"
                                + " time. Keep one and delete the others.",
                        List.of(new Fix("Delete the extra Output", GraphEdits.removeNodes(graph, extra)))));
            }
        }

        private Fix addAndConnect(String label, LayerKind kind, Node source, Node target) {
            Position where = source != null ? source.position().translated(180, 0)
                    : target != null ? target.position().translated(-180, 0) : Position.ORIGIN;
            Parameters overrides = kind == LayerKind.INPUT && target != null
                    ? InputSuggestion.forFirstLayer(target.kind()) : Parameters.empty();
            Node added = GraphEdits.newNode(graph, kind, where, overrides);
            List<org.layerloom.engine.graph.edit.GraphEdit> steps = new ArrayList<>();
            steps.add(GraphEdits.addNode(graph, added));
            if (source != null) {
                steps.add(new org.layerloom.engine.graph.edit.AddWireEdit(Wire.between(source.id(), added.id()),
                        graph.wires().size()));
            }
            if (target != null) {
                steps.add(new org.layerloom.engine.graph.edit.AddWireEdit(Wire.between(added.id(), target.id()),
                        graph.wires().size()));
            }
            return new Fix(label, new org.layerloom.engine.graph.edit.CompositeEdit(label, steps));
        }

        private void reportLoop(List<String> group) {
            Set<String> members = new HashSet<>(group);
            Wire closing = null;
            for (Wire wire : graph.wires()) {
                if (members.contains(wire.from().nodeId()) && members.contains(wire.to().nodeId())
                        && wiresInto(wire.to().nodeId()).contains(wire)) {
                    closing = wire;
                }
            }
            List<String> names = group.stream().map(id -> byId.get(id).name()).toList();
            String message = group.size() == 1
                    ? names.get(0) + " is wired into itself, so the data would go round forever. A network must"
                    + " flow one way, from Input to Output."
                    : joinNames(names) + " form a loop, so the data would go round forever. A network must flow"
                    + " one way, from Input to Output: remove one wire of the loop.";
            List<Fix> fixes = closing == null ? List.of() : List.of(removeWireFix(closing));
            problems.add(new Problem(ProblemCode.LOOP, group, Severity.ERROR, message, fixes));
        }

        private void resolve(Node node) {
            LayerType type = type(node);
            boolean ok = checkParameters(node, type);
            boolean upstreamResolved = true;
            List<ShapeContext.Incoming> incoming = new ArrayList<>();
            for (PortSpec port : type.inputPorts()) {
                List<Wire> wires = wiresInto(node.id()).stream()
                        .filter(w -> w.to().port().equals(port.name())).toList();
                if (wires.isEmpty()) {
                    problems.add(Problem.error(ProblemCode.NOTHING_CONNECTED, node.id(),
                            who(node) + " has nothing connected to its " + port.label()
                            + ". Drag a wire from the output of the layer before it.", List.of()));
                    unconnected.add(node.id());
                    ok = false;
                    continue;
                }
                if (!port.acceptsMany() && wires.size() > 1) {
                    List<Fix> fixes = wires.subList(1, wires.size()).stream().map(this::removeWireFix).toList();
                    problems.add(Problem.error(ProblemCode.TOO_MANY_WIRES, node.id(),
                            who(node) + " takes one input, but " + wires.size()
                            + " wires arrive at it. To combine branches, send them into an Add or Concatenate"
                            + " layer first.", fixes));
                    ok = false;
                }
                for (Wire wire : wires) {
                    TensorShape shape = outputs.get(wire.from().nodeId());
                    if (shape == null) {
                        upstreamResolved = false;
                    } else {
                        incoming.add(new ShapeContext.Incoming(wire, byId.get(wire.from().nodeId()), shape));
                    }
                }
            }
            Optional<TensorShape> output = Optional.empty();
            long parameters = 0;
            if (ok && upstreamResolved) {
                try {
                    output = type.outputShape(new ShapeContext(graph, node, type, incoming, problems));
                    if (output.isPresent()) {
                        parameters = type.parameterCount(
                                incoming.stream().map(ShapeContext.Incoming::shape).toList(), node.params());
                    }
                } catch (RuntimeException e) {
                    output = Optional.empty();
                    problems.add(Problem.error(ProblemCode.SHAPE_RULE_FAILED, node.id(),
                            "LayerLoom could not work out the shape of " + who(node)
                            + " (" + e + "). Please report this with your project file.", List.of()));
                }
            }
            List<TensorShape> inputShapes = incoming.stream().map(ShapeContext.Incoming::shape).toList();
            reports.put(node.id(), new NodeReport(node.id(), inputShapes, output, parameters));
            output.ifPresent(shape -> {
                outputs.put(node.id(), shape);
                for (Wire wire : wiresOutOf(node.id())) {
                    wireShapes.put(wire, shape);
                }
            });
        }

        private boolean checkParameters(Node node, LayerType type) {
            boolean ok = true;
            for (ParamSpec spec : type.parameters()) {
                if (!node.params().has(spec.name())) {
                    problems.add(Problem.error(ProblemCode.MISSING_PARAMETER, node.id(),
                            who(node) + " has no value for " + spec.label()
                            + ". Set it in the property sheet.", List.of()));
                    ok = false;
                    continue;
                }
                ParamValue value = node.params().get(spec.name());
                Optional<String> reason = spec.reasonToReject(value);
                if (reason.isPresent()) {
                    ParamValue nearest = spec.nearestAllowed(value);
                    String label = "Set " + spec.label() + " to " + nearest.display();
                    problems.add(Problem.error(ProblemCode.PARAMETER_NOT_ALLOWED, node.id(),
                            who(node) + ": " + reason.get() + ".",
                            List.of(new Fix(label, GraphEdits.setParameter(graph, node.id(), spec.name(), nearest,
                                    label)))));
                    ok = false;
                }
            }
            return ok;
        }

        /** For an input left unconnected, offers to connect the one layer whose output goes nowhere. */
        private void offerConnections() {
            for (String id : unconnected) {
                Set<String> downstream = topology.downstreamOf(id);
                List<Node> candidates = graph.nodes().stream()
                        .filter(n -> type(n).hasOutput() && wiresOutOf(n.id()).isEmpty() && !downstream.contains(n.id()))
                        .toList();
                if (candidates.size() == 1) {
                    Node source = candidates.get(0);
                    Node target = byId.get(id);
                    String label = "Connect " + source.name() + " to " + target.name();
                    Fix fix = new Fix(label, new org.layerloom.engine.graph.edit.CompositeEdit(label,
                            List.of(GraphEdits.connect(graph, PortRef.out(source.id()), PortRef.in(target.id())))));
                    for (int i = 0; i < problems.size(); i++) {
                        Problem p = problems.get(i);
                        if (p.is(ProblemCode.NOTHING_CONNECTED) && p.concerns(id) && p.fixes().isEmpty()) {
                            problems.set(i, p.withFixes(List.of(fix)));
                        }
                    }
                }
            }
        }

        private void warnAboutUnusedOutputs() {
            if (graph.nodes().size() < 2) {
                return;
            }
            for (Node node : graph.nodes()) {
                if (type(node).hasOutput() && wiresOutOf(node.id()).isEmpty()) {
                    String label = "Delete " + node.name();
                    problems.add(Problem.warning(ProblemCode.OUTPUT_GOES_NOWHERE, node.id(),
                            "The output of " + who(node) + " goes nowhere, so it"
                            + " does not change the prediction. Connect it to the next layer or delete it.",
                            List.of(new Fix(label, GraphEdits.removeNodes(graph, List.of(node.id()))))));
                }
            }
        }
    }

    static String joinNames(List<String> names) {
        if (names.size() > 4) {
            return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
