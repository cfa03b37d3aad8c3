package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
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
import org.layerloom.engine.train.event.TrainingEvent;

/** Small networks, datasets and an event recorder for training tests. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /** Input(features) → Dense(hidden, relu) × layers → Dense(classes) → Output(softmax CE). */
    static NetworkGraph mlp(int[] inputShape, int hidden, int layers, int classes) {
        LayerCatalog catalog = LayerCatalog.standard();
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(node(catalog, "input", LayerKind.INPUT, Parameters.empty().with("shape", new ParamValue.Dims(
                java.util.Arrays.stream(inputShape).boxed().toList()))));
        if (inputShape.length > 1) {
            nodes.add(node(catalog, "flatten", LayerKind.FLATTEN, Parameters.empty()));
        }
        for (int i = 1; i <= layers; i++) {
            nodes.add(node(catalog, "hidden" + i, LayerKind.DENSE, Parameters.empty()
                    .with("units", new ParamValue.Int(hidden)).with("activation", new ParamValue.Choice("relu"))));
        }
        nodes.add(node(catalog, "scores", LayerKind.DENSE, Parameters.empty().with("units", new ParamValue.Int(classes))));
        nodes.add(node(catalog, "output", LayerKind.OUTPUT, Parameters.empty()));
        List<Wire> wires = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            wires.add(Wire.between(nodes.get(i).id(), nodes.get(i + 1).id()));
        }
        return new NetworkGraph(nodes, wires);
    }

    private static Node node(LayerCatalog catalog, String id, LayerKind kind, Parameters overrides) {
        return new Node(id, kind, id, catalog.type(kind).defaultParameters().withAll(overrides), Position.ORIGIN);
    }

    static Project project(String name, NetworkGraph graph, DatasetChoice dataset, TrainingSettings settings) {
        return new Project(name, graph, dataset, settings);
    }

    static Dataset load(DatasetChoice choice, long seed, double validation, int trainingLimit) throws Exception {
        DatasetRequest request = DatasetRequest.of(choice, Path.of("."), seed, validation);
        if (trainingLimit > 0) {
            request = request.withTrainingLimit(trainingLimit);
        }
        return DatasetRegistry.standard().load(request, ProgressListener.none());
    }

    static Path mnistFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    /** Records every event and waits for the end of a run. */
    static final class Recorder implements org.layerloom.engine.train.event.TrainingListener {
        final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void trainingEvent(TrainingEvent event) {
            events.add(event);
        }

        <T extends TrainingEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static TrainingEvent await(TrainingSession session) throws Exception {
        return session.outcome().get(5, TimeUnit.MINUTES);
    }
}
