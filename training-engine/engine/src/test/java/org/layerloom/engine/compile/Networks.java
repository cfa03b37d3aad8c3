package org.layerloom.engine.compile;

import org.layerloom.engine.testing.GraphBuilder;
import static org.layerloom.engine.testing.GraphBuilder.layer;
import static org.layerloom.engine.graph.LayerKind.*;

import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;

/** Whole networks students build, with the parameter counts PyTorch gives them. */
final class Networks {

    static final long MLP_PARAMETERS = 55_050;
    static final long CNN_PARAMETERS = 121_930;
    static final long LSTM_PARAMETERS = 1_342_241;

    private Networks() {
    }

    /** Dense 784-64-64-10 with ReLU. */
    static NetworkGraph mlp() {
        return GraphBuilder.chainOf(TensorShape.of(784), "softmax_cross_entropy",
                layer(DENSE, "units", 64, "activation", "relu"), layer(DENSE, "units", 64, "activation", "relu"),
                layer(DENSE, "units", 10));
    }

    /** The first two layers of {@link #mlp()}, with the same node ids. */
    static NetworkGraph mlpFirstTwoLayers() {
        return GraphBuilder.chainOf(TensorShape.of(784), "mse",
                layer(DENSE, "units", 64, "activation", "relu"), layer(DENSE, "units", 64, "activation", "relu"));
    }

    /** Conv(32, 3, relu) - Pool 2 - Conv(64, 3, relu) - Pool 2 - Flatten - Dense(64, relu) - Dense(10) on 1×28×28. */
    static NetworkGraph cnn() {
        return GraphBuilder.chainOf(TensorShape.of(1, 28, 28), "softmax_cross_entropy",
                layer(CONV2D, "filters", 32, "kernel", 3, "activation", "relu"), layer(MAX_POOL2D),
                layer(CONV2D, "filters", 64, "kernel", 3, "activation", "relu"), layer(MAX_POOL2D),
                layer(FLATTEN), layer(DENSE, "units", 64, "activation", "relu"), layer(DENSE, "units", 10));
    }

    /** Embedding(10000, 128) over 50 ids - LSTM(64, sequences) - LSTM(32) - Dense(1). */
    static NetworkGraph lstm() {
        return GraphBuilder.chainOf(TensorShape.tokens(50), "sigmoid_binary_cross_entropy",
                layer(EMBEDDING, "vocabulary", 10_000, "dimension", 128),
                layer(LSTM, "units", 64, "return_sequences", true), layer(LSTM, "units", 32), layer(DENSE, "units", 1));
    }

    /**
     * A residual block and a concatenated side branch on 3×16×16: the Input feeds three nodes, Add joins
     * two 3×3 convolutions with a 1×1 projection, Concatenate joins the result with a second branch.
     */
    static NetworkGraph residual() {
        GraphBuilder g = new GraphBuilder();
        String in = g.input(TensorShape.of(3, 16, 16));
        String conv1 = g.add(CONV2D, "filters", 8, "kernel", 3, "padding", 1, "activation", "relu");
        String conv2 = g.add(CONV2D, "filters", 8, "kernel", 3, "padding", 1);
        String projection = g.add(CONV2D, "filters", 8, "kernel", 1, "bias", false);
        String add = g.add(ADD);
        String relu = g.add(RELU);
        String side = g.add(CONV2D, "filters", 4, "kernel", 1, "activation", "relu");
        String concat = g.add(CONCATENATE, "axis", 0);
        String norm = g.add(BATCH_NORM);
        String pool = g.add(GLOBAL_AVG_POOL2D);
        String dense = g.add(DENSE, "units", 10);
        String out = g.add(OUTPUT, "loss", "softmax_cross_entropy");
        return g.chain(in, conv1, conv2, add).chain(in, projection, add).chain(add, relu, concat)
                .chain(in, side, concat).chain(concat, norm, pool, dense, out).build();
    }

    /** Embedding - PositionalEncoding - TransformerEncoder - self-attention - LayerNorm - Flatten - Dense(3). */
    static NetworkGraph transformer() {
        return GraphBuilder.chainOf(TensorShape.tokens(12), "softmax_cross_entropy",
                layer(EMBEDDING, "vocabulary", 100, "dimension", 16), layer(POSITIONAL_ENCODING),
                layer(TRANSFORMER_ENCODER, "heads", 4, "feed_forward", 32),
                layer(SELF_ATTENTION, "heads", 2, "dropout", 0.1), layer(LAYER_NORM), layer(FLATTEN),
                layer(DENSE, "units", 3));
    }

    /** A signal (T, F) through Conv1D, GRU (sequences), SimpleRNN and a regression head. */
    static NetworkGraph signal() {
        return GraphBuilder.chainOf(TensorShape.of(30, 2), "mse",
                layer(CONV1D, "filters", 8, "kernel", 5, "stride", 2, "padding", 2, "activation", "elu"),
                layer(GRU, "units", 12, "return_sequences", true), layer(DROPOUT, "rate", 0.2),
                layer(SIMPLE_RNN, "units", 6, "nonlinearity", "relu"), layer(DENSE, "units", 2));
    }
}
