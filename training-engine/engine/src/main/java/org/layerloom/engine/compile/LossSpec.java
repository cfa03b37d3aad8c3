package org.layerloom.engine.compile;

import ai.djl.training.loss.Loss;
import java.util.Arrays;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

/**
 * The losses an Output node can choose (its {@code loss} parameter), each with the DJL loss that
 * implements it. Every loss takes raw scores and returns the batch mean. Immutable; any thread (a
 * {@link Loss} made by {@link #newLoss()} belongs to one training run).
 */
public enum LossSpec {

    /**
     * Labels are class indices; the prediction is one raw score per class (softmax is applied inside). Our own
     * {@link SparseSoftmaxCrossEntropyLoss}: DJL's value in fewer native operations.
     */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy"),
    /**
     * Labels are 0 or 1; the prediction is one raw score (sigmoid is applied inside). Our own
     * {@link LogitBinaryCrossEntropyLoss}, whose gradient equals PyTorch's also at a score of 0.
     */
    SIGMOID_BINARY_CROSS_ENTROPY("sigmoid_binary_cross_entropy"),
    /**
     * mean((ŷ − y)²), as the graph explains it. DJL's default {@code Loss.l2Loss()} is half of that, so
     * this uses {@code Loss.l2Loss("MSE", 1)}: the numbers a student sees equal the formula.
     */
    MSE("mse"),
    /** mean(|ŷ − y|). */
    L1("l1");

    private final String id;

    LossSpec(String id) {
        this.id = id;
    }

    /** The value of the Output node's {@code loss} parameter. */
    public String id() {
        return id;
    }

    public static LossSpec fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss '" + id + "'"));
    }

    /** The loss chosen by the graph's (first) Output node. */
    public static LossSpec of(NetworkGraph graph) {
        Node output = graph.nodesOfKind(LayerKind.OUTPUT).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the graph has no Output node"));
        return fromId(output.params().choice(ParamNames.LOSS));
    }

    /** A new DJL loss (ours for the sigmoid binary cross-entropy), named by {@link #id()}. */
    public Loss newLoss() {
        return switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> new SparseSoftmaxCrossEntropyLoss(id);
            case SIGMOID_BINARY_CROSS_ENTROPY -> new LogitBinaryCrossEntropyLoss(id);
            case MSE -> Loss.l2Loss(id, 1f);
            case L1 -> Loss.l1Loss(id);
        };
    }
}
