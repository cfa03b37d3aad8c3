package org.layerloom.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;

/** Small projects for tests, written with {@link ProjectFiles} so they are in the real file format. */
public final class TestProjects {

    private TestProjects() {
    }

    /** Input (784) → Dense 64 ReLU → Dense 64 ReLU → Dense 10 → Output: 55,050 parameters, valid. */
    public static Project mlp() {
        return chain("MNIST MLP", List.of(
                input(784),
                layer(LayerKind.DENSE, "Hidden 1", units(64).with("activation", new ParamValue.Choice("relu"))),
                layer(LayerKind.DENSE, "Hidden 2", units(64).with("activation", new ParamValue.Choice("relu"))),
                layer(LayerKind.DENSE, "Scores", units(10)),
                layer(LayerKind.OUTPUT, "Output", Parameters.empty())));
    }

    /** A small valid CNN on (1, 28, 28) images; its first Conv2D outputs 32×26×26. */
    public static Project cnn() {
        return chain("Small CNN", List.of(
                layer(LayerKind.INPUT, "Image", Parameters.empty().with("shape", ParamValue.Dims.of(1, 28, 28))),
                layer(LayerKind.CONV2D, "Conv 1", Parameters.empty()),
                layer(LayerKind.MAX_POOL2D, "Pool 1", Parameters.empty()),
                layer(LayerKind.FLATTEN, "Flatten", Parameters.empty()),
                layer(LayerKind.DENSE, "Scores", units(10)),
                layer(LayerKind.OUTPUT, "Output", Parameters.empty())));
    }

    /** A Conv2D fed by a 784-vector Input: invalid, with the fix "Insert a Reshape to (1, 28, 28)". */
    public static Project convOnVector() {
        return chain("Conv on a vector", List.of(
                input(784),
                layer(LayerKind.CONV2D, "Conv 1", Parameters.empty()),
                layer(LayerKind.FLATTEN, "Flatten", Parameters.empty()),
                layer(LayerKind.DENSE, "Scores", units(10)),
                layer(LayerKind.OUTPUT, "Output", Parameters.empty())));
    }

    /** Input (2) → Dense 16 ReLU → Dense 2 → Output on generated two moons: trains in a second, offline. */
    public static Project moons(int epochs) {
        Project chain = chain("Two moons", List.of(
                input(2),
                layer(LayerKind.DENSE, "Hidden", units(16).with("activation", new ParamValue.Choice("relu"))),
                layer(LayerKind.DENSE, "Scores", units(2)),
                layer(LayerKind.OUTPUT, "Output", Parameters.empty())));
        TrainingSettings d = TrainingSettings.defaults();
        return chain.withDataset(DatasetChoice.of("moons").with("samples", 400))
                .withTraining(new TrainingSettings(d.optimizer().withLearningRate(0.01), d.schedule(), 32, epochs, 0.2, 7,
                        org.layerloom.engine.project.DeviceChoice.CPU));
    }

    public static Path write(Project project, Path file) {
        try {
            ProjectFiles.save(project, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node input(int features) {
        return layer(LayerKind.INPUT, "Input", Parameters.empty().with("shape", ParamValue.Dims.of(features)));
    }

    private static Parameters units(int units) {
        return Parameters.empty().with("units", new ParamValue.Int(units));
    }

    /** A node whose id is filled in by {@link #chain}. */
    private static Node layer(LayerKind kind, String name, Parameters overrides) {
        Parameters params = LayerCatalog.standard().type(kind).defaultParameters().withAll(overrides);
        return new Node("?", kind, name, params, Position.ORIGIN);
    }

    /** Wires the nodes one after another, with ids like {@code conv2d2} and 200 units between them. */
    private static Project chain(String name, List<Node> layers) {
        List<Node> nodes = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        for (Node layer : layers) {
            String id = layer.kind().id().toLowerCase(java.util.Locale.ROOT) + (nodes.size() + 1);
            nodes.add(new Node(id, layer.kind(), layer.name(), layer.params(), new Position(nodes.size() * 200, 100)));
            if (nodes.size() > 1) {
                wires.add(Wire.between(nodes.get(nodes.size() - 2).id(), id));
            }
        }
        return new Project(name, new NetworkGraph(nodes, wires), DatasetChoice.of("mnist"), TrainingSettings.defaults());
    }
}
