package org.layerloom.engine.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/** Blocks for Dense, Flatten, Reshape, Dropout and Embedding nodes. Stateless. */
final class CoreLayers {

    private CoreLayers() {
    }

    /**
     * DJL's {@code Linear}, which works on the last axis, so one set of weights serves every step of a
     * sequence (B, T, F); followed by the node's activation option.
     */
    static Block dense(Node node) {
        Linear linear = Linear.builder().setUnits(node.params().intValue(ParamNames.UNITS))
                .optBias(node.params().flag(ParamNames.BIAS)).build();
        return withActivation(node, "linear", PyTorchInit.weights(linear));
    }

    /** (B, …) → (B, product of the rest). */
    static Block flatten(NodeReport report) {
        long size = report.inputs().get(0).size();
        Shape target = new Shape(-1, size);
        return new FunctionBlock(new ArrayFunction("flatten", a -> a.reshape(target),
                s -> new Shape(s.get(0), size)));
    }

    /** (B, …) → (B, target…), keeping the values in order. */
    static Block reshape(NodeReport report) {
        List<Integer> dims = report.output().orElseThrow().dims();
        long[] withBatch = new long[dims.size() + 1];
        withBatch[0] = -1;
        for (int i = 0; i < dims.size(); i++) {
            withBatch[i + 1] = dims.get(i);
        }
        Shape target = new Shape(withBatch);
        Shape perExample = target.slice(1);
        return new FunctionBlock(new ArrayFunction("reshape", a -> a.reshape(target),
                s -> new Shape(s.get(0)).addAll(perExample)));
    }

    static Block dropout(Node node) {
        return Dropout.builder().optRate((float) node.params().realValue(ParamNames.RATE)).build();
    }

    static Block embedding(Node node) {
        return new IdEmbeddingBlock(node.params().intValue(ParamNames.VOCABULARY),
                node.params().intValue(ParamNames.DIMENSION));
    }

    /** {@code layer}, followed by the node's {@code activation} option when it is not "none". */
    static Block withActivation(Node node, String childName, Block layer) {
        Optional<ArrayFunction> activation = ActivationBlocks.optionOf(node);
        return activation.<Block>map(f -> new WrappedBlock(null, childName, layer, f)).orElse(layer);
    }
}
