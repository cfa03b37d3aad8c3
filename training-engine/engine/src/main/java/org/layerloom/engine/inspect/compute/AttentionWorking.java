package org.layerloom.engine.inspect.compute;

import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Multi-head self-attention on a sequence (T, F), as PyTorch's {@code nn.MultiheadAttention} without
 * masks or dropout: Q = X·W_Qᵀ + b_Q (likewise K, V), split into heads of d = F / heads features; per head
 * scores S = Q·Kᵀ/√d, weights A = softmax(S) over the keys, context A·V; the heads' contexts side by side,
 * then the output projection. Immutable; any thread.
 */
public final class AttentionWorking implements LayerWorking {

    private final String nodeId;
    private final int steps;
    private final int features;
    private final int heads;
    private final double[][] q;
    private final double[][] k;
    private final double[][] v;
    private final double[][][] scores;
    private final double[][][] weights;
    private final double[][] context;
    private final double[][] output;

    private AttentionWorking(String nodeId, int steps, int features, int heads, double[][] q, double[][] k,
                             double[][] v, double[][][] scores, double[][][] weights, double[][] context,
                             double[][] output) {
        this.nodeId = nodeId;
        this.steps = steps;
        this.features = features;
        this.heads = heads;
        this.q = q;
        this.k = k;
        this.v = v;
        this.scores = scores;
        this.weights = weights;
        this.context = context;
        this.output = output;
    }

    /**
     * @param inProjWeight PyTorch's packed {@code in_proj_weight} (3F, F): the Q, K and V projections
     * @param inProjBias   {@code in_proj_bias} (3F)
     * @param outWeight    {@code out_proj.weight} (F, F)
     * @param outBias      {@code out_proj.bias} (F)
     */
    public static AttentionWorking run(String nodeId, FloatTensor input, FloatTensor inProjWeight,
                                       FloatTensor inProjBias, FloatTensor outWeight, FloatTensor outBias, int heads) {
        Objects.requireNonNull(nodeId, "nodeId");
        Numbers.requireRank("the input of " + nodeId, input, 2);
        int t = input.dim(0);
        int f = input.dim(1);
        if (heads < 1 || f % heads != 0) {
            throw new IllegalArgumentException(nodeId + ": " + f + " features do not split into " + heads + " heads");
        }
        Numbers.requireSize("in_proj_weight of " + nodeId, inProjWeight, 3L * f * f);
        double[][] q = project(input, inProjWeight, inProjBias, 0, f);
        double[][] k = project(input, inProjWeight, inProjBias, f, f);
        double[][] v = project(input, inProjWeight, inProjBias, 2 * f, f);
        int d = f / heads;
        double scale = 1 / Math.sqrt(d);
        double[][][] scores = new double[heads][t][t];
        double[][][] weights = new double[heads][t][t];
        double[][] context = new double[t][f];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < t; j++) {
                    double s = 0;
                    for (int e = 0; e < d; e++) {
                        s += q[i][h * d + e] * k[j][h * d + e];
                    }
                    scores[h][i][j] = s * scale;
                    max = Math.max(max, scores[h][i][j]);
                }
                double sum = 0;
                for (int j = 0; j < t; j++) {
                    weights[h][i][j] = Math.exp(scores[h][i][j] - max);
                    sum += weights[h][i][j];
                }
                for (int j = 0; j < t; j++) {
                    weights[h][i][j] /= sum;
                    for (int e = 0; e < d; e++) {
                        context[i][h * d + e] += weights[h][i][j] * v[j][h * d + e];
                    }
                }
            }
        }
        double[][] out = new double[t][f];
        for (int i = 0; i < t; i++) {
            for (int o = 0; o < f; o++) {
                double s = outBias.value(o);
                for (int e = 0; e < f; e++) {
                    s += outWeight.value(o * f + e) * context[i][e];
                }
                out[i][o] = s;
            }
        }
        return new AttentionWorking(nodeId, t, f, heads, q, k, v, scores, weights, context, out);
    }

    /** X·Wᵀ + b with rows {@code from}…{@code from + size} of W and b. */
    private static double[][] project(FloatTensor x, FloatTensor w, FloatTensor b, int from, int size) {
        int t = x.dim(0);
        int f = x.dim(1);
        double[][] out = new double[t][size];
        for (int i = 0; i < t; i++) {
            for (int o = 0; o < size; o++) {
                double s = b.value(from + o);
                for (int e = 0; e < f; e++) {
                    s += (double) w.value((from + o) * f + e) * x.value(i * f + e);
                }
                out[i][o] = s;
            }
        }
        return out;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.SELF_ATTENTION;
    }

    public int steps() {
        return steps;
    }

    public int heads() {
        return heads;
    }

    /** Features per head, d. */
    public int headSize() {
        return features / heads;
    }

    /** Head h's scaled scores Q·Kᵀ/√d, queries × keys. */
    public FloatTensor scores(int head) {
        return square(scores[head]);
    }

    /** Head h's attention weights softmax(Q·Kᵀ/√d), queries × keys; each row sums to 1. */
    public FloatTensor weights(int head) {
        return square(weights[head]);
    }

    /** Head h's part of Q (T, d). */
    public FloatTensor queries(int head) {
        return part(q, head);
    }

    public FloatTensor keys(int head) {
        return part(k, head);
    }

    public FloatTensor values(int head) {
        return part(v, head);
    }

    /** Head h's context A·V (T, d). */
    public FloatTensor context(int head) {
        return part(context, head);
    }

    private FloatTensor part(double[][] rows, int head) {
        int d = headSize();
        double[] out = new double[steps * d];
        for (int i = 0; i < steps; i++) {
            System.arraycopy(rows[i], head * d, out, i * d, d);
        }
        return Numbers.tensor(new int[] {steps, d}, out);
    }

    private FloatTensor square(double[][] m) {
        double[] out = new double[steps * steps];
        for (int i = 0; i < steps; i++) {
            System.arraycopy(m[i], 0, out, i * steps, steps);
        }
        return Numbers.tensor(new int[] {steps, steps}, out);
    }

    @Override
    public FloatTensor output() {
        double[] out = new double[steps * features];
        for (int i = 0; i < steps; i++) {
            System.arraycopy(output[i], 0, out, i * features, features);
        }
        return Numbers.tensor(new int[] {steps, features}, out);
    }
}
