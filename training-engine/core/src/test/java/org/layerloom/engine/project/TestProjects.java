package org.layerloom.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/** Projects the project-file tests start from. */
final class TestProjects {

    private TestProjects() {
    }

    /**
     * A small valid MLP: nodes[0] input1 (784), nodes[1] dense1 (64, relu), nodes[2] dense2 (10),
     * nodes[3] output1; three wires in a chain.
     */
    static Project smallMlp() {
        NetworkGraph graph = NetworkGraph.empty();
        graph = add(graph, LayerKind.INPUT, 0, Parameters.empty().with("shape", ParamValue.Dims.of(784)));
        graph = add(graph, LayerKind.DENSE, 1, Parameters.empty().with("activation", new ParamValue.Choice("relu")));
        graph = add(graph, LayerKind.DENSE, 2, Parameters.empty().with("units", new ParamValue.Int(10)));
        graph = add(graph, LayerKind.OUTPUT, 3, Parameters.empty());
        graph = chain(graph);
        return new Project("Small MLP", graph, DatasetChoice.of("mnist"), TrainingSettings.defaults());
    }

    static String smallMlpJson() {
        return ProjectFiles.toJson(smallMlp());
    }

    /**
     * One node of every layer kind with every parameter changed from its default, an Add fed by three
     * wires in an order that is not the order of the nodes, and non-default dataset and training.
     */
    static Project everything() {
        NetworkGraph graph = NetworkGraph.empty();
        int column = 0;
        for (LayerKind kind : LayerKind.values()) {
            graph = add(graph, kind, column++, nonDefaultParameters(LayerCatalog.standard().type(kind)));
        }
        graph = graph.withWire(graph.wires().size(), Wire.between("input1", "flatten1"));
        graph = graph.withWire(graph.wires().size(), Wire.between("relu1", "add1"));
        graph = graph.withWire(graph.wires().size(), Wire.between("dense1", "add1"));
        graph = graph.withWire(graph.wires().size(), Wire.between("gelu1", "add1"));
        graph = graph.withWire(graph.wires().size(), Wire.between("flatten1", "dense1"));
        graph = graph.withWire(graph.wires().size(), new Wire(PortRef.out("add1"), PortRef.in("output1")));
        DatasetChoice dataset = new DatasetChoice("spirals", new TreeMap<>())
                .with("noise", 0.25).with("samples", 500).with("path", "data/my file \"1\".csv")
                .with("shuffle", true).with("big", 5_000_000_000L);
        TrainingSettings training = new TrainingSettings(
                new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.8, true, 0.85, 0.99, 1e-7, 1e-4, 1.5),
                new ScheduleSettings(ScheduleKind.STEP, 3, 0.5, 2, 1e-5), 128, 12, 0.2, -7_000_000_000L,
                DeviceChoice.CPU);
        return new Project("Everything – Ünïcode \"quoted\" \\ name", graph, dataset, training);
    }

    static Parameters nonDefaultParameters(LayerType type) {
        Parameters params = type.defaultParameters();
        for (ParamSpec spec : type.parameters()) {
            params = params.with(spec.name(), different(spec));
        }
        return params;
    }

    private static ParamValue different(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> {
                int value = ((ParamValue.Int) spec.defaultValue()).value();
                yield new ParamValue.Int(spec.range().contains(value + 1) ? value + 1 : value - 1);
            }
            case REAL -> {
                double value = ((ParamValue.Real) spec.defaultValue()).value();
                double other = spec.range().min() + (spec.range().max() - spec.range().min()) * 0.37;
                yield new ParamValue.Real(other == value ? other / 2 : other);
            }
            case FLAG -> new ParamValue.Flag(!((ParamValue.Flag) spec.defaultValue()).value());
            case CHOICE -> {
                List<ChoiceOption> choices = spec.choices();
                yield new ParamValue.Choice(choices.get(choices.size() - 1).id());
            }
            case DIMS -> ParamValue.Dims.of(3, 32, 31);
        };
    }

    private static NetworkGraph add(NetworkGraph graph, LayerKind kind, int column, Parameters params) {
        Node node = GraphEdits.newNode(graph, kind, new Position(40 + 180 * column, 200.5 - column), params);
        return graph.withNode(graph.nodes().size(), node);
    }

    private static NetworkGraph chain(NetworkGraph graph) {
        List<Node> nodes = new ArrayList<>(graph.nodes());
        for (int i = 1; i < nodes.size(); i++) {
            graph = graph.withWire(graph.wires().size(), Wire.between(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return graph;
    }
}
