package org.layerloom.engine.export.djl;

import static org.layerloom.engine.export.djl.SourceLines.floatLiteral;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.ShapeContext;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The text of {@code Network.java}: one field per layer that is a DJL block (Dense's {@code Linear}, the
 * convolutions, Dropout, the normalisations, the recurrent layers, attention, and the generated
 * {@code IdEmbedding}, {@code PositionalEncoding} and {@code PostNormEncoder} of {@link SequenceLayerSources}),
 * named by the node id and commented with the layer's name, kind and shapes; {@code initialize}, which gives
 * each block the shape it receives; {@code load}, which copies each weight of {@code weights.npz} by its
 * PyTorch {@code state_dict} name into the block's parameter; and {@code forward}, which runs the nodes in the
 * compiled order, each result in a variable named by its node, with the same DJL calls LayerLoom's engine
 * makes ({@code compile/CoreLayers}, {@code ConvolutionLayers}, {@code ActivationBlocks}, {@code MergeLayers} and
 * the others). Only ids that {@code DjlSupport} accepts reach it. Stateless; any thread.
 */
final class NetworkSource {

    /** PyTorch's default negative slope and α, which the "leaky_relu" and "elu" options of Dense use. */
    private static final float OPTION_LEAKY_SLOPE = 0.01f;
    private static final float OPTION_ELU_ALPHA = 1f;

    /** Every type the generated class may use, in import order; only the used ones are imported. */
    private static final List<String> IMPORTS = List.of("ai.djl.ndarray.NDArray", "ai.djl.ndarray.NDArrays",
            "ai.djl.ndarray.NDList", "ai.djl.ndarray.NDManager", "ai.djl.ndarray.types.DataType",
            "ai.djl.ndarray.types.Shape", "ai.djl.nn.Activation", "ai.djl.nn.Block", "ai.djl.nn.convolutional.Conv1d",
            "ai.djl.nn.convolutional.Conv2d", "ai.djl.nn.core.Linear", "ai.djl.nn.norm.BatchNorm",
            "ai.djl.nn.norm.Dropout", "ai.djl.nn.norm.LayerNorm", "ai.djl.nn.pooling.Pool",
            "ai.djl.nn.recurrent.GRU", "ai.djl.nn.recurrent.LSTM", "ai.djl.nn.recurrent.RNN",
            "ai.djl.nn.transformer.ScaledDotProductAttentionBlock", "ai.djl.training.ParameterStore",
            "java.util.function.BiConsumer");
    /** The types the fixed parts of the class use whatever the network. */
    private static final Set<String> ALWAYS_USED = Set.of("NDArray", "NDList", "NDManager",
            "Block", "ParameterStore", "BiConsumer");

    /** A forward line that names a layer's result: {@code NDArray dense1 = ...;}. */
    private static final Pattern RESULT = Pattern.compile("^NDArray (\\w+) = .*;$");

    private NetworkSource() {
    }

    /** The network's class, and the helper classes ({@code IdEmbedding}...) it uses, by simple name. */
    record Generated(String network, Set<String> helperClasses) {
    }

    static Generated of(ExportedNetwork network) {
        ValidationReport report = network.report();
        NetworkGraph graph = report.graph();
        Node input = graph.requireNode(network.nodeIds().get(0));
        TensorShape example = report.outputOf(input.id()).orElseThrow();

        SourceLines out = new SourceLines();
        for (String id : network.nodeIds().subList(1, network.nodeIds().size())) {
            Node node = graph.requireNode(id);
            NodeReport nodeReport = report.node(id).orElseThrow();
            List<String> sources = graph.wiresInto(id).stream().map(w -> w.from().nodeId()).toList();
            String from = sources.isEmpty() ? "" : sources.get(0);
            String comment = "// " + line(who(node) + ": " + shapes(nodeReport));
            if (SequenceLayerSources.write(node, nodeReport, comment, from, out)) {
                continue;
            }
            switch (node.kind()) {
                case OUTPUT -> out.forward.add("return " + from + ";  // " + line(who(node) + ": the prediction"));
                case DENSE -> {
                    boolean bias = node.params().flag("bias");
                    out.block(comment, "Linear", id, "Linear.builder().setUnits(" + node.params().intValue("units")
                            + ").optBias(" + bias + ").build()", nodeReport);
                    out.weight(id, "weight", "weight");
                    if (bias) {
                        out.weight(id, "bias", "bias");
                    }
                    out.forward.add("NDArray " + id + " = " + option(node.params().has("activation")
                            ? node.params().choice("activation") : "none", SourceLines.run(id, from)) + ";");
                }
                case CONV2D, CONV1D -> {
                    boolean conv2d = node.kind() == LayerKind.CONV2D;
                    boolean bias = node.params().flag("bias");
                    int k = node.params().intValue("kernel");
                    int stride = node.params().intValue("stride");
                    int padding = node.params().intValue("padding");
                    String type = conv2d ? "Conv2d" : "Conv1d";
                    out.fields.add(conv2d ? comment : SourceLines.noted(comment,
                            "DJL's Conv1d wants channels first: (batch, channels, steps)"));
                    out.fields.add("final " + type + " " + id + " = " + type + ".builder().setFilters("
                            + node.params().intValue("filters") + ").setKernelShape(" + square(conv2d, k)
                            + ")\n            .optStride(" + square(conv2d, stride) + ").optPadding("
                            + square(conv2d, padding) + ").optBias(" + bias + ").build();");
                    List<Integer> in = nodeReport.inputs().get(0).dims();
                    out.init.add(id + ".initialize(manager, DataType.FLOAT32, " + (conv2d
                            ? SourceLines.batchOfOne(nodeReport) : "new Shape(1, " + in.get(1) + ", " + in.get(0) + ")")
                            + ");");
                    out.weight(id, "weight", "weight");
                    if (bias) {
                        out.weight(id, "bias", "bias");
                    }
                    String conv = SourceLines.run(id,
                            conv2d ? "channelsLast(" + from + ")" : from + ".transpose(0, 2, 1)");
                    String activated = option(node.params().has("activation")
                            ? node.params().choice("activation") : "none", conv);
                    out.forward.add("NDArray " + id + " = " + activated + (conv2d ? "" : ".transpose(0, 2, 1)") + ";");
                }
                case DROPOUT -> {
                    out.block(comment + " (passes values through unchanged outside training)", "Dropout", id,
                            "Dropout.builder().optRate(" + floatLiteral(
                                    (float) node.params().realValue("rate")) + ").build()", nodeReport);
                    out.forward.add("NDArray " + id + " = " + SourceLines.run(id, from) + ";");
                }
                default -> {
                    out.forward.add(comment);
                    out.forward.add("NDArray " + id + " = " + expression(node, nodeReport, sources) + ";");
                }
            }
        }

        String body = String.join("\n", out.fields) + String.join("\n", out.init) + String.join("\n", out.forward);
        boolean channelsLast = body.contains("channelsLast(");
        StringBuilder java = new StringBuilder();
        java.append("package ").append(DjlWriter.PACKAGE).append(";\n\n");
        for (String type : IMPORTS) {
            String simpleName = type.substring(type.lastIndexOf('.') + 1);
            if (ALWAYS_USED.contains(simpleName) || body.contains(simpleName + ".") || body.contains(simpleName + "(")
                    || body.contains(simpleName + " ") || channelsLast && simpleName.equals("Shape")) {
                java.append("import ").append(type).append(";\n");
            }
        }
        java.append("\n/**\n * ").append(doc(network.name())).append(": a LayerLoom network exported to DJL.\n *\n")
                .append("""
                         * <p>One field per layer that is a DJL block, named by the layer's id; {@link #forward}
                         * runs the layers in the order data flows through the graph, each result named by its
                         * layer. weights.npz holds the weights under PyTorch's names (such as dense1.weight);
                         * {@link #load} copies them in.
                         * Written by LayerLoom. Use it from one thread at a time.
                         */
                        public final class Network {

                        """)
                .append("    /** One example's shape; a batch adds a first axis. */\n")
                .append("    public static final long[] INPUT_SHAPE = {").append(example.dims().stream()
                        .map(String::valueOf).collect(Collectors.joining(", "))).append("};\n\n");
        out.fields.forEach(f -> java.append("    ").append(f).append('\n'));
        java.append("\n    /** Creates every block's parameters, with the shape each block receives. */\n")
                .append("    public void initialize(NDManager manager) {\n");
        out.init.forEach(l -> java.append("        ").append(l).append('\n'));
        java.append("    }\n\n")
                .append("    /** Copies each weight, by its name in weights.npz, into its block; every name must match. */\n")
                .append("    public void load(Weights weights) {\n");
        out.load.forEach(l -> java.append("        ").append(l).append('\n'));
        java.append("        weights.requireAllUsed();\n    }\n\n")
                .append("    /** Runs a batch, (batch, ").append(example.dims().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append("), through the network, outside training. */\n")
                .append("    public NDArray forward(ParameterStore store, NDArray ").append(input.id()).append(") {\n")
                .append("        return forward(store, ").append(input.id()).append(", (layer, result) -> { });\n")
                .append("    }\n\n")
                .append("""
                            /**
                             * Runs a batch through the network, outside training, and hands each layer's result to
                             * {@code seen} with the layer's id, as it is computed: to look inside the network.
                             */
                        """)
                .append("    public NDArray forward(ParameterStore store, NDArray ").append(input.id())
                .append(", BiConsumer<String, NDArray> seen) {\n");
        for (String l : out.forward) {
            java.append("        ").append(l).append('\n');
            java.append(RESULT.matcher(l).matches() ? "        seen.accept(\"" + RESULT.matcher(l).replaceFirst("$1")
                    + "\", " + RESULT.matcher(l).replaceFirst("$1") + ");\n" : "");
        }
        java.append("""
                    }

                    /** One block's output for one input, outside training. */
                    private static NDArray run(Block block, ParameterStore store, NDArray input) {
                        return block.forward(store, new NDList(input), false).singletonOrThrow();
                    }
                """);
        if (channelsLast) {
            java.append("""

                        /**
                         * The same images, (batch, channels, height, width), laid out in memory channels last, as
                         * LayerLoom's Conv2D runs them: oneDNN then convolves without reordering them, and the
                         * results are LayerLoom's to the last bit.
                         */
                        private static NDArray channelsLast(NDArray images) {
                            Shape s = images.getShape();
                            return images.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                                    .transpose(0, 3, 1, 2);
                        }
                    """);
        }
        java.append("}\n");
        return new Generated(java.toString(), Set.copyOf(out.helperClasses));
    }

    /** The layers that are a function of their inputs, as the engine computes them. */
    private static String expression(Node node, NodeReport report, List<String> sources) {
        String x = sources.isEmpty() ? "" : sources.get(0);
        return switch (node.kind()) {
            case FLATTEN -> x + ".reshape(new Shape(-1, " + report.inputs().get(0).size() + "))";
            case RESHAPE -> x + ".reshape(new Shape(-1, " + report.output().orElseThrow().dims().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "))";
            case ADD -> String.join(".add(", sources) + ")".repeat(sources.size() - 1);
            case CONCATENATE -> {
                int rank = report.output().orElseThrow().rank();
                int axis = node.params().intValue("axis");
                yield "NDArrays.concat(new NDList(" + String.join(", ", sources) + "), "
                        + ((axis < 0 ? rank + axis : axis) + 1) + ")";
            }
            case MAX_POOL2D -> "Pool.maxPool2d(" + x + ", " + window(node) + ", false)";
            case AVG_POOL2D -> "Pool.avgPool2d(" + x + ", " + window(node) + ", false, true)";
            case GLOBAL_AVG_POOL2D -> "Pool.globalAvgPool2d(" + x + ")";
            case RELU -> "Activation.relu(" + x + ")";
            case LEAKY_RELU -> "Activation.leakyRelu(" + x + ", " + floatLiteral((float) node.params().realValue("alpha"))
                    + ")";
            case ELU -> "Activation.elu(" + x + ", " + floatLiteral((float) node.params().realValue("alpha")) + ")";
            case GELU -> "Activation.gelu(" + x + ")";
            case SIGMOID -> "Activation.sigmoid(" + x + ")";
            case TANH -> "Activation.tanh(" + x + ")";
            case SOFTMAX -> x + ".softmax(-1)";
            default -> throw new IllegalArgumentException("the DJL export does not write " + node.kind());
        };
    }

    /** An {@code activation} option of Dense applied to {@code value}. */
    private static String option(String choice, String value) {
        return switch (choice) {
            case "none" -> value;
            case "relu" -> "Activation.relu(" + value + ")";
            case "leaky_relu" -> "Activation.leakyRelu(" + value + ", " + floatLiteral(OPTION_LEAKY_SLOPE)
                    + ")";
            case "elu" -> "Activation.elu(" + value + ", " + floatLiteral(OPTION_ELU_ALPHA) + ")";
            case "gelu" -> "Activation.gelu(" + value + ")";
            case "sigmoid" -> "Activation.sigmoid(" + value + ")";
            case "tanh" -> "Activation.tanh(" + value + ")";
            default -> throw new IllegalArgumentException("unknown activation '" + choice + "'");
        };
    }

    /** A pooling node's square window, stride and padding, as {@code Pool} takes them. */
    private static String window(Node node) {
        return square(true, node.params().intValue("pool")) + ", " + square(true, node.params().intValue("stride"))
                + ", " + square(true, node.params().intValue("padding"));
    }

    /** {@code new Shape(n, n)} for two axes, {@code new Shape(n)} for one. */
    private static String square(boolean twoAxes, int n) {
        return "new Shape(" + n + (twoAxes ? ", " + n : "") + ")";
    }

    private static String who(Node node) {
        return ShapeContext.describe(node, LayerCatalog.standard().type(node.kind()));
    }

    private static String shapes(NodeReport report) {
        String in = report.inputs().stream().map(TensorShape::describe).collect(Collectors.joining(" + "));
        return in + " -> " + report.output().map(TensorShape::describe).orElse("?");
    }

    /** Text safe in a line comment: one line. */
    private static String line(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace("\\u", "\\ u");
    }

    /** Text safe in a Javadoc comment. */
    private static String doc(String text) {
        return line(text).replace("*/", "* /");
    }
}
