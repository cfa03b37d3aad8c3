package org.layerloom.engine.export.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import onnx.Onnx.ModelProto;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The ONNX check of one graph: compiles it in the engine, gives it seeded random weights (non-zero
 * biases, BatchNorm running statistics away from 0 and 1), exports it with every node's value as a
 * graph output, runs one random batch through ONNX Runtime and through the engine's network at
 * inference, and measures every node's largest difference. A test may change the exported model before
 * it runs (the negative controls).
 *
 * <p><b>Tolerance.</b> The same float32 arithmetic runs in other kernels (ONNX Runtime's MLAS against
 * libtorch's oneDNN/MKL), which add the terms of each dot product in another order and round erf, exp,
 * sigmoid and tanh in their own ways. Each is a rounding effect of a few float32 ulps (6·10⁻⁸ relative)
 * per operation, growing with the length of the sums (up to 9·64 terms in the samples) and with the size
 * of the values, and carried through the layers. So a node agrees when its largest difference is at
 * most {@code 1e-5 · max(1, largest |value| of the node)}, about 80 ulps of the node's scale: measured
 * differences stay 14 times below that or more (default and AVX2 oneDNN), while every mistake the
 * negative controls make (a wrong gate order or pooling rule) differs by 0.3 or more.
 */
public final class OnnxAgreement {

    static final int BATCH = 3;
    static final double RELATIVE_TOLERANCE = 1e-5;

    /** The largest difference of one node, and the scale its tolerance is taken from. */
    record NodeDifference(String nodeId, LayerKind kind, double largest, double scale) {

        double tolerance() {
            return RELATIVE_TOLERANCE * Math.max(1, scale);
        }

        boolean agrees() {
            return largest <= tolerance();
        }
    }

    /** Every node's difference, in running order (the model's {@code probabilities} last, for classifiers). */
    record Result(String name, List<NodeDifference> nodes) {

        double largest() {
            return nodes.stream().mapToDouble(NodeDifference::largest).max().orElseThrow();
        }

        List<NodeDifference> disagreeing() {
            return nodes.stream().filter(d -> !d.agrees()).toList();
        }
    }

    private OnnxAgreement() {
    }

    static Result compare(String name, NetworkGraph graph, long seed) throws Exception {
        return compare(name, graph, seed, UnaryOperator.identity());
    }

    /** As {@link #compare(String, NetworkGraph, long)}, with {@code change} applied to the exported model. */
    static Result compare(String name, NetworkGraph graph, long seed, UnaryOperator<ModelProto> change)
            throws Exception {
        ValidationReport report = GraphValidator.standard().validate(graph);
        if (!report.isValid()) {
            throw new IllegalArgumentException(name + ": " + report.errors());
        }
        Random random = new Random(seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            GraphBlock block = GraphCompiler.standard().compile(report);
            TensorShape inShape = report.outputOf(block.inputNodeId()).orElseThrow();
            block.initialize(manager, DataType.FLOAT32, withBatch(inShape));
            TorchStateDict dict = TorchStateDict.of(graph, block);
            Map<String, NDArray> values = new HashMap<>();
            for (String weight : dict.names()) {
                values.put(weight, manager.create(randomWeight(weight, dict.shape(weight), random), dict.shape(weight)));
            }
            dict.load(values::get);
            ModelProto model = change.apply(OnnxExporter.standard().model(report, OnnxWeights.of(dict), true));

            float[] input = randomInput(graph, inShape, random);
            NDArray x = manager.create(input, withBatch(inShape));
            if (inShape.isTokenIds()) {
                x = x.toType(DataType.INT64, false);
            }
            Map<String, NDArray> engine = block.activations(new ParameterStore(manager, false), new NDList(x), false);
            Map<String, float[]> expected = new LinkedHashMap<>();
            engine.forEach((id, v) -> expected.put(id, v.toType(DataType.FLOAT32, false).toFloatArray()));
            probabilities(report, engine.get(block.outputNodeId()))
                    .ifPresent(p -> expected.put(OnnxExporter.PROBABILITIES_NAME, p));

            Map<String, float[]> actual = runOnnx(model, input, withBatch(inShape).getShape(), inShape.isTokenIds(),
                    expected.keySet());
            List<NodeDifference> differences = expected.entrySet().stream().map(e -> difference(graph, e.getKey(),
                    e.getValue(), actual.get(e.getKey()))).toList();
            return new Result(name, differences);
        }
    }

    private static NodeDifference difference(NetworkGraph graph, String id, float[] expected, float[] actual) {
        if (actual == null || actual.length != expected.length) {
            throw new AssertionError(id + ": ONNX gave " + (actual == null ? "nothing" : actual.length + " values")
                    + ", the engine " + expected.length);
        }
        double largest = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) expected[i] - actual[i]);
            largest = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(largest, d);
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        LayerKind kind = graph.node(id).map(Node::kind).orElse(null);
        return new NodeDifference(id, kind, largest, scale);
    }

    static Map<String, float[]> runOnnx(ModelProto model, float[] input, long[] shape, boolean tokens,
                                                Set<String> outputs) throws OrtException {
        return run(model.toByteArray(), input, shape, tokens, outputs, true);
    }

    /**
     * Every output of {@code model} for a float batch, by name. With {@code optimized} false, ONNX Runtime runs
     * the graph as written (its optimizer would fold QuantizeLinear/DequantizeLinear pairs into integer kernels).
     */
    public static Map<String, float[]> runOnnx(byte[] model, float[] input, long[] shape, boolean optimized)
            throws OrtException {
        return run(model, input, shape, false, Set.of(), optimized);
    }

    /** {@code outputs} empty: all of them. */
    private static Map<String, float[]> run(byte[] model, float[] input, long[] shape, boolean tokens,
                                            Set<String> outputs, boolean optimized) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (!optimized) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            }
            return run(env, model, options, input, shape, tokens, outputs);
        }
    }

    private static Map<String, float[]> run(OrtEnvironment env, byte[] model, OrtSession.SessionOptions options,
                                            float[] input, long[] shape, boolean tokens, Set<String> outputs)
            throws OrtException {
        try (OrtSession session = env.createSession(model, options);
             OnnxTensor in = tokens ? OnnxTensor.createTensor(env, LongBuffer.wrap(toLongs(input)), shape)
                     : OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = outputs.isEmpty() ? session.run(Map.of(OnnxExporter.INPUT_NAME, in))
                     : session.run(Map.of(OnnxExporter.INPUT_NAME, in), outputs)) {
            Map<String, float[]> values = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                values.put(e.getKey(), t.getInfo().type == OnnxJavaType.INT64
                        ? toFloats(t.getLongBuffer()) : toFloats(t.getFloatBuffer()));
            }
            return values;
        }
    }

    private static Optional<float[]> probabilities(ValidationReport report, NDArray scores) {
        String loss = report.graph().nodesOfKind(LayerKind.OUTPUT).get(0).params().choice("loss");
        return switch (loss) {
            case "softmax_cross_entropy" -> Optional.of(scores.softmax(-1).toFloatArray());
            case "sigmoid_binary_cross_entropy" -> {
                NDArray p = Activation.sigmoid(scores.reshape(-1, 1));
                yield Optional.of(p.neg().add(1).concat(p, 1).toFloatArray());
            }
            default -> Optional.empty();
        };
    }

    /**
     * A weight of the size PyTorch's default initialisation gives (±1/√fan-in for matrices and kernels),
     * so that activations keep the scale of a trained network; biases ±0.5, norm scales 0.5…1.5, running
     * means ±0.5 and running variances 0.5…1.5; embeddings ±1.
     */
    private static float[] randomWeight(String name, Shape shape, Random random) {
        float[] v = new float[Math.toIntExact(shape.size())];
        double low;
        double high;
        boolean norm = name.contains("norm") || name.contains("batchnorm") || name.contains("layernorm");
        if (name.endsWith("running_var") || (norm && name.endsWith(".weight"))) {
            low = 0.5;
            high = 1.5;
        } else if (name.endsWith("running_mean") || name.contains("bias")) {
            low = -0.5;
            high = 0.5;
        } else if (name.startsWith("embedding")) {
            low = -1;
            high = 1;
        } else {
            double bound = 1 / Math.sqrt(shape.size() / shape.get(0));
            low = -bound;
            high = bound;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return v;
    }

    /** Normal values for real inputs; token ids below the vocabulary of the Embedding they feed. */
    private static float[] randomInput(NetworkGraph graph, TensorShape inShape, Random random) {
        int size = Math.toIntExact(inShape.size() * BATCH);
        float[] v = new float[size];
        int vocabulary = graph.nodesOfKind(LayerKind.EMBEDDING).stream()
                .mapToInt(n -> n.params().intValue("vocabulary")).min().orElse(1);
        for (int i = 0; i < size; i++) {
            v[i] = inShape.isTokenIds() ? random.nextInt(vocabulary) : (float) random.nextGaussian();
        }
        return v;
    }

    static Shape withBatch(TensorShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = BATCH;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return new Shape(dims);
    }

    private static long[] toLongs(float[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = (long) v[i];
        }
        return l;
    }

    private static float[] toFloats(FloatBuffer b) {
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }

    private static float[] toFloats(LongBuffer b) {
        float[] v = new float[b.remaining()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.get(i);
        }
        return v;
    }
}
