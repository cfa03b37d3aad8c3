package org.layerloom.engine.export;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.compress.ActivationRounding;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.kernels.KernelGuard;

/**
 * What LayerLoom's own network computes for an export, node by node, so that an export can be checked against
 * it: compiles the exported network, loads its weights by name and runs one batch at inference. Also draws that
 * batch (seeded: N(0, 1) reals, or token ids below the smallest vocabulary). Results are plain arrays. Stateless;
 * call off the JavaFX thread (it runs the engine on the calling thread).
 */
public final class ReferenceOutputs {

    /** The extra output of classifiers: the class probabilities as the app computes them. */
    public static final String PROBABILITIES = "probabilities";

    /**
     * One batch for the network's Input.
     *
     * @param shape    (batch, …) as the network's Input takes it
     * @param values   the values in row-major order; token ids as whole numbers
     * @param tokenIds whether the values are token ids (int64 for the exports)
     */
    public record Batch(long[] shape, float[] values, boolean tokenIds) {

        public Batch {
            shape = shape.clone();
            values = values.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        /** The values as int64 token ids. */
        public long[] longValues() {
            long[] ids = new long[values.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (long) values[i];
            }
            return ids;
        }
    }

    private ReferenceOutputs() {
    }

    /** {@code size} seeded examples of the right shape and kind for {@code network}'s Input. */
    public static Batch seededBatch(ExportedNetwork network, int size, long seed) {
        TensorShape example = inputShape(network);
        long[] shape = withBatch(example, size);
        Random random = new Random(seed);
        float[] values = new float[Math.toIntExact(example.size() * size)];
        int vocabulary = network.report().graph().nodesOfKind(LayerKind.EMBEDDING).stream().map(Node::params)
                .mapToInt(p -> p.intValue("vocabulary")).min().orElse(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = example.isTokenIds() ? random.nextInt(vocabulary) : (float) random.nextGaussian();
        }
        return new Batch(shape, values, example.isTokenIds());
    }

    /**
     * Every compiled node's output for {@code batch}, by node id in running order, then the class probabilities
     * ({@link #PROBABILITIES}) for classifiers; all as float32 values in row-major order. For a network that keeps
     * an int8 variant's rounding ({@link ExportedNetwork#quantizationPart()}) every node's output is rounded to 8
     * bits as LayerLoom measured the variant, and the later nodes compute from the rounded values.
     */
    public static Map<String, float[]> of(ExportedNetwork network, Batch batch) {
        KernelGuard.ensure();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            GraphBlock block = GraphCompiler.standard().compile(network.report());
            block.initialize(manager, DataType.FLOAT32, new Shape(withBatch(inputShape(network), 1)));
            Map<String, NDArray> weights = new HashMap<>();
            for (NpyArray array : network.weights()) {
                weights.put(array.name(), manager.create(array.floatValues(), new Shape(array.shape())));
            }
            TorchStateDict.of(network.report().graph(), block).load(weights::get);
            NDArray x = manager.create(batch.values(), new Shape(batch.shape()));
            if (batch.tokenIds()) {
                x = x.toType(DataType.INT64, false);
            }
            ParameterStore store = new ParameterStore(manager, false);
            Map<String, NDArray> outputs;
            if (network.quantizationPart().isPresent()) {
                Map<String, NDArray> rounded = new LinkedHashMap<>(); // filled in running order
                GraphBlock.NodeTap rounding = ActivationRounding.tap(network.quantization().activations());
                block.forwardTapped(store, new NDList(x), false, (id, value) -> {
                    NDArray out = rounding.tap(id, value);
                    rounded.put(id, out);
                    return out;
                });
                outputs = rounded;
            } else {
                outputs = block.activations(store, new NDList(x), false);
            }
            Map<String, float[]> values = new LinkedHashMap<>();
            outputs.forEach((id, v) -> values.put(id, v.toType(DataType.FLOAT32, false).toFloatArray()));
            NDArray scores = outputs.get(block.outputNodeId());
            String loss = network.report().graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss");
            if ("softmax_cross_entropy".equals(loss)) {
                values.put(PROBABILITIES, scores.softmax(-1).toFloatArray());
            } else if ("sigmoid_binary_cross_entropy".equals(loss)) {
                NDArray p = Activation.sigmoid(scores.reshape(-1, 1));
                values.put(PROBABILITIES, p.neg().add(1).concat(p, 1).toFloatArray());
            }
            return values;
        }
    }

    private static TensorShape inputShape(ExportedNetwork network) {
        String input = network.report().graph().nodesOfKind(LayerKind.INPUT).get(0).id();
        return network.report().outputOf(input).orElseThrow();
    }

    private static long[] withBatch(TensorShape example, int size) {
        long[] dims = new long[example.rank() + 1];
        dims[0] = size;
        for (int i = 0; i < example.rank(); i++) {
            dims[i + 1] = example.dim(i);
        }
        return dims;
    }
}
