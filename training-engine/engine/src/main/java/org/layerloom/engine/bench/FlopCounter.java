package org.layerloom.engine.bench;

import java.util.List;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Floating-point operations of one training example through a LayerLoom graph, from the shapes its
 * validation infers. Convention: a multiply-add is 2 FLOPs; only the matrix products are counted
 * (Dense {@code 2·in·out} per position, Conv2D {@code 2·k·k·Cin·Cout·Hout·Wout}, LSTM
 * {@code 2·4·H·(in+H)·T}, GRU with 3 gates, SimpleRNN with 1); activations, pooling, embeddings
 * lookups, losses and optimizer updates count 0; backward is taken as 2× forward, so training costs
 * 3× forward. Stateless; any thread.
 */
public final class FlopCounter {

    /** Backward ≈ twice forward (gradients for the inputs and for the weights). */
    public static final int BACKWARD_FACTOR = 2;

    private FlopCounter() {
    }

    /** Forward FLOPs per example of {@code graph}; throws {@link IllegalArgumentException} if it does not validate. */
    public static long forwardPerSample(NetworkGraph graph) {
        ValidationReport report = GraphValidator.standard().validate(graph);
        if (!report.isValid()) {
            throw new IllegalArgumentException("cannot count FLOPs of an invalid network: " + report.errors());
        }
        long total = 0;
        for (Node node : graph.nodes()) {
            NodeReport nodeReport = report.node(node.id()).orElseThrow();
            total += forward(node, nodeReport.inputs(), nodeReport.output().orElseThrow());
        }
        return total;
    }

    /** Forward plus backward FLOPs per example: forward × (1 + {@value #BACKWARD_FACTOR}). */
    public static long trainingPerSample(NetworkGraph graph) {
        return forwardPerSample(graph) * (1 + BACKWARD_FACTOR);
    }

    private static long forward(Node node, List<TensorShape> inputs, TensorShape output) {
        return switch (node.kind()) {
            case DENSE -> {
                TensorShape in = inputs.get(0);
                long positions = in.size() / in.last();
                yield 2L * in.last() * output.last() * positions;
            }
            case CONV2D -> {
                long k = node.params().intValue("kernel");
                long cin = inputs.get(0).dim(0);
                yield 2L * k * k * cin * output.dim(0) * output.dim(1) * output.dim(2);
            }
            case LSTM -> recurrent(4, inputs.get(0), node.params().intValue("units"));
            case GRU -> recurrent(3, inputs.get(0), node.params().intValue("units"));
            case SIMPLE_RNN -> recurrent(1, inputs.get(0), node.params().intValue("units"));
            default -> 0L;
        };
    }

    /** {@code 2·gates·H·(in+H)·T} for an input of T steps of {@code in} features. */
    private static long recurrent(int gates, TensorShape sequence, long units) {
        long steps = sequence.dim(0);
        long features = sequence.last();
        return 2L * gates * units * (features + units) * steps;
    }
}
