package org.layerloom.engine.data.preview;

import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * What the network expects of the data, for the data doctor: the shape its Input takes, the shape its
 * Output gives, and the Output's loss ("softmax_cross_entropy", "sigmoid_binary_cross_entropy", "mse", "l1"),
 * with the validated graph they come from (for {@link org.layerloom.engine.graph.DataFit}). Immutable; any thread.
 */
public record OutputExpectation(String inputName, TensorShape input, String outputName, TensorShape prediction,
                                String loss, NetworkGraph graph, ValidationReport report) {

    /** Read from a validated graph; empty when the graph has no Input or Output, or their shapes are unknown. */
    public static Optional<OutputExpectation> from(NetworkGraph graph, ValidationReport report) {
        List<Node> inputs = graph.nodesOfKind(LayerKind.INPUT);
        List<Node> outputs = graph.nodesOfKind(LayerKind.OUTPUT);
        if (inputs.isEmpty() || outputs.isEmpty()) {
            return Optional.empty();
        }
        Node input = inputs.get(0);
        Node output = outputs.get(0);
        Optional<TensorShape> in = report.outputOf(input.id());
        Optional<TensorShape> out = report.outputOf(output.id());
        if (in.isEmpty() || out.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutputExpectation(input.name(), in.get(), output.name(), out.get(),
                output.params().choice("loss"), graph, report));
    }
}
