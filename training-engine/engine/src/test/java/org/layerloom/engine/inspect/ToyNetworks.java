package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

/** Small compiled networks with parameters set by hand, for inspection tests. Tests only; one thread. */
final class ToyNetworks {

    private ToyNetworks() {
    }

    /** Compiles and initialises {@code graph} (seeded) for one example of {@code shape}. */
    static InspectedModel open(NetworkGraph graph, TensorShape shape, NDManager manager) {
        EngineSeed.set(7);
        GraphBlock block = GraphCompiler.standard().compile(graph);
        long[] dims = new long[shape.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        block.initialize(manager, DataType.FLOAT32, new Shape(dims));
        return InspectedModel.live(block, graph, manager);
    }

    /** The node ids of a chain graph in order: the Input first, the Output last. */
    static String id(InspectedModel model, LayerKind kind, int nth) {
        return model.nodesOfKind(kind).get(nth);
    }

    /** The node's parameter whose name ends with {@code suffix} ("weight" or "bias"). */
    static NDArray parameter(InspectedModel model, String nodeId, String suffix) {
        for (Pair<String, Parameter> pair : model.block().nodeBlock(nodeId).orElseThrow().getParameters()) {
            if (pair.getKey().endsWith(suffix)) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalArgumentException(nodeId + " has no " + suffix);
    }

    static void set(InspectedModel model, String nodeId, String suffix, float[] values) {
        parameter(model, nodeId, suffix).set(FloatBuffer.wrap(values));
    }

    static void assertAllBetween(float[] values, float low, float high) {
        for (float v : values) {
            org.assertj.core.api.Assertions.assertThat(v).isBetween(low, high);
        }
    }

    /** Input(4) → Dense(3, no activation) → Output(softmax CE). */
    static NetworkGraph linear() {
        return GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "none"));
    }

    /** Input(1, 8, 8) → Conv2D(2 filters 3×3, padding 1, ReLU) → GlobalAvgPool2D → Dense(2) → Output. */
    static NetworkGraph toyConv() {
        return GraphBuilder.chainOf(new int[] {1, 8, 8}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 2, "kernel", 3, "padding", 1, "activation", "relu"),
                GraphBuilder.layer(LayerKind.GLOBAL_AVG_POOL2D),
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none"));
    }

    /** Input(4) → Dense(5, ReLU) → Dense(3, tanh) → Dense(2) → Output. */
    static NetworkGraph mlp() {
        return GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 5, "activation", "relu"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "tanh"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none"));
    }

    /** Token ids (5) → Embedding(10, 8) → SelfAttention(2 heads) → Flatten → Dense(2) → Output. */
    static NetworkGraph attention() {
        return GraphBuilder.chainOf(TensorShape.tokens(5), "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.EMBEDDING, "vocabulary", 10, "dimension", 8),
                GraphBuilder.layer(LayerKind.SELF_ATTENTION, "heads", 2),
                GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 2, "activation", "none"));
    }
}
