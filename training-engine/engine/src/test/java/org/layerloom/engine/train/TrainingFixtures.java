package org.layerloom.engine.train;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.TrainingEvent;

/** Small networks, datasets and an event recorder for training tests. */
final class TrainingFixtures {

    private TrainingFixtures() {
    }

    /** Input(features) → Dense(hidden, relu) × layers → Dense(classes) → Output(softmax CE). */
    static NetworkGraph mlp(int[] inputShape, int hidden, int layers, int classes) {
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(GraphBuilder.node("input", LayerKind.INPUT, 0, 0, "shape", inputShape));
        if (inputShape.length > 1) {
            nodes.add(GraphBuilder.node("flatten", LayerKind.FLATTEN, 0, 0));
        }
        for (int i = 1; i <= layers; i++) {
            nodes.add(GraphBuilder.node("hidden" + i, LayerKind.DENSE, 0, 0, "units", hidden, "activation", "relu"));
        }
        nodes.add(GraphBuilder.node("scores", LayerKind.DENSE, 0, 0, "units", classes));
        nodes.add(GraphBuilder.node("output", LayerKind.OUTPUT, 0, 0));
        return new NetworkGraph(nodes, GraphBuilder.wires(nodes.stream().map(Node::id).toArray(String[]::new)));
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
