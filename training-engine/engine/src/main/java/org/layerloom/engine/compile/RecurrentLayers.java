package org.layerloom.engine.compile;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Parameters;

/**
 * Blocks for SimpleRNN, LSTM and GRU nodes: DJL's recurrent blocks with one layer, batch first, state
 * size = units, biases on (two vectors per gate, as PyTorch). Without "return sequences" only the last
 * step's state is kept, (B, T, H) → (B, H). Stateless.
 */
final class RecurrentLayers {

    private RecurrentLayers() {
    }

    static Block simpleRnn(Node node) {
        RNN.Activation f = "relu".equals(node.params().choice(ParamNames.NONLINEARITY))
                ? RNN.Activation.RELU : RNN.Activation.TANH;
        return lastStepUnlessSequences(node, RNN.builder().setActivation(f).setStateSize(units(node))
                .setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
    }

    static Block lstm(Node node) {
        return lastStepUnlessSequences(node, LSTM.builder().setStateSize(units(node)).setNumLayers(1)
                .optBatchFirst(true).optReturnState(false).build());
    }

    static Block gru(Node node) {
        return lastStepUnlessSequences(node, GRU.builder().setStateSize(units(node)).setNumLayers(1)
                .optBatchFirst(true).optReturnState(false).build());
    }

    private static int units(Node node) {
        return node.params().intValue(ParamNames.UNITS);
    }

    private static Block lastStepUnlessSequences(Node node, Block recurrent) {
        Parameters p = node.params();
        if (p.flag(ParamNames.RETURN_SEQUENCES)) {
            return recurrent;
        }
        NDIndex lastStep = new NDIndex(":, -1");
        ArrayFunction keepLast = new ArrayFunction("lastStep", a -> a.get(lastStep),
                s -> new Shape(s.get(0), s.get(2)));
        return new WrappedBlock(null, "recurrent", recurrent, keepLast);
    }
}
