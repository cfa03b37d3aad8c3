package org.layerloom.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;

/**
 * Reads the {@code graph} of a project: its layers with their positions and parameters, and its wires
 * in order. Checks what {@link NetworkGraph} requires (unique ids, wires between existing layers, no
 * wire twice) with paths; everything else is left to the validator. Immutable; any thread.
 */
final class GraphReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final ParamReader params;

    GraphReader(LayerCatalog catalog) {
        this.params = new ParamReader(catalog);
    }

    NetworkGraph read(JsonCursor graph) throws ProjectFileException {
        graph.object("The graph holds the layers and wires, like { \"nodes\" : [ ... ], \"wires\" : [ ... ] }.");
        graph.allowOnly(Keys.GRAPH_KEYS, "the graph");
        JsonCursor nodesField = graph.field(Keys.NODES)
                .required("The graph lists its layers under \"nodes\"; an empty network has \"nodes\" : [ ].")
                .array("The layers are a list, like \"nodes\" : [ { ... }, { ... } ].");
        if (nodesField.size() > ProjectFormat.MAX_NODES) {
            throw nodesField.fail("the network has " + Words.whole(nodesField.size()) + " layers; LayerLoom opens"
                    + " networks of at most " + Words.whole(ProjectFormat.MAX_NODES) + " layers.");
        }
        Map<String, String> pathOfId = new HashMap<>();
        List<Node> nodes = new ArrayList<>(nodesField.size());
        for (JsonCursor element : nodesField.elements()) {
            Node node = readNode(element);
            String earlier = pathOfId.putIfAbsent(node.id(), element.path());
            if (earlier != null) {
                throw element.field(Keys.ID).fail("two layers have the id " + Words.quoted(node.id()) + " (the other"
                        + " one is " + earlier + "). Every layer needs an id of its own; change this one.");
            }
            nodes.add(node);
        }
        List<Wire> wires = readWires(graph.field(Keys.WIRES), pathOfId);
        return new NetworkGraph(nodes, wires);
    }

    private Node readNode(JsonCursor node) throws ProjectFileException {
        node.object("Each layer is an object like { \"id\" : \"dense1\", \"kind\" : \"Dense\", ... }.");
        node.allowOnly(Keys.NODE, "a layer");
        String id = readId(node.field(Keys.ID)
                .required("Every layer needs an id, a short word such as \"dense1\" that wires refer to."));
        LayerKind kind = readKind(node.field(Keys.KIND).required("Every layer needs a kind, such as \"Dense\"."));
        String name = node.field(Keys.NAME)
                .required("Every layer needs a name, the label shown on the canvas, such as \"Hidden 1\".")
                .text("The name of a layer is text, such as \"Hidden 1\".");
        Position position = readPosition(node.field(Keys.POSITION)
                .required("Every layer needs a place on the canvas, like \"position\" : { \"x\" : 40.0, \"y\" : 200.0 }."));
        return new Node(id, kind, name, params.read(node.field(Keys.PARAMS), kind), position);
    }

    private static String readId(JsonCursor field) throws ProjectFileException {
        String id = field.text("The id of a layer is a short word in double quotes, such as \"dense1\".");
        if (id.isEmpty()) {
            throw field.fail("the id is empty. Give the layer a short id of letters, digits, _ and -, such as"
                    + " \"dense1\".");
        }
        if (id.length() > ProjectFormat.MAX_ID_LENGTH) {
            throw field.fail("the id is " + Words.whole(id.length()) + " characters long; an id has at most "
                    + ProjectFormat.MAX_ID_LENGTH + ". Use a short id such as \"dense1\".");
        }
        if (!ID.matcher(id).matches()) {
            throw field.fail("the id " + Words.quoted(id) + " contains characters an id cannot have. An id has only"
                    + " English letters, digits, _ and -, such as \"dense1\"; the name shown on the canvas can"
                    + " contain anything.");
        }
        return id;
    }

    private static LayerKind readKind(JsonCursor field) throws ProjectFileException {
        String text = field.text("The kind of a layer is its type in double quotes, such as \"Dense\".");
        return LayerKind.fromId(text).orElseThrow(() -> field.fail("there is no layer kind " + Words.quoted(text)
                + "." + Words.didYouMean(text, LayerKind.ids()) + " The kinds are "
                + String.join(", ", LayerKind.ids()) + "."));
    }

    private static Position readPosition(JsonCursor field) throws ProjectFileException {
        String advice = "A position is an object like { \"x\" : 40.0, \"y\" : 200.0 }.";
        field.object(advice);
        field.allowOnly(Keys.POSITION_KEYS, "a position");
        double x = field.field(Keys.X).required(advice).number(advice);
        double y = field.field(Keys.Y).required(advice).number(advice);
        return new Position(x, y);
    }

    private static List<Wire> readWires(JsonCursor wiresField, Map<String, String> pathOfId)
            throws ProjectFileException {
        if (!wiresField.isPresent()) {
            return List.of();
        }
        wiresField.array("The wires are a list, like \"wires\" : [ { \"from\" : ..., \"to\" : ... } ].");
        Map<Wire, String> pathOfWire = new LinkedHashMap<>();
        for (JsonCursor element : wiresField.elements()) {
            element.object("A wire is an object like { \"from\" : { \"node\" : \"input1\", \"port\" : \"out\" },"
                    + " \"to\" : { \"node\" : \"dense1\", \"port\" : \"in\" } }.");
            element.allowOnly(Keys.WIRE, "a wire");
            PortRef from = readEnd(element.field(Keys.FROM).required("A wire starts at the output of a layer, like"
                    + " \"from\" : { \"node\" : \"input1\", \"port\" : \"out\" }."), pathOfId);
            PortRef to = readEnd(element.field(Keys.TO).required("A wire ends at the input of a layer, like"
                    + " \"to\" : { \"node\" : \"dense1\", \"port\" : \"in\" }."), pathOfId);
            Wire wire = new Wire(from, to);
            String earlier = pathOfWire.putIfAbsent(wire, element.path());
            if (earlier != null) {
                throw element.fail("this wire from " + from + " to " + to + " is the same as " + earlier + ". Delete"
                        + " one of them.");
            }
        }
        return List.copyOf(pathOfWire.keySet());
    }

    private static PortRef readEnd(JsonCursor end, Map<String, String> pathOfId) throws ProjectFileException {
        String advice = "An end of a wire is an object like { \"node\" : \"dense1\", \"port\" : \"in\" }.";
        end.object(advice);
        end.allowOnly(Keys.PORT_REF, "an end of a wire");
        JsonCursor nodeField = end.field(Keys.NODE_ID).required("Name the id of the layer the wire "
                + (end.key().equals(Keys.FROM) ? "starts at." : "leads to."));
        String node = nodeField.text(advice);
        if (!pathOfId.containsKey(node)) {
            throw nodeField.fail("there is no layer with the id " + Words.quoted(node) + "."
                    + Words.didYouMean(node, pathOfId.keySet()) + " A wire can only join layers listed under"
                    + " \"nodes\"; correct the id or delete the wire.");
        }
        JsonCursor portField = end.field(Keys.PORT).required("Name the port, \"out\" for the output of a layer and"
                + " \"in\" for its input.");
        String port = portField.text(advice);
        if (port.isEmpty()) {
            throw portField.fail("the port is empty. Name the port, \"out\" for the output of a layer and \"in\" for"
                    + " its input.");
        }
        return new PortRef(node, port);
    }
}
