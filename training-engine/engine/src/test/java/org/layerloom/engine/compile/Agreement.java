package org.layerloom.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The differential check: a compiled graph, run by DJL on random data, must produce at every node the
 * shape the validator predicts (with the batch axis in front) and hold, per node, as many trainable
 * values as the validator counts (PyTorch's numbers).
 */
final class Agreement {

    static final int BATCH = 2;

    private Agreement() {
    }

    /** Compiles, initialises and runs {@code report}'s graph in {@code manager}; asserts the agreement. */
    static GraphBlock check(ValidationReport report, NDManager manager) {
        assertThat(report.errors()).as("the test graph is valid").isEmpty();
        GraphBlock block = GraphCompiler.standard().compile(report);
        TensorShape inShape = report.outputOf(block.inputNodeId()).orElseThrow();
        block.initialize(manager, DataType.FLOAT32, withBatch(inShape));

        for (String id : block.nodeIds()) {
            long expected = report.node(id).orElseThrow().parameters();
            assertThat(block.nodeBlock(id).map(Agreement::trainable).orElse(0L))
                    .as("trainable parameters of %s", id).isEqualTo(expected);
        }
        assertThat(block.trainableParameterCount()).isEqualTo(report.totalParameters());

        NDArray input = randomInput(manager, report.graph(), inShape);
        ParameterStore ps = new ParameterStore(manager, false);
        for (boolean training : new boolean[] {false, true}) {
            Map<String, NDArray> activations = block.activations(ps, new NDList(input), training);
            assertThat(activations.keySet()).containsExactlyElementsOf(block.nodeIds());
            for (Map.Entry<String, NDArray> e : activations.entrySet()) {
                TensorShape expected = report.outputOf(e.getKey()).orElseThrow();
                assertThat(e.getValue().getShape()).as("shape of %s (training %s)", e.getKey(), training)
                        .isEqualTo(withBatch(expected));
                assertThat(e.getValue().getDataType().isInteger()).as("integer ids at %s", e.getKey())
                        .isEqualTo(expected.isTokenIds());
            }
        }
        TensorShape out = report.outputOf(block.outputNodeId()).orElseThrow();
        assertThat(block.getOutputShapes(new Shape[] {withBatch(inShape)})).containsExactly(withBatch(out));
        return block;
    }

    static Shape withBatch(TensorShape shape) {
        return new Shape(BATCH).addAll(new Shape(shape.dims().stream().mapToLong(Integer::longValue).toArray()));
    }

    /** Normal noise, or token ids below the smallest vocabulary of the graph's Embeddings. */
    static NDArray randomInput(NDManager manager, NetworkGraph graph, TensorShape shape) {
        if (!shape.isTokenIds()) {
            return manager.randomNormal(withBatch(shape));
        }
        int vocabulary = graph.nodesOfKind(LayerKind.EMBEDDING).stream().map(Node::params)
                .mapToInt(p -> p.intValue("vocabulary")).min().orElse(2);
        return manager.randomInteger(0, vocabulary, withBatch(shape), DataType.INT64);
    }

    static long trainable(Block block) {
        long count = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                count += p.getArray().size();
            }
        }
        return count;
    }
}
