package org.layerloom.engine.export.onnx;

import static org.layerloom.engine.graph.LayerKind.*;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Synthetic graphs that, with the samples, use every layer kind as a node, with the options where an
 * export can go wrong: padded average pooling, BatchNorm on maps, vectors and sequences, LayerNorm on
 * maps and sequences, strided convolutions, Dense on vectors and on sequences with and without bias,
 * every recurrent kind both with and without "return sequences", branches joined by Add and
 * Concatenate, and every activation layer.
 */
final class OnnxTestGraphs {

    private OnnxTestGraphs() {
    }

    static Map<String, NetworkGraph> all() {
        Map<String, NetworkGraph> graphs = new LinkedHashMap<>();
        graphs.put("maps", maps());
        graphs.put("sequences", sequences());
        graphs.put("last-steps", lastSteps());
        graphs.put("tokens", tokens());
        graphs.put("activations", activations());
        return graphs;
    }

    /** Convolutions, padded pooling, norms over maps, a Flatten and a GlobalAvgPool2D branch joined by Concatenate. */
    static NetworkGraph maps() {
        GraphBuilder g = new GraphBuilder();
        String in = g.input(TensorShape.of(3, 9, 9));
        String conv = g.add(CONV2D, "filters", 6, "kernel", 3, "padding", 1, "activation", "gelu");
        String bn = g.add(BATCH_NORM, "epsilon", 1e-3);
        String avg = g.add(AVG_POOL2D, "pool", 3, "stride", 2, "padding", 1);
        String max = g.add(MAX_POOL2D, "pool", 2, "stride", 1, "padding", 1);
        String ln = g.add(LAYER_NORM);
        String conv2 = g.add(CONV2D, "filters", 4, "kernel", 2, "stride", 2, "bias", false, "activation", "leaky_relu");
        String gap = g.add(GLOBAL_AVG_POOL2D);
        String flat = g.add(FLATTEN);
        String dense = g.add(DENSE, "units", 4, "activation", "elu");
        String concat = g.add(CONCATENATE, "axis", -1);
        String bnVector = g.add(BATCH_NORM);
        String head = g.add(DENSE, "units", 5, "bias", false);
        String out = g.add(OUTPUT, "loss", "softmax_cross_entropy");
        return g.chain(in, conv, bn, avg, max, ln, conv2, gap, concat).chain(conv2, flat, dense, concat)
                .chain(concat, bnVector, head, out).build();
    }

    /** A 1-D convolution into a GRU and an LSTM added together, a SimpleRNN (ReLU), BatchNorm on steps, Reshape. */
    static NetworkGraph sequences() {
        GraphBuilder g = new GraphBuilder();
        String in = g.input(TensorShape.of(10, 3));
        String conv = g.add(CONV1D, "filters", 8, "kernel", 3, "stride", 2, "padding", 1, "activation", "tanh");
        String gru = g.add(GRU, "units", 8, "return_sequences", true);
        String lstm = g.add(LSTM, "units", 8, "return_sequences", true);
        String add = g.add(ADD);
        String rnn = g.add(SIMPLE_RNN, "units", 6, "nonlinearity", "relu", "return_sequences", true);
        String bn = g.add(BATCH_NORM);
        String reshape = g.add(RESHAPE, "target", new int[] {30});
        String dense = g.add(DENSE, "units", 4, "activation", "sigmoid");
        String out = g.add(OUTPUT, "loss", "mse");
        return g.chain(in, conv, gru, add).chain(conv, lstm, add).chain(add, rnn, bn, reshape, dense, out).build();
    }

    /** The last step of an LSTM, a GRU and a SimpleRNN (tanh), concatenated, and one sigmoid score. */
    static NetworkGraph lastSteps() {
        GraphBuilder g = new GraphBuilder();
        String in = g.input(TensorShape.of(7, 2));
        String lstm = g.add(LSTM, "units", 5);
        String gru = g.add(GRU, "units", 5);
        String rnn = g.add(SIMPLE_RNN, "units", 5);
        String concat = g.add(CONCATENATE, "axis", 0);
        String dense = g.add(DENSE, "units", 1);
        String out = g.add(OUTPUT, "loss", "sigmoid_binary_cross_entropy");
        return g.chain(in, lstm, concat).chain(in, gru, concat).chain(in, rnn, concat).chain(concat, dense, out)
                .build();
    }

    /** Token ids through an embedding, positional encoding, self-attention, an encoder block and LayerNorm. */
    static NetworkGraph tokens() {
        return GraphBuilder.chainOf(TensorShape.tokens(8), "softmax_cross_entropy",
                layer(EMBEDDING, "vocabulary", 20, "dimension", 8), layer(POSITIONAL_ENCODING),
                layer(SELF_ATTENTION, "heads", 2, "dropout", 0.1),
                layer(TRANSFORMER_ENCODER, "heads", 4, "feed_forward", 16, "dropout", 0.1),
                layer(LAYER_NORM, "epsilon", 1e-4), layer(DENSE, "units", 6, "activation", "relu"),
                layer(DENSE, "units", 5, "bias", false), layer(FLATTEN),
                layer(DROPOUT, "rate", 0.3), layer(DENSE, "units", 3));
    }

    /** Every activation layer in a row. */
    static NetworkGraph activations() {
        return GraphBuilder.chainOf(TensorShape.of(6), "mse",
                layer(DENSE, "units", 8), layer(RELU), layer(DENSE, "units", 8), layer(LEAKY_RELU, "alpha", 0.2),
                layer(ELU, "alpha", 0.7), layer(GELU), layer(SIGMOID), layer(TANH), layer(SOFTMAX));
    }
}
