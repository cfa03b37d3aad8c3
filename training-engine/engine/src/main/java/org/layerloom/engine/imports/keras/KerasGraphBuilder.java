package org.layerloom.engine.imports.keras;

import static org.layerloom.engine.imports.keras.KerasConfigValues.flag;
import static org.layerloom.engine.imports.keras.KerasConfigValues.integer;
import static org.layerloom.engine.imports.keras.KerasConfigValues.real;
import static org.layerloom.engine.imports.keras.KerasConfigValues.refused;
import static org.layerloom.engine.imports.keras.KerasConfigValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * Builds the LayerLoom graph of a Keras layer list, one layer at a time: every supported Keras layer becomes
 * a node (a Dense with a softmax or leaky-ReLU activation becomes two), channels-last image shapes become
 * (C, H, W), and the model's last activation becomes the Output's loss (softmax → softmax cross-entropy,
 * sigmoid on one unit → sigmoid binary cross-entropy). A Flatten of a channels-last image is marked on the
 * Dense that reads it, whose weight columns must then be reordered from HWC to CHW. Each layer that cannot be
 * translated is a problem naming it; the others go on, so one import reports all of them. One import, one
 * thread.
 */
final class KerasGraphBuilder {

    /** A Keras layer's output: the node that computes it, its rank without batch and the Flatten it comes from. */
    private record Tensor(String nodeId, int rank, String hwcFlatten) {
    }

    /** A node that takes the weights of a Keras layer; {@code hwcFlatten} when its input is a flattened image. */
    record Weighted(KerasLayer layer, String hwcFlatten) {
    }

    /** The graph, the nodes that take Keras weights, by node id, and the Output's loss. */
    record Built(NetworkGraph graph, Map<String, Weighted> weighted) {
    }

    private final ImportLog log;
    private final Optional<KerasCompileConfig> compiled;
    private final Set<String> feedsEmbedding = new HashSet<>();
    private final Map<String, Tensor> tensors = new HashMap<>();
    private final Map<String, Weighted> weighted = new LinkedHashMap<>();
    private NetworkGraph graph = NetworkGraph.empty();
    private final Map<String, Integer> columns = new HashMap<>();
    private final Map<Integer, Integer> rows = new HashMap<>();
    private String head;

    private KerasGraphBuilder(ImportLog log, Optional<KerasCompileConfig> compiled) {
        this.log = log;
        this.compiled = compiled;
    }

    static Built build(KerasLayerList list, Optional<KerasCompileConfig> compiled, ImportLog log) {
        KerasGraphBuilder builder = new KerasGraphBuilder(log, compiled);
        if (list.inputs().size() != 1) {
            throw new KerasFormatException("The model has " + list.inputs().size() + " inputs " + list.inputs()
                    + "; LayerLoom networks have exactly one.");
        }
        if (list.outputs().size() != 1) {
            throw new KerasFormatException("The model has " + list.outputs().size() + " outputs " + list.outputs()
                    + "; LayerLoom networks have exactly one.");
        }
        for (KerasLayer layer : list.layers()) {
            if (layer.className().equals("Embedding")) {
                builder.feedsEmbedding.addAll(layer.inbound());
            }
        }
        String output = list.outputs().get(0);
        for (KerasLayer layer : list.layers()) {
            try {
                builder.translate(layer, layer.name().equals(output));
            } catch (KerasFormatException e) {
                log.problem(e.getMessage());
            }
        }
        Tensor last = builder.tensors.get(output);
        if (last != null) {
            builder.output(last);
        } else if (!log.hasProblems()) {
            log.problem("The model's output layer '" + output + "' is not among its layers.");
        }
        return new Built(builder.graph, builder.weighted);
    }

    private void translate(KerasLayer layer, boolean last) {
        List<Tensor> in = new ArrayList<>();
        for (String source : layer.inbound()) {
            Tensor t = tensors.get(source);
            if (t == null) {
                if (!log.hasProblems()) {
                    log.problem("Layer " + layer.who() + " reads layer '" + source + "', which comes nowhere"
                            + " before it in the model.");
                }
                return; // its source was refused already: that problem is reported
            }
            in.add(t);
        }
        if (!layer.className().equals("InputLayer") && in.isEmpty()) {
            throw refused(layer, "has no input");
        }
        if ("channels_first".equals(text(layer, "data_format", "channels_last"))) {
            throw refused(layer, "uses data_format='channels_first'; only channels-last Keras images are read");
        }
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).hwcFlatten() != null && !layer.className().equals("Dense")
                    && !isElementwise(layer.className())) {
                throw refused(layer, "reads a flattened channels-last image; LayerLoom flattens (C, H, W) in another"
                        + " order, which only a Dense right after the Flatten can make up for");
            }
        }
        switch (layer.className()) {
            case "InputLayer" -> input(layer);
            case "Dense" -> dense(layer, single(layer, in), last);
            case "Conv2D", "Convolution2D" -> conv2d(layer, single(layer, in));
            case "MaxPooling2D", "MaxPool2D" -> pool(layer, single(layer, in), LayerKind.MAX_POOL2D);
            case "AveragePooling2D", "AvgPool2D" -> pool(layer, single(layer, in), LayerKind.AVG_POOL2D);
            case "GlobalAveragePooling2D", "GlobalAvgPool2D" -> globalPool(layer, single(layer, in));
            case "Flatten" -> flatten(layer, single(layer, in));
            case "Dropout" -> same(layer, single(layer, in), LayerKind.DROPOUT,
                    params("rate", real(layer, "rate", 0.5)));
            case "BatchNormalization" -> batchNorm(layer, single(layer, in));
            case "LayerNormalization" -> layerNorm(layer, single(layer, in));
            case "Embedding" -> embedding(layer, single(layer, in));
            case "SimpleRNN", "LSTM", "GRU" -> recurrent(layer, single(layer, in));
            case "Activation" -> activationLayer(layer, single(layer, in), KerasConfigValues.activation(layer), last);
            case "ReLU" -> relu(layer, single(layer, in));
            case "LeakyReLU" -> same(layer, single(layer, in), LayerKind.LEAKY_RELU, params("alpha",
                    real(layer, "negative_slope", real(layer, "alpha", 0.3))));
            case "ELU" -> same(layer, single(layer, in), LayerKind.ELU, params("alpha", real(layer, "alpha", 1.0)));
            case "Softmax" -> activationLayer(layer, single(layer, in), "softmax", last);
            case "Add" -> add(layer, in);
            case "Concatenate" -> concatenate(layer, in);
            case "Reshape" -> reshape(layer, single(layer, in));
            case "Sequential", "Functional", "Model" -> throw refused(layer, "is a whole model used as a layer;"
                    + " LayerLoom reads one level of layers. Build the model from the inner model's layers directly");
            default -> throw new KerasFormatException("Layer " + layer.who() + " is a " + layer.className()
                    + ", which LayerLoom has no layer for, so the model cannot be imported.");
        }
    }

    private static boolean isElementwise(String cls) {
        return List.of("Dropout", "Activation", "ReLU", "LeakyReLU", "ELU").contains(cls);
    }

    private static Tensor single(KerasLayer layer, List<Tensor> in) {
        if (in.size() != 1) {
            throw refused(layer, "reads " + in.size() + " inputs where it takes one");
        }
        return in.get(0);
    }

    private void input(KerasLayer layer) {
        JsonNode c = layer.config();
        JsonNode shape = c.has("batch_shape") ? c.get("batch_shape") : c.path("batch_input_shape");
        List<Integer> dims = KerasConfigValues.dims(layer, shape, true);
        boolean tokens = feedsEmbedding.contains(layer.name());
        if (dims.isEmpty() || dims.size() > 3 || (tokens && dims.size() != 1)) {
            throw refused(layer, "has the input shape " + dims + "; LayerLoom reads vectors, sequences (T, F),"
                    + " channels-last images (H, W, C) and token ids (T)");
        }
        int[] ours = dims.stream().mapToInt(Integer::intValue).toArray();
        if (ours.length == 3) {
            ours = new int[] {dims.get(2), dims.get(0), dims.get(1)};
            log.note("The input " + layer.who() + " takes channels-last images " + dims + " (H, W, C); the"
                    + " LayerLoom network takes them channels first as (C, H, W) = [" + ours[0] + ", " + ours[1]
                    + ", " + ours[2] + "], so images must be transposed before they go in.");
        }
        String id = add(LayerKind.INPUT, params("shape", ParamValue.Dims.of(ours), "values",
                tokens ? "token_ids" : "real"), layer.name(), List.of());
        tensors.put(layer.name(), new Tensor(id, dims.size(), null));
    }

    private void dense(KerasLayer layer, Tensor in, boolean last) {
        if (in.rank() == 3) {
            throw refused(layer, "applies to the channels of every pixel of an image; LayerLoom's Dense reads"
                    + " vectors and sequences. Put a Flatten or a GlobalAveragePooling2D before it");
        }
        int units = integer(layer, "units");
        Activation act = Activation.of(layer, KerasConfigValues.activation(layer));
        String option = act.option();
        Activation extra = act;
        if (last && act.kind() == LayerKind.SOFTMAX) {
            head = "softmax_cross_entropy";
            extra = Activation.NONE;
            log.note("The softmax of the last layer " + layer.who() + " is folded into the Output's softmax"
                    + " cross-entropy loss; the app shows the probabilities it computes.");
        } else if (last && act.option().equals("sigmoid") && units == 1) {
            head = "sigmoid_binary_cross_entropy";
            option = "none";
            log.note("The sigmoid of the last layer " + layer.who() + " is folded into the Output's sigmoid"
                    + " binary cross-entropy loss.");
        }
        String id = add(LayerKind.DENSE, params("units", units, "bias", flag(layer, "use_bias", true),
                "activation", option), layer.name(), List.of(in));
        weighted.put(id, new Weighted(layer, in.hwcFlatten()));
        if (in.hwcFlatten() != null) {
            log.note("The weights of " + layer.who() + " are reordered from the channels-last (H, W, C) order of"
                    + " Keras's Flatten to LayerLoom's (C, H, W) order, so the network computes the same.");
        }
        tensors.put(layer.name(), new Tensor(extra(layer, id, extra), in.rank(), null));
    }

    /** Adds the activation node {@code act} after {@code id} when it needs one; returns the last node's id. */
    private String extra(KerasLayer layer, String id, Activation act) {
        if (act.kind() == null) {
            return id;
        }
        return add(act.kind(), act.params(), layer.name() + " " + act.kind().id(), List.of(new Tensor(id, 0, null)));
    }

    private void conv2d(KerasLayer layer, Tensor in) {
        expectImage(layer, in);
        Activation act = Activation.of(layer, KerasConfigValues.activation(layer));
        if (act.kind() == LayerKind.SOFTMAX) {
            throw refused(layer, "has a softmax activation over the channels of each pixel");
        }
        String id = add(LayerKind.CONV2D, KerasWindowParams.conv2d(layer, act.option(), log), layer.name(),
                List.of(in));
        weighted.put(id, new Weighted(layer, null));
        tensors.put(layer.name(), new Tensor(extra(layer, id, act), 3, null));
    }

    private void pool(KerasLayer layer, Tensor in, LayerKind kind) {
        expectImage(layer, in);
        String id = add(kind, KerasWindowParams.pool(layer), layer.name(), List.of(in));
        tensors.put(layer.name(), new Tensor(id, 3, null));
    }

    private void globalPool(KerasLayer layer, Tensor in) {
        expectImage(layer, in);
        if (flag(layer, "keepdims", false)) {
            throw refused(layer, "keeps the pooled axes (keepdims=True)");
        }
        tensors.put(layer.name(), new Tensor(add(LayerKind.GLOBAL_AVG_POOL2D, Parameters.empty(), layer.name(),
                List.of(in)), 1, null));
    }

    private void flatten(KerasLayer layer, Tensor in) {
        String id = add(LayerKind.FLATTEN, Parameters.empty(), layer.name(), List.of(in));
        tensors.put(layer.name(), new Tensor(id, 1, in.rank() == 3 ? id : null));
    }

    /** A layer that keeps its input's shape (and so a flattened image's order). */
    private void same(KerasLayer layer, Tensor in, LayerKind kind, Parameters params) {
        String id = add(kind, params, layer.name(), List.of(in));
        tensors.put(layer.name(), new Tensor(id, in.rank(), in.hwcFlatten()));
    }

    private void batchNorm(KerasLayer layer, Tensor in) {
        expectLastAxis(layer, in, "normalises");
        double momentum = 1 - real(layer, "momentum", 0.99);
        double epsilon = real(layer, "epsilon", 1e-3);
        if (epsilon <= 0 || epsilon > 0.1 || momentum < 0 || momentum > 1) {
            throw refused(layer, "has epsilon " + epsilon + " or momentum " + (1 - momentum)
                    + " outside what LayerLoom allows");
        }
        String id = add(LayerKind.BATCH_NORM, params("momentum", momentum, "epsilon", epsilon), layer.name(),
                List.of(in));
        weighted.put(id, new Weighted(layer, null));
        tensors.put(layer.name(), new Tensor(id, in.rank(), null));
    }

    private void layerNorm(KerasLayer layer, Tensor in) {
        if (in.rank() == 3) {
            throw refused(layer, "normalises the channels of each pixel; LayerLoom's LayerNorm normalises a whole"
                    + " (C, H, W) feature map");
        }
        expectLastAxis(layer, in, "normalises");
        if (flag(layer, "rms_scaling", false)) {
            throw refused(layer, "uses rms_scaling");
        }
        double epsilon = real(layer, "epsilon", 1e-3);
        if (epsilon <= 0 || epsilon > 0.1) {
            throw refused(layer, "has epsilon " + epsilon + ", outside what LayerLoom allows");
        }
        String id = add(LayerKind.LAYER_NORM, params("epsilon", epsilon), layer.name(), List.of(in));
        weighted.put(id, new Weighted(layer, null));
        tensors.put(layer.name(), new Tensor(id, in.rank(), null));
    }

    private void expectLastAxis(KerasLayer layer, Tensor in, String verb) {
        JsonNode axis = layer.config().path("axis");
        JsonNode a = axis.isArray() && axis.size() == 1 ? axis.get(0) : axis;
        if (!axis.isMissingNode() && !(a.isInt() && (a.asInt() == -1 || a.asInt() == in.rank()))) {
            throw refused(layer, verb + " along axis " + axis + "; LayerLoom " + verb + " along the last (the"
                    + " features or channels)");
        }
    }

    private void embedding(KerasLayer layer, Tensor in) {
        if (flag(layer, "mask_zero", false)) {
            throw refused(layer, "masks token 0 (mask_zero=True); LayerLoom's recurrent layers read every step, so"
                    + " they would compute something else");
        }
        String id = add(LayerKind.EMBEDDING, params("vocabulary", integer(layer, "input_dim"), "dimension",
                integer(layer, "output_dim")), layer.name(), List.of(in));
        weighted.put(id, new Weighted(layer, null));
        tensors.put(layer.name(), new Tensor(id, in.rank() + 1, null));
    }

    private void recurrent(KerasLayer layer, Tensor in) {
        String id = add(KerasRecurrentParams.kind(layer), KerasRecurrentParams.of(layer, log), layer.name(),
                List.of(in));
        weighted.put(id, new Weighted(layer, null));
        tensors.put(layer.name(), new Tensor(id, KerasRecurrentParams.returnsSequences(layer) ? 2 : 1, null));
    }

    private void activationLayer(KerasLayer layer, Tensor in, String function, boolean last) {
        Activation act = Activation.of(layer, function);
        if (act.kind() == null && act.option().equals("none")) {
            tensors.put(layer.name(), in); // linear: nothing to do
            return;
        }
        if (last && act.kind() == LayerKind.SOFTMAX) {
            head = "softmax_cross_entropy";
            tensors.put(layer.name(), in);
            log.note("The final softmax " + layer.who() + " is folded into the Output's softmax cross-entropy"
                    + " loss; the app shows the probabilities it computes.");
            return;
        }
        Node source = graph.requireNode(in.nodeId());
        if (last && act.option().equals("sigmoid") && source.kind() == LayerKind.DENSE
                && source.params().intValue("units") == 1 && source.params().choice("activation").equals("none")) {
            head = "sigmoid_binary_cross_entropy";
            tensors.put(layer.name(), in);
            log.note("The final sigmoid " + layer.who() + " is folded into the Output's sigmoid binary"
                    + " cross-entropy loss.");
            return;
        }
        same(layer, in, act.layerKind(), act.params());
    }

    private void relu(KerasLayer layer, Tensor in) {
        JsonNode max = layer.config().path("max_value");
        if ((!max.isMissingNode() && !max.isNull()) || real(layer, "threshold", 0) != 0) {
            throw refused(layer, "is capped (max_value) or has a threshold; LayerLoom's ReLU has neither");
        }
        double slope = real(layer, "negative_slope", 0);
        if (slope > 0) {
            same(layer, in, LayerKind.LEAKY_RELU, params("alpha", slope));
        } else {
            same(layer, in, LayerKind.RELU, Parameters.empty());
        }
    }

    private void add(KerasLayer layer, List<Tensor> in) {
        if (in.size() < 2) {
            throw refused(layer, "adds " + in.size() + " input; it needs two or more");
        }
        tensors.put(layer.name(), new Tensor(add(LayerKind.ADD, Parameters.empty(), layer.name(), in),
                in.get(0).rank(), null));
    }

    private void concatenate(KerasLayer layer, List<Tensor> in) {
        if (in.size() < 2) {
            throw refused(layer, "joins " + in.size() + " input; it needs two or more");
        }
        int rank = in.get(0).rank();
        int keras = layer.config().path("axis").asInt(-1);
        int axis = (keras < 0 ? keras + rank + 1 : keras) - 1; // without the batch axis
        if (axis < 0 || axis >= rank) {
            throw refused(layer, "joins along axis " + keras + ", which its inputs do not have");
        }
        int ours = rank == 3 ? new int[] {1, 2, 0}[axis] : (axis == rank - 1 ? -1 : axis);
        tensors.put(layer.name(), new Tensor(add(LayerKind.CONCATENATE, params("axis", ours), layer.name(), in),
                rank, null));
    }

    private void reshape(KerasLayer layer, Tensor in) {
        List<Integer> target = KerasConfigValues.dims(layer, layer.config().path("target_shape"), false);
        if (in.rank() == 3 || target.size() == 3) {
            throw refused(layer, "reshapes to or from a channels-last image; LayerLoom's images are channels first,"
                    + " so the values would land in other places");
        }
        String id = add(LayerKind.RESHAPE, params("target", ParamValue.Dims.of(target.stream()
                .mapToInt(Integer::intValue).toArray())), layer.name(), List.of(in));
        tensors.put(layer.name(), new Tensor(id, target.size(), null));
    }

    private static void expectImage(KerasLayer layer, Tensor in) {
        if (in.rank() != 3) {
            throw refused(layer, "expects images (H, W, C) but reads a tensor of rank " + in.rank());
        }
    }

    private void output(Tensor last) {
        if (last.hwcFlatten() != null) {
            log.problem("The model's output is a flattened channels-last image, whose values LayerLoom would put"
                    + " in another order, so the model cannot be imported.");
            return;
        }
        String loss = head;
        if (loss == null) {
            loss = compiled.filter(c -> c.isCategorical()).map(c -> "softmax_cross_entropy")
                    .or(() -> compiled.filter(KerasCompileConfig::isBinary).map(c -> "sigmoid_binary_cross_entropy"))
                    .or(() -> compiled.filter(KerasCompileConfig::isAbsoluteError).map(c -> "l1"))
                    .orElse("mse");
            log.note("The model ends without a softmax or sigmoid; its Output uses the loss " + loss
                    + (compiled.isPresent() ? ", following the loss it was compiled with." : "."));
        }
        add(LayerKind.OUTPUT, params("loss", loss), "Output", List.of(last));
    }

    /**
     * Adds a node after the nodes of {@code from}: one column right of the rightmost of them, below the nodes
     * already in that column, so that branches lie side by side.
     */
    private String add(LayerKind kind, Parameters overrides, String name, List<Tensor> from) {
        int column = from.stream().mapToInt(t -> columns.get(t.nodeId())).max().orElse(-1) + 1;
        int row = rows.merge(column, 1, Integer::sum) - 1;
        Node node = GraphEdits.newNode(graph, kind, new Position(40 + 180.0 * column, 240 + 120.0 * row),
                overrides);
        columns.put(node.id(), column);
        String unique = name;
        for (int i = 2; nameTaken(unique); i++) {
            unique = name + " " + i;
        }
        graph = GraphEdits.addNode(graph, node.withName(unique)).applyTo(graph);
        for (Tensor t : from) {
            graph = graph.withWire(graph.wires().size(), Wire.between(t.nodeId(), node.id()));
        }
        return node.id();
    }

    private boolean nameTaken(String name) {
        return graph.nodes().stream().anyMatch(n -> n.name().equals(name));
    }

    /** Parameter overrides from alternating names and values (int, double, boolean, String or ParamValue). */
    static Parameters params(Object... nameValues) {
        Parameters p = Parameters.empty();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            ParamValue value = v instanceof ParamValue pv ? pv
                    : v instanceof Integer n ? new ParamValue.Int(n)
                    : v instanceof Double d ? new ParamValue.Real(d)
                    : v instanceof Boolean b ? new ParamValue.Flag(b)
                    : new ParamValue.Choice((String) v);
            p = p.with((String) nameValues[i], value);
        }
        return p;
    }
}
