package org.layerloom.engine.project;

import java.util.Objects;
import java.util.Optional;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Everything a {@code NAME.loom} file holds: the network with node positions, the dataset choice, the training
 * settings and, for an imported network, the file of weights training starts from. Immutable; any thread.
 *
 * @param startingWeights an {@code .npz} file of weights under PyTorch's {@code state_dict} names, relative to the
 *                        project's folder (an imported model's weights), which training and export start from
 *                        instead of the weights the seed draws; empty for the seed's weights
 * @param assignment      the teacher's assignment the project carries (goals, locks, instructions), if any
 */
public record Project(String name, NetworkGraph graph, DatasetChoice dataset, TrainingSettings training,
                      Optional<String> startingWeights, Optional<Assignment> assignment) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(startingWeights, "startingWeights");
        Objects.requireNonNull(assignment, "assignment");
    }

    /** A project without an assignment. */
    public Project(String name, NetworkGraph graph, DatasetChoice dataset, TrainingSettings training,
                   Optional<String> startingWeights) {
        this(name, graph, dataset, training, startingWeights, Optional.empty());
    }

    /** A project whose training starts from the weights its seed draws. */
    public Project(String name, NetworkGraph graph, DatasetChoice dataset, TrainingSettings training) {
        this(name, graph, dataset, training, Optional.empty(), Optional.empty());
    }

    public Project withName(String newName) {
        return new Project(newName, graph, dataset, training, startingWeights, assignment);
    }

    public Project withGraph(NetworkGraph newGraph) {
        return new Project(name, newGraph, dataset, training, startingWeights, assignment);
    }

    public Project withTraining(TrainingSettings newTraining) {
        return new Project(name, graph, dataset, newTraining, startingWeights, assignment);
    }

    public Project withDataset(DatasetChoice newDataset) {
        return new Project(name, graph, newDataset, training, startingWeights, assignment);
    }

    /** This project starting from the weights in {@code file} (relative to its folder), or from its seed's. */
    public Project withStartingWeights(Optional<String> file) {
        return new Project(name, graph, dataset, training, file, assignment);
    }

    /** This project carrying {@code newAssignment}, or none. */
    public Project withAssignment(Optional<Assignment> newAssignment) {
        return new Project(name, graph, dataset, training, startingWeights, newAssignment);
    }
}
