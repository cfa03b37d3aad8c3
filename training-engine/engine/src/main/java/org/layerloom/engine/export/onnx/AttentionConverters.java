package org.layerloom.engine.export.onnx;

import java.util.List;

/**
 * MultiHeadSelfAttention, TransformerEncoder and PositionalEncoding from opset-17 operators (opset 17
 * has no attention operator). Attention mirrors DJL's {@code ScaledDotProductAttentionBlock}: Q, K, V
 * projections (PyTorch's packed {@code in_proj}, in that order), heads of F / heads features,
 * {@code softmax(Q·Kᵀ · (1/√d))·V}, the heads joined and projected; dropout is the identity at
 * inference. The encoder is PyTorch's post-norm {@code nn.TransformerEncoderLayer} with ReLU, as the
 * engine's {@code PostNormEncoderBlock}. The positional table is a constant initializer computed with
 * the engine's formula. Stateless.
 */
final class AttentionConverters {

    /** DJL's LayerNorm default, used by the engine's encoder block. */
    private static final float ENCODER_NORM_EPSILON = 1e-5f;

    private AttentionConverters() {
    }

    static void selfAttention(NodeInput node, OnnxGraph graph) {
        attention(node, graph, "", node.input(), node.output());
    }

    /** {@code z = LN(x + Attention(x))}, {@code y = LN(z + W₂·ReLU(W₁·z + b₁) + b₂)}. */
    static void transformerEncoder(NodeInput node, OnnxGraph graph) {
        String id = node.id();
        String x = node.input();
        String attended = graph.value(id, "attention");
        attention(node, graph, "self_attn.", x, attended);
        String residual1 = graph.value(id, "residual1");
        graph.op("Add", List.of(x, attended), residual1);
        String z = graph.value(id, "norm1");
        layerNorm(node, graph, "norm1.", residual1, z);
        String hidden = graph.value(id, "linear1");
        linear(node, graph, "linear1.", z, hidden);
        String relu = graph.value(id, "relu");
        graph.op("Relu", List.of(hidden), relu);
        String back = graph.value(id, "linear2");
        linear(node, graph, "linear2.", relu, back);
        String residual2 = graph.value(id, "residual2");
        graph.op("Add", List.of(z, back), residual2);
        layerNorm(node, graph, "norm2.", residual2, node.output());
    }

    /** (B, T, F) plus the (T, F) table of sines and cosines. */
    static void positionalEncoding(NodeInput node, OnnxGraph graph) {
        int steps = node.inputShape().dim(0);
        int features = node.inputShape().dim(1);
        float[] table = new float[steps * features];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double angle = t / Math.pow(10_000, (f - f % 2) / (double) features);
                table[t * features + f] = (float) (f % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        String constant = graph.floats(graph.value(node.id(), "table"), new long[] {steps, features}, table);
        graph.op("Add", List.of(node.input(), constant), node.output());
    }

    private static void attention(NodeInput node, OnnxGraph graph, String prefix, String x, String out) {
        String id = node.id();
        long features = node.inputShape().last();
        long heads = node.intParam("heads");
        long headSize = features / heads;
        WeightTensor inWeight = node.weight(prefix + "in_proj_weight");
        WeightTensor inBias = node.weight(prefix + "in_proj_bias");
        String shapeHeads = graph.longs(graph.value(id, "heads_shape"), 0, 0, heads, headSize);
        String[] projected = new String[3];
        String[] names = {"query", "key", "value"};
        for (int j = 0; j < 3; j++) {
            WeightTensor w = inWeight.rows(j * features, (j + 1) * features).transposed();
            WeightTensor b = inBias.rows(j * features, (j + 1) * features);
            String product = graph.value(id, names[j] + "_matmul");
            graph.op("MatMul", List.of(x, graph.floats(graph.value(id, names[j] + "_weight_t"), w.shape(), w.values())),
                    product);
            String biased = graph.value(id, names[j]);
            graph.op("Add", List.of(product, graph.floats(graph.value(id, names[j] + "_bias"), b.shape(), b.values())),
                    biased);
            String split = graph.value(id, names[j] + "_split");
            graph.op("Reshape", List.of(biased, shapeHeads), split);
            projected[j] = graph.value(id, names[j] + "_heads");
            graph.op("Transpose", List.of(split), projected[j], OnnxGraph.ints("perm", 0, 2, 1, 3));
        }
        String keysT = graph.value(id, "key_t");
        graph.op("Transpose", List.of(projected[1]), keysT, OnnxGraph.ints("perm", 0, 1, 3, 2));
        String scores = graph.value(id, "scores");
        graph.op("MatMul", List.of(projected[0], keysT), scores);
        String scaled = graph.value(id, "scaled");
        graph.op("Mul", List.of(scores, graph.scalar(graph.value(id, "scale"), 1f / (float) Math.sqrt(headSize))),
                scaled);
        String probs = graph.value(id, "probabilities");
        graph.op("Softmax", List.of(scaled), probs, OnnxGraph.integer("axis", -1));
        String mixed = graph.value(id, "mixed");
        graph.op("MatMul", List.of(probs, projected[2]), mixed);
        String stepsFirst = graph.value(id, "joined_heads");
        graph.op("Transpose", List.of(mixed), stepsFirst, OnnxGraph.ints("perm", 0, 2, 1, 3));
        String joined = graph.value(id, "joined");
        graph.op("Reshape", List.of(stepsFirst, graph.longs(graph.value(id, "joined_shape"), 0, 0, features)), joined);
        linear(node, graph, prefix + "out_proj.", joined, out);
    }

    /** {@code x·Wᵀ + b} on the last axis, with the PyTorch weight {@code <prefix>weight}. */
    private static void linear(NodeInput node, OnnxGraph graph, String prefix, String x, String out) {
        String id = node.id();
        WeightTensor w = node.weight(prefix + "weight").transposed();
        WeightTensor b = node.weight(prefix + "bias");
        String product = graph.value(id, prefix + "matmul");
        graph.op("MatMul", List.of(x, graph.floats(graph.value(id, prefix + "weight_t"), w.shape(), w.values())), product);
        graph.op("Add", List.of(product, graph.floats(id + "." + prefix + "bias", b.shape(), b.values())), out);
    }

    private static void layerNorm(NodeInput node, OnnxGraph graph, String prefix, String x, String out) {
        String id = node.id();
        WeightTensor g = node.weight(prefix + "weight");
        WeightTensor b = node.weight(prefix + "bias");
        graph.op("LayerNormalization", List.of(x, graph.floats(id + "." + prefix + "weight", g.shape(), g.values()),
                graph.floats(id + "." + prefix + "bias", b.shape(), b.values())), out,
                OnnxGraph.integer("axis", -1), OnnxGraph.real("epsilon", ENCODER_NORM_EPSILON));
    }
}
