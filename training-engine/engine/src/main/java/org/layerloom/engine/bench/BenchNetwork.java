package org.layerloom.engine.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * The three networks the training benchmarks train, the ones students train most (the same as in
 * {@code shared/bench}): each as a LayerLoom graph, as the same network written by hand with DJL's
 * {@link SequentialBlock}, and with random data of the right shapes. Immutable; the graphs may be built
 * on any thread, the DJL blocks and arrays belong to the thread that trains them.
 */
public enum BenchNetwork {

    /** Dense 784-64-64-10 with ReLU, softmax cross-entropy, batch 64. */
    MLP("mlp", 64, 60_000, TensorShape.of(784), LossSpec.SOFTMAX_CROSS_ENTROPY),
    /**
     * Conv2D(32, 3×3, ReLU) - MaxPool2 - Conv2D(64, 3×3, ReLU) - MaxPool2 - Flatten - Dense(64, ReLU) -
     * Dense(10) on 1×28×28, softmax cross-entropy, batch 64.
     */
    CNN("cnn", 64, 60_000, TensorShape.of(1, 28, 28), LossSpec.SOFTMAX_CROSS_ENTROPY),
    /**
     * Embedding(10000, 128) over 50 token ids - LSTM(64, sequences) - LSTM(32) - Dense(1), sigmoid
     * binary cross-entropy, batch 32.
     */
    LSTM("lstm", 32, 10_000, TensorShape.tokens(50), LossSpec.SIGMOID_BINARY_CROSS_ENTROPY);

    private static final int CLASSES = 10;
    private static final int VOCABULARY = 10_000;

    private final String id;
    private final int batchSize;
    private final int standardSamples;
    private final TensorShape example;
    private final LossSpec loss;

    BenchNetwork(String id, int batchSize, int standardSamples, TensorShape example, LossSpec loss) {
        this.id = id;
        this.batchSize = batchSize;
        this.standardSamples = standardSamples;
        this.example = example;
        this.loss = loss;
    }

    /** The benchmark name, e.g. {@code mlp}. */
    public String id() {
        return id;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The examples in one epoch of the standard benchmark: 60,000 (as MNIST) or 10,000 reviews for the LSTM. */
    public int standardSamples() {
        return standardSamples;
    }

    public LossSpec loss() {
        return loss;
    }

    /** The network whose {@link #id()} is {@code id}. */
    public static BenchNetwork fromId(String id) {
        for (BenchNetwork network : values()) {
            if (network.id.equals(id)) {
                return network;
            }
        }
        throw new IllegalArgumentException("unknown benchmark network '" + id + "'");
    }

    /** One batch of one example, the shape a trainer is initialised with. */
    Shape initShape() {
        long[] dims = new long[example.rank() + 1];
        dims[0] = 1;
        for (int i = 0; i < example.rank(); i++) {
            dims[i + 1] = example.dim(i);
        }
        return new Shape(dims);
    }

    /** The network as a student would draw it: Input → layers → Output with the loss. */
    public NetworkGraph graph() {
        Chain chain = new Chain(example);
        switch (this) {
            case MLP -> chain.then(LayerKind.DENSE, "units", 64, "activation", "relu")
                    .then(LayerKind.DENSE, "units", 64, "activation", "relu")
                    .then(LayerKind.DENSE, "units", CLASSES);
            case CNN -> chain.then(LayerKind.CONV2D, "filters", 32, "kernel", 3, "activation", "relu")
                    .then(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2)
                    .then(LayerKind.CONV2D, "filters", 64, "kernel", 3, "activation", "relu")
                    .then(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2)
                    .then(LayerKind.FLATTEN)
                    .then(LayerKind.DENSE, "units", 64, "activation", "relu")
                    .then(LayerKind.DENSE, "units", CLASSES);
            case LSTM -> chain.then(LayerKind.EMBEDDING, "vocabulary", VOCABULARY, "dimension", 128)
                    .then(LayerKind.LSTM, "units", 64, "return_sequences", true)
                    .then(LayerKind.LSTM, "units", 32, "return_sequences", false)
                    .then(LayerKind.DENSE, "units", 1);
        }
        return chain.then(LayerKind.OUTPUT, "loss", loss.id()).graph;
    }

    /** The same network written by hand with DJL's standard blocks, as a DJL user would (see shared/bench). */
    public Block handWritten() {
        return switch (this) {
            case MLP -> new SequentialBlock()
                    .add(Linear.builder().setUnits(64).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(64).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(CLASSES).build());
            case CNN -> new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(64).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(CLASSES).build());
            case LSTM -> {
                NDIndex lastStep = new NDIndex(":, -1, :");
                yield new SequentialBlock()
                        .add(new TokenEmbedding(VOCABULARY, 128))
                        .add(ai.djl.nn.recurrent.LSTM.builder().setStateSize(64).setNumLayers(1)
                                .optBatchFirst(true).optReturnState(false).build())
                        .add(ai.djl.nn.recurrent.LSTM.builder().setStateSize(32).setNumLayers(1)
                                .optBatchFirst(true).optReturnState(false).build())
                        .add(LambdaBlock.singleton(a -> a.get(lastStep), "lastStep"))
                        .add(Linear.builder().setUnits(1).build());
            }
        };
    }

    /**
     * Random examples and labels of the right shapes and types, as the training loop receives them:
     * normal features or uniform token ids (int64); class indices (int64), or a 0/1 column (float32) for
     * the sigmoid loss. Drawn from the engine's generator, so {@code EngineSeed} makes them repeatable.
     */
    NDList randomData(NDManager manager, int samples) {
        NDArray features = switch (this) {
            case MLP, CNN -> manager.randomNormal(withSamples(samples));
            case LSTM -> manager.randomInteger(0, VOCABULARY, withSamples(samples), DataType.INT64);
        };
        NDArray labels = loss == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY
                ? manager.randomInteger(0, 2, new Shape(samples, 1), DataType.INT64).toType(DataType.FLOAT32, false)
                : manager.randomInteger(0, CLASSES, new Shape(samples), DataType.INT64);
        return new NDList(features, labels);
    }

    private Shape withSamples(int samples) {
        return new Shape(samples).addAll(initShape().slice(1));
    }

    /** Builds a chain of nodes with {@link GraphEdits}, as the editor does when a student drops layers. */
    private static final class Chain {
        private NetworkGraph graph = NetworkGraph.empty();
        private String last;

        Chain(TensorShape example) {
            then(LayerKind.INPUT, "shape", ParamValue.Dims.of(example.dims().stream().mapToInt(Integer::intValue)
                    .toArray()), "values", example.isTokenIds() ? "token_ids" : "real");
        }

        /** Adds a node of {@code kind}; {@code params} alternates names and values (int, boolean, String, ParamValue). */
        Chain then(LayerKind kind, Object... params) {
            Parameters overrides = Parameters.empty();
            for (int i = 0; i < params.length; i += 2) {
                overrides = overrides.with((String) params[i], value(params[i + 1]));
            }
            Node node = GraphEdits.newNode(graph, kind, new Position(graph.nodes().size() * 160.0, 100), overrides);
            graph = GraphEdits.addNode(graph, node).applyTo(graph);
            if (last != null) {
                graph = GraphEdits.connect(graph, PortRef.out(last), PortRef.in(node.id())).applyTo(graph);
            }
            last = node.id();
            return this;
        }

        private static ParamValue value(Object v) {
            if (v instanceof ParamValue p) {
                return p;
            }
            if (v instanceof Integer i) {
                return new ParamValue.Int(i);
            }
            if (v instanceof Boolean b) {
                return new ParamValue.Flag(b);
            }
            if (v instanceof String s) {
                return new ParamValue.Choice(s);
            }
            throw new IllegalArgumentException("no parameter value for " + v);
        }
    }

    /**
     * Embedding(vocabulary, dimension) indexed directly by int64 token ids, written as a DJL user would
     * (the same native call as DJL's {@code Embedding}); DJL's own embeddings need a vocabulary of items.
     */
    private static final class TokenEmbedding extends AbstractBlock {
        private final Parameter weight;
        private final long dimension;

        TokenEmbedding(int vocabulary, int dimension) {
            this.dimension = dimension;
            this.weight = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(vocabulary, dimension)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray ids = inputs.head();
            return Embedding.embedding(ids, parameterStore.getValue(weight, ids.getDevice(), training),
                    SparseFormat.DENSE);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0].add(dimension)};
        }
    }
}
