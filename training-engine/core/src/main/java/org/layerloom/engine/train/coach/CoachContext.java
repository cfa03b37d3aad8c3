package org.layerloom.engine.train.coach;

import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.project.TrainingSettings;

/**
 * What the coach knows about a run besides its metrics: the number of classes (0 for regression or
 * unknown), the settings it started with (learning rate, weight decay, batch size, early-stopping
 * patience, whether the optimizer scales its steps itself as Adam does), the processor cores of the machine, and
 * where a Dropout could go (in front of the output Dense layer), if anywhere, and the network as it was when the
 * run started. Immutable; any thread.
 */
public record CoachContext(int classes, double learningRate, double weightDecay, int batchSize, int patience,
                           int cores, Optional<InsertLayerChange> dropout, NetworkGraph graph,
                           boolean adaptiveSteps) {

    /** The rate a suggested Dropout layer drops. */
    public static final double DROPOUT_RATE = 0.3;

    public CoachContext {
        dropout = dropout == null ? Optional.empty() : dropout;
        graph = graph == null ? NetworkGraph.empty() : graph;
    }

    /** A context of a run with an adaptive optimizer (Adam and its kin). */
    public CoachContext(int classes, double learningRate, double weightDecay, int batchSize, int patience,
                        int cores, Optional<InsertLayerChange> dropout, NetworkGraph graph) {
        this(classes, learningRate, weightDecay, batchSize, patience, cores, dropout, graph, true);
    }

    /** A context without a network (no graph edits are suggested). */
    public CoachContext(int classes, double learningRate, double weightDecay, int batchSize, int patience,
                        int cores) {
        this(classes, learningRate, weightDecay, batchSize, patience, cores, Optional.empty(), NetworkGraph.empty());
    }

    /** The context of a run of {@code graph} with {@code settings}, on this machine. */
    public static CoachContext of(NetworkGraph graph, TrainingSettings settings, int patience, int classes) {
        return new CoachContext(classes, settings.optimizer().learningRate(), settings.optimizer().weightDecay(),
                settings.batchSize(), patience, Runtime.getRuntime().availableProcessors(), dropoutSpot(graph), graph,
                settings.optimizer().kind() != org.layerloom.engine.project.OptimizerKind.SGD);
    }

    /**
     * A Dropout in front of the last Dense layer (the one that gives the scores), unless a Dropout already
     * feeds it or it has no input.
     */
    static Optional<InsertLayerChange> dropoutSpot(NetworkGraph graph) {
        var denses = graph.nodesOfKind(LayerKind.DENSE);
        if (denses.isEmpty()) {
            return Optional.empty();
        }
        Node last = denses.get(denses.size() - 1);
        var inputs = graph.wiresInto(last.id());
        if (inputs.isEmpty()) {
            return Optional.empty();
        }
        boolean hasDropout = graph.node(inputs.get(0).from().nodeId()).map(n -> n.kind() == LayerKind.DROPOUT)
                .orElse(false);
        if (hasDropout) {
            return Optional.empty();
        }
        return Optional.of(new InsertLayerChange(LayerKind.DROPOUT,
                Parameters.empty().with("rate", new ParamValue.Real(DROPOUT_RATE)), last.id(), last.name()));
    }
}
