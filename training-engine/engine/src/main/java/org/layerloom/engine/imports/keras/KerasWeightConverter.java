package org.layerloom.engine.imports.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;

/**
 * Turns the Keras weights of one layer into the PyTorch {@code state_dict} entries of its LayerLoom node
 * ({@code <nodeId>.weight}, {@code <nodeId>.weight_ih_l0}, …) in PyTorch's layouts: kernels transposed
 * (Dense (in, out) → (out, in); Conv2D (kh, kw, in, out) → (out, in, kh, kw)); recurrent gates in PyTorch's
 * order (LSTM i, f, g, o is Keras's i, f, c, o; GRU r, z, n from Keras's z, r, h) with Keras's one LSTM or
 * SimpleRNN bias as {@code bias_ih_l0} and zeros as {@code bias_hh_l0}, and a reset-after GRU's (2, 3H) bias as
 * the input and recurrent biases; BatchNorm's gamma, beta, moving mean and variance as weight, bias,
 * running_mean, running_var. The columns of a Dense that reads a flattened channels-last image are reordered
 * from (H, W, C) to (C, H, W). Every array's shape is checked against what the layer's config and input make.
 * Stateless; any thread.
 */
final class KerasWeightConverter {

    private static final int[] SAME_GATES = {0, 1, 2, 3};
    private static final int[] GRU_GATES = {1, 0, 2};

    private KerasWeightConverter() {
    }

    /**
     * @param flattened the (C, H, W) shape flattened before the Dense, or null
     * @throws KerasFormatException naming the layer when a weight is missing or has another shape
     */
    static List<NpyArray> convert(Node node, KerasLayer layer, List<KerasArray> arrays, NodeReport report,
                                  TensorShape flattened) {
        TensorShape in = report.inputs().get(0);
        boolean bias = KerasConfigValues.flag(layer, "use_bias", true);
        String id = node.id() + ".";
        List<NpyArray> out = new ArrayList<>();
        switch (node.kind()) {
            case DENSE -> {
                int units = node.params().intValue("units");
                int features = in.last();
                Map<String, KerasArray> w = roles(layer, arrays, bias ? List.of("kernel", "bias") : List.of("kernel"));
                float[] kernel = values(layer, w.get("kernel"), features, units);
                float[] weight = flattened == null ? transpose(kernel, features, units)
                        : fromChannelsLast(kernel, flattened, units);
                out.add(NpyArray.floats(id + "weight", new long[] {units, features}, weight));
                if (bias) {
                    out.add(NpyArray.floats(id + "bias", new long[] {units}, values(layer, w.get("bias"), units)));
                }
            }
            case CONV2D -> {
                int filters = node.params().intValue("filters");
                int k = node.params().intValue("kernel");
                int channels = in.dim(0);
                Map<String, KerasArray> w = roles(layer, arrays, bias ? List.of("kernel", "bias") : List.of("kernel"));
                float[] kernel = values(layer, w.get("kernel"), k, k, channels, filters);
                float[] weight = new float[kernel.length];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        for (int c = 0; c < channels; c++) {
                            for (int o = 0; o < filters; o++) {
                                weight[((o * channels + c) * k + i) * k + j] = kernel[((i * k + j) * channels + c)
                                        * filters + o];
                            }
                        }
                    }
                }
                out.add(NpyArray.floats(id + "weight", new long[] {filters, channels, k, k}, weight));
                if (bias) {
                    out.add(NpyArray.floats(id + "bias", new long[] {filters}, values(layer, w.get("bias"), filters)));
                }
            }
            case BATCH_NORM -> out.addAll(norm(id, layer, arrays, in.isImage() ? in.dim(0) : in.last(), true));
            case LAYER_NORM -> out.addAll(norm(id, layer, arrays, in.last(), false));
            case EMBEDDING -> {
                int vocabulary = node.params().intValue("vocabulary");
                int dimension = node.params().intValue("dimension");
                Map<String, KerasArray> w = roles(layer, arrays, List.of("embeddings"));
                out.add(NpyArray.floats(id + "weight", new long[] {vocabulary, dimension},
                        values(layer, w.get("embeddings"), vocabulary, dimension)));
            }
            case SIMPLE_RNN, LSTM, GRU -> out.addAll(recurrent(node, layer, arrays, in.last(), bias));
            default -> throw new IllegalStateException(node.kind() + " takes no Keras weights");
        }
        return out;
    }

    /** BatchNorm (with its running statistics) or LayerNorm over {@code n} features. */
    private static List<NpyArray> norm(String id, KerasLayer layer, List<KerasArray> arrays, int n, boolean running) {
        boolean scale = KerasConfigValues.flag(layer, "scale", true);
        boolean center = KerasConfigValues.flag(layer, "center", true);
        List<String> roles = new ArrayList<>();
        if (scale) {
            roles.add("gamma");
        }
        if (center) {
            roles.add("beta");
        }
        if (running) {
            roles.addAll(List.of("moving_mean", "moving_variance"));
        }
        Map<String, KerasArray> w = roles(layer, arrays, roles);
        long[] shape = {n};
        List<NpyArray> out = new ArrayList<>();
        out.add(NpyArray.floats(id + "weight", shape, scale ? values(layer, w.get("gamma"), n) : filled(n, 1)));
        out.add(NpyArray.floats(id + "bias", shape, center ? values(layer, w.get("beta"), n) : filled(n, 0)));
        if (running) {
            out.add(NpyArray.floats(id + "running_mean", shape, values(layer, w.get("moving_mean"), n)));
            out.add(NpyArray.floats(id + "running_var", shape, values(layer, w.get("moving_variance"), n)));
        }
        return out;
    }

    private static List<NpyArray> recurrent(Node node, KerasLayer layer, List<KerasArray> arrays, int features,
                                            boolean bias) {
        int h = node.params().intValue("units");
        int[] gates = switch (node.kind()) {
            case LSTM -> SAME_GATES;
            case GRU -> GRU_GATES;
            default -> new int[] {0};
        };
        int g = gates.length;
        List<String> roles = bias ? List.of("kernel", "recurrent_kernel", "bias")
                : List.of("kernel", "recurrent_kernel");
        Map<String, KerasArray> w = roles(layer, arrays, roles);
        float[] kernel = values(layer, w.get("kernel"), features, g * h);
        float[] recurrentKernel = values(layer, w.get("recurrent_kernel"), h, g * h);
        float[] inputBias = new float[g * h];
        float[] recurrentBias = new float[g * h];
        if (bias) {
            if (node.kind() == org.layerloom.engine.graph.LayerKind.GRU) {
                float[] both = values(layer, w.get("bias"), 2, g * h);
                inputBias = Arrays.copyOfRange(both, 0, g * h);
                recurrentBias = Arrays.copyOfRange(both, g * h, 2 * g * h);
            } else {
                inputBias = values(layer, w.get("bias"), g * h);
            }
        }
        String id = node.id() + ".";
        return List.of(
                NpyArray.floats(id + "weight_ih_l0", new long[] {g * h, features},
                        gatesTransposed(kernel, features, h, gates)),
                NpyArray.floats(id + "weight_hh_l0", new long[] {g * h, h},
                        gatesTransposed(recurrentKernel, h, h, gates)),
                NpyArray.floats(id + "bias_ih_l0", new long[] {g * h}, reorder(inputBias, h, gates)),
                NpyArray.floats(id + "bias_hh_l0", new long[] {g * h}, reorder(recurrentBias, h, gates)));
    }

    /** The arrays of {@code layer} by role: by their names where the file names them, else by position. */
    private static Map<String, KerasArray> roles(KerasLayer layer, List<KerasArray> arrays, List<String> roles) {
        Map<String, KerasArray> byRole = new HashMap<>();
        boolean named = arrays.stream().allMatch(a -> a.role() != null);
        if (named) {
            arrays.forEach(a -> byRole.putIfAbsent(a.role(), a));
        } else if (arrays.size() == roles.size()) {
            for (int i = 0; i < roles.size(); i++) {
                byRole.put(roles.get(i), arrays.get(i).withRole(roles.get(i)));
            }
        } else {
            throw new KerasFormatException("Layer " + layer.who() + " has " + arrays.size() + " weight arrays in the"
                    + " file, but its config needs " + roles.size() + " " + roles + ".");
        }
        for (String role : roles) {
            if (!byRole.containsKey(role)) {
                throw new KerasFormatException("Layer " + layer.who() + " has no '" + role + "' weight in the file"
                        + " (it has " + arrays.stream().map(KerasArray::role).toList() + ").");
            }
        }
        return byRole;
    }

    /** The array's values after checking that its shape is {@code expected}. */
    private static float[] values(KerasLayer layer, KerasArray array, int... expected) {
        long[] want = Arrays.stream(expected).asLongStream().toArray();
        if (!Arrays.equals(array.shape(), want)) {
            throw new KerasFormatException("The '" + array.role() + "' weight of layer " + layer.who() + " has the"
                    + " shape " + array.shapeText() + ", but the layer's config and input make "
                    + Arrays.toString(want) + ".");
        }
        return array.values();
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * PyTorch's (out, in) weight of a Dense after a Flatten of (C, H, W), from the Keras kernel whose rows follow
     * the (H, W, C) order of a channels-last Flatten.
     */
    static float[] fromChannelsLast(float[] kernel, TensorShape chw, int units) {
        int channels = chw.dim(0);
        int height = chw.dim(1);
        int width = chw.dim(2);
        int features = channels * height * width;
        float[] weight = new float[kernel.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int ours = (c * height + y) * width + x;
                    int keras = (y * width + x) * channels + c;
                    for (int o = 0; o < units; o++) {
                        weight[o * features + ours] = kernel[keras * units + o];
                    }
                }
            }
        }
        return weight;
    }

    /** (rows, G·H) with Keras's gate blocks → (G·H, rows) with PyTorch's; block b is Keras's block gates[b]. */
    private static float[] gatesTransposed(float[] kernel, int rows, int h, int[] gates) {
        int width = gates.length * h;
        float[] out = new float[kernel.length];
        for (int b = 0; b < gates.length; b++) {
            for (int j = 0; j < h; j++) {
                for (int r = 0; r < rows; r++) {
                    out[(b * h + j) * rows + r] = kernel[r * width + gates[b] * h + j];
                }
            }
        }
        return out;
    }

    private static float[] reorder(float[] bias, int h, int[] gates) {
        float[] out = new float[bias.length];
        for (int b = 0; b < gates.length; b++) {
            System.arraycopy(bias, gates[b] * h, out, b * h, h);
        }
        return out;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }
}
