package org.layerloom.engine.project;

import java.util.Objects;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Everything a {@code NAME.loom} file holds: the network with node positions, the dataset choice and
 * the training settings. Immutable; any thread.
 */
public record Project(String name, NetworkGraph graph, DatasetChoice dataset, TrainingSettings training) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(training, "training");
    }

    public Project withName(String newName) {
        return new Project(newName, graph, dataset, training);
    }

    public Project withGraph(NetworkGraph newGraph) {
        return new Project(name, newGraph, dataset, training);
    }

    public Project withTraining(TrainingSettings newTraining) {
        return new Project(name, graph, dataset, newTraining);
    }

    public Project withDataset(DatasetChoice newDataset) {
        return new Project(name, graph, newDataset, training);
    }
}
