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
 * The starting points of "New project", fitted to the data chosen first: a blank canvas (an Input of the
 * data's shape and an Output to connect), or a small MLP, CNN or RNN whose Input takes the data's shape and
 * whose last layer gives one score per class (or one number per target). Each template makes a fresh
 * {@link Project}, with training settings that suit the data ({@link StartingSettings}); stateless; any thread.
 */
public enum ProjectTemplate {

    BLANK("Blank", "Input and Output only", "An Input and an Output on an empty canvas: build your own network "
            + "between them.", "moons"),
    MLP("MLP", "Dense layers", "Dense layers: a good first network for points and tables.", "moons"),
    CNN("CNN", "Convolutions, for pictures", "Convolution and pooling: for pictures.", "digits"),
    RNN("RNN", "An LSTM, for sequences", "An LSTM that reads step by step: for sequences and texts.",
            "sine-forecast");

    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private static final double SPACING = 190;

    private final String title;
    private final String summary;
    private final String description;
    private final String naturalData;

    ProjectTemplate(String title, String summary, String description, String naturalData) {
        this.title = title;
        this.summary = summary;
        this.description = description;
        this.naturalData = naturalData;
    }

    /** A few words under the title on the start screen's card. */
    public String summary() {
        return summary;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The built-in dataset this template suits best, chosen first when it is picked before the data. */
    public String naturalData() {
        return naturalData;
    }

    /** Why this template does not suit {@code data}, or empty when it does. */
    public java.util.Optional<String> whyNot(DataShape data) {
        DataShape.Kind kind = data.kind();
        return switch (this) {
            case BLANK, MLP -> java.util.Optional.empty();
            case CNN -> kind == DataShape.Kind.IMAGE ? java.util.Optional.empty()
                    : java.util.Optional.of("A CNN looks at pictures; this data is " + data.describe() + ".");
            case RNN -> kind == DataShape.Kind.SEQUENCE || kind == DataShape.Kind.TOKENS ? java.util.Optional.empty()
                    : java.util.Optional.of("An RNN reads sequences or texts; this data is " + data.describe() + ".");
        };
    }

    /** A name for a new project from this template. */
    public String projectName() {
        return this == BLANK ? "Untitled network" : "My " + title;
    }

    /** A new project named {@code name} that learns from {@code data}, whose examples are shaped {@code shape}. */
    public Project create(String name, DatasetChoice data, DataShape shape) {
        if (whyNot(shape).isPresent()) {
            throw new IllegalArgumentException(whyNot(shape).get());
        }
        int[] in = shape.input();
        Map<String, ParamValue> inputParams = shape.kind() == DataShape.Kind.TOKENS
                ? Map.of("shape", ParamValue.Dims.of(in), "values", new ParamValue.Choice("token_ids"))
                : Map.of("shape", ParamValue.Dims.of(in));
        Node input = layer(LayerKind.INPUT, inputName(shape), inputParams);
        List<Node> head = List.of(
                layer(LayerKind.DENSE, shape.classes() > 0 ? "Scores" : "Prediction",
                        Map.of("units", new ParamValue.Int(shape.outputUnits()))),
                shape.classes() > 0 ? layer(LayerKind.OUTPUT, "Output", Map.of())
                        : layer(LayerKind.OUTPUT, "Output", Map.of("loss", new ParamValue.Choice("mse"))));
        List<Node> layers = new ArrayList<>();
        layers.add(input);
        switch (this) {
            case BLANK -> {
                return blank(name, data, shape, input, head.get(1));
            }
            case MLP -> {
                if (shape.kind() == DataShape.Kind.TOKENS) {
                    layers.add(embedding(shape));
                }
                if (shape.kind() != DataShape.Kind.VECTOR) {
                    layers.add(layer(LayerKind.FLATTEN, "Flatten", Map.of()));
                }
                layers.add(dense("Hidden 1", shape.kind() == DataShape.Kind.VECTOR ? 16 : 64));
                layers.add(dense("Hidden 2", shape.kind() == DataShape.Kind.VECTOR ? 16 : 32));
            }
            case CNN -> {
                layers.add(layer(LayerKind.CONV2D, "Conv", Map.of("filters", new ParamValue.Int(16),
                        "activation", new ParamValue.Choice("relu"))));
                layers.add(layer(LayerKind.MAX_POOL2D, "Pool", Map.of()));
                layers.add(layer(LayerKind.FLATTEN, "Flatten", Map.of()));
            }
            case RNN -> {
                if (shape.kind() == DataShape.Kind.TOKENS) {
                    layers.add(embedding(shape));
                }
                layers.add(layer(LayerKind.LSTM, "LSTM", Map.of("units", new ParamValue.Int(32))));
            }
        }
        layers.addAll(head);
        return chain(name, data, StartingSettings.forData(shape), layers);
    }

    private static String inputName(DataShape shape) {
        return switch (shape.kind()) {
            case IMAGE -> "Image";
            case SEQUENCE -> "Sequence";
            case TOKENS -> "Text";
            case VECTOR -> shape.input()[0] == 2 ? "Point (x, y)" : "Features";
        };
    }

    private static Node dense(String name, int units) {
        return layer(LayerKind.DENSE, name, Map.of("units", new ParamValue.Int(units),
                "activation", new ParamValue.Choice("relu")));
    }

    private static Node embedding(DataShape shape) {
        return layer(LayerKind.EMBEDDING, "Word vectors", Map.of("vocabulary", new ParamValue.Int(shape.vocabulary()),
                "dimension", new ParamValue.Int(32)));
    }

    private static Project blank(String name, DatasetChoice data, DataShape shape, Node input, Node output) {
        Node in = new Node("input1", LayerKind.INPUT, input.name(), input.params(), new Position(60, 200));
        Node out = new Node("output1", LayerKind.OUTPUT, output.name(), output.params(),
                new Position(60 + 4 * SPACING, 200));
        return new Project(name, new NetworkGraph(List.of(in, out), List.of()), data, StartingSettings.forData(shape));
    }

    private static Node layer(LayerKind kind, String name, Map<String, ParamValue> overrides) {
        Parameters params = CATALOG.type(kind).defaultParameters().withAll(Parameters.of(overrides));
        return new Node("?", kind, name, params, Position.ORIGIN);
    }

    private static Project chain(String name, DatasetChoice dataset, TrainingSettings training, List<Node> layers) {
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
        return new Project(name, new NetworkGraph(nodes, wires), dataset, training);
    }
}
