package org.layerloom.app.start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The starting points of "New project": a blank canvas (an Input and an Output to connect), or a small
 * MLP, CNN or RNN on a built-in dataset that trains at once. Each template makes a fresh {@link Project};
 * stateless; any thread.
 */
public enum ProjectTemplate {

    BLANK("Blank", "An Input and an Output on an empty canvas: build your own network between them."),
    MLP("MLP", "Dense layers that sort 2-D points of two moons: the place to start."),
    CNN("CNN", "Convolution and pooling on 28×28 images of handwritten digits."),
    RNN("RNN", "An LSTM that reads a wave step by step and predicts its next value.");

    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private static final double SPACING = 190;

    private final String title;
    private final String description;

    ProjectTemplate(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** A new project from this template, named {@code name}. */
    public Project create(String name) {
        return switch (this) {
            case BLANK -> blank(name);
            case MLP -> chain(name, DatasetChoice.of("moons"), List.of(
                    layer(LayerKind.INPUT, "Point (x, y)", Map.of("shape", ParamValue.Dims.of(2))),
                    layer(LayerKind.DENSE, "Hidden 1", Map.of("units", new ParamValue.Int(16),
                            "activation", new ParamValue.Choice("relu"))),
                    layer(LayerKind.DENSE, "Hidden 2", Map.of("units", new ParamValue.Int(16),
                            "activation", new ParamValue.Choice("relu"))),
                    layer(LayerKind.DENSE, "Scores", Map.of("units", new ParamValue.Int(2))),
                    layer(LayerKind.OUTPUT, "Prediction", Map.of())));
            case CNN -> chain(name, DatasetChoice.of("digits"), List.of(
                    layer(LayerKind.INPUT, "Image", Map.of("shape", ParamValue.Dims.of(1, 28, 28))),
                    layer(LayerKind.CONV2D, "Conv", Map.of("filters", new ParamValue.Int(16),
                            "activation", new ParamValue.Choice("relu"))),
                    layer(LayerKind.MAX_POOL2D, "Pool", Map.of()),
                    layer(LayerKind.FLATTEN, "Flatten", Map.of()),
                    layer(LayerKind.DENSE, "Scores", Map.of("units", new ParamValue.Int(10))),
                    layer(LayerKind.OUTPUT, "Prediction", Map.of())));
            case RNN -> chain(name, DatasetChoice.of("sine-forecast"), List.of(
                    layer(LayerKind.INPUT, "Wave so far", Map.of("shape", ParamValue.Dims.of(20, 1))),
                    layer(LayerKind.LSTM, "LSTM", Map.of("units", new ParamValue.Int(32))),
                    layer(LayerKind.DENSE, "Next value", Map.of("units", new ParamValue.Int(1))),
                    layer(LayerKind.OUTPUT, "Prediction", Map.of("loss", new ParamValue.Choice("mse")))));
        };
    }

    private static Project blank(String name) {
        Node input = new Node("input1", LayerKind.INPUT, "Input",
                CATALOG.type(LayerKind.INPUT).defaultParameters().with("shape", ParamValue.Dims.of(2)),
                new Position(60, 200));
        Node output = new Node("output1", LayerKind.OUTPUT, "Output", CATALOG.type(LayerKind.OUTPUT).defaultParameters(),
                new Position(60 + 4 * SPACING, 200));
        return new Project(name, new NetworkGraph(List.of(input, output), List.of()), DatasetChoice.of("moons"),
                TrainingSettings.defaults());
    }

    private static Node layer(LayerKind kind, String name, Map<String, ParamValue> overrides) {
        Parameters params = CATALOG.type(kind).defaultParameters().withAll(Parameters.of(overrides));
        return new Node("?", kind, name, params, Position.ORIGIN);
    }

    private static Project chain(String name, DatasetChoice dataset, List<Node> layers) {
        List<Node> nodes = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        for (Node layer : layers) {
            String id = layer.kind().id().toLowerCase(Locale.ROOT) + (nodes.size() + 1);
            nodes.add(new Node(id, layer.kind(), layer.name(), layer.params(),
                    new Position(60 + nodes.size() * SPACING, 200)));
            if (nodes.size() > 1) {
                wires.add(Wire.between(nodes.get(nodes.size() - 2).id(), id));
            }
        }
        return new Project(name, new NetworkGraph(nodes, wires), dataset, TrainingSettings.defaults());
    }
}
