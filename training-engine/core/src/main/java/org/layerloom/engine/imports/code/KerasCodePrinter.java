package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.GraphTopology;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Writes a network as Keras code: {@code keras.Sequential([...])} for a chain, the functional style with
 * {@code keras.Model(inputs, outputs)} otherwise, then {@code compile} and {@code fit} with the project's
 * loss, optimizer and settings. Shapes are written channels last, as Keras wants them; the losses get
 * {@code from_logits=True} because LayerLoom's losses take raw scores. Stateless; any thread.
 */
public final class KerasCodePrinter {

    private KerasCodePrinter() {
    }

    public static PrintedCode print(NetworkGraph graph, TrainingSettings training) {
        List<String> unsupported = new ArrayList<>();
        ValidationReport report = GraphValidator.standard().validate(graph);
        List<Node> order = GraphTopology.of(graph).flowOrder().stream().map(graph::requireNode).toList();
        StringBuilder code = new StringBuilder("import keras\nfrom keras import layers\n\n");
        Optional<Node> output = order.stream().filter(n -> n.kind() == LayerKind.OUTPUT).findFirst();
        if (isChain(graph, order)) {
            code.append("model = keras.Sequential([\n");
            for (Node node : order) {
                if (node.kind() == LayerKind.INPUT) {
                    code.append("    ").append(input(node)).append(",\n");
                } else if (node.kind() != LayerKind.OUTPUT) {
                    for (String layer : layer(node, graph, report, unsupported)) {
                        code.append("    ").append(layer).append(",\n");
                    }
                }
            }
            code.append("])\n");
        } else {
            functional(graph, order, report, unsupported, code);
        }
        String loss = output.map(o -> loss(o.params().choice("loss"))).orElse("'mse'");
        code.append("model.compile(optimizer=").append(optimizer(training.optimizer(), unsupported))
                .append(",\n              loss=").append(loss).append(")\n");
        code.append("model.fit(x_train, y_train, epochs=").append(training.epochs()).append(", batch_size=")
                .append(training.batchSize()).append(", validation_split=")
                .append(PyLiterals.number(training.validationSplit())).append(")\n");
        StringBuilder notes = new StringBuilder();
        unsupported.forEach(u -> notes.append("# Not written: ").append(u).append('\n'));
        return new PrintedCode(notes + code.toString(), unsupported);
    }

    private static boolean isChain(NetworkGraph graph, List<Node> order) {
        long inputs = order.stream().filter(n -> n.kind() == LayerKind.INPUT).count();
        return inputs == 1 && order.get(0).kind() == LayerKind.INPUT && graph.nodes().stream()
                .allMatch(n -> graph.wiresInto(n.id()).size() <= 1 && graph.wiresFrom(n.id()).size() <= 1)
                && graph.wires().size() == graph.nodes().size() - 1;
    }

    private static void functional(NetworkGraph graph, List<Node> order, ValidationReport report,
                                   List<String> unsupported, StringBuilder code) {
        Map<String, String> names = new HashMap<>();
        List<String> inputs = new ArrayList<>();
        int count = 0;
        String last = "None";
        for (Node node : order) {
            List<String> sources = graph.wiresInto(node.id()).stream().map(w -> names.get(w.from().nodeId())).toList();
            if (node.kind() == LayerKind.INPUT) {
                String name = "inputs" + (inputs.isEmpty() ? "" : String.valueOf(inputs.size() + 1));
                inputs.add(name);
                names.put(node.id(), name);
                code.append(name).append(" = ").append(input(node)).append('\n');
                continue;
            }
            if (node.kind() == LayerKind.OUTPUT) {
                last = sources.isEmpty() ? "None" : sources.get(0);
                continue;
            }
            String value;
            if (node.kind() == LayerKind.ADD || node.kind() == LayerKind.CONCATENATE) {
                value = layer(node, graph, report, unsupported).get(0) + "([" + String.join(", ", sources) + "])";
            } else {
                value = sources.isEmpty() ? "None" : sources.get(0);
                for (String layer : layer(node, graph, report, unsupported)) {
                    value = layer + "(" + value + ")";
                }
            }
            String name = "x" + (++count);
            names.put(node.id(), name);
            code.append(name).append(" = ").append(value).append('\n');
        }
        String in = inputs.size() == 1 ? inputs.get(0) : "[" + String.join(", ", inputs) + "]";
        code.append("model = keras.Model(").append(in).append(", ").append(last).append(")\n");
    }

    private static String input(Node node) {
        List<Integer> shape = node.params().dims("shape");
        List<Integer> keras = shape.size() == 3 ? List.of(shape.get(1), shape.get(2), shape.get(0)) : shape;
        boolean tokens = node.params().choice("values").equals("token_ids");
        return "keras.Input(shape=" + PyLiterals.tuple(keras) + (tokens ? ", dtype='int32'" : "") + ")";
    }

    /** The Keras layers for one node (a ZeroPadding before a convolution whose padding 'same' cannot say). */
    private static List<String> layer(Node node, NetworkGraph graph, ValidationReport report, List<String> unsupported) {
        Parameters p = node.params();
        return switch (node.kind()) {
            case DENSE -> List.of("layers.Dense(" + p.intValue("units") + activation(p) + bias(p, "use_bias") + ")");
            case CONV2D, CONV1D -> conv(node);
            case MAX_POOL2D, AVG_POOL2D -> {
                if (p.intValue("padding") != 0) {
                    unsupported.add(node.name() + ": Keras pools cannot pad by " + p.intValue("padding"));
                }
                yield List.of("layers." + (node.kind() == LayerKind.MAX_POOL2D ? "MaxPooling2D" : "AveragePooling2D")
                        + "(pool_size=" + p.intValue("pool") + ", strides=" + p.intValue("stride") + ")");
            }
            case GLOBAL_AVG_POOL2D -> List.of("layers.GlobalAveragePooling2D()");
            case FLATTEN -> List.of("layers.Flatten()");
            case RESHAPE -> {
                List<Integer> target = p.dims("target");
                List<Integer> keras = target.size() == 3 ? List.of(target.get(1), target.get(2), target.get(0)) : target;
                yield List.of("layers.Reshape(" + PyLiterals.tuple(keras) + ")");
            }
            case DROPOUT -> List.of("layers.Dropout(" + PyLiterals.number(p.realValue("rate")) + ")");
            case BATCH_NORM -> List.of("layers.BatchNormalization(momentum="
                    + PyLiterals.number(Decimals.oneMinus(p.realValue("momentum"))) + ", epsilon="
                    + PyLiterals.number(p.realValue("epsilon")) + ")");
            case LAYER_NORM -> List.of("layers.LayerNormalization(epsilon=" + PyLiterals.number(p.realValue("epsilon"))
                    + ")");
            case EMBEDDING -> List.of("layers.Embedding(" + p.intValue("vocabulary") + ", " + p.intValue("dimension") + ")");
            case LSTM, GRU, SIMPLE_RNN -> List.of(recurrent(node));
            case RELU -> List.of("layers.ReLU()");
            case LEAKY_RELU -> List.of("layers.LeakyReLU(negative_slope=" + PyLiterals.number(p.realValue("alpha")) + ")");
            case ELU -> List.of("layers.ELU(alpha=" + PyLiterals.number(p.realValue("alpha")) + ")");
            case GELU, SIGMOID, TANH -> List.of("layers.Activation('" + node.kind().id().toLowerCase(java.util.Locale.ROOT)
                    + "')");
            case SOFTMAX -> List.of("layers.Softmax()");
            case ADD -> List.of("layers.Add()");
            case CONCATENATE -> List.of("layers.Concatenate(axis=" + kerasAxis(node, graph, report) + ")");
            default -> {
                unsupported.add(node.name() + " (" + node.kind().id() + ") has no Keras layer that LayerLoom writes;"
                        + " it is left out");
                yield List.of();
            }
        };
    }

    private static List<String> conv(Node node) {
        Parameters p = node.params();
        int kernel = p.intValue("kernel");
        int padding = p.intValue("padding");
        boolean two = node.kind() == LayerKind.CONV2D;
        List<String> layers = new ArrayList<>();
        String pad = "";
        if (padding > 0 && kernel % 2 == 1 && padding == (kernel - 1) / 2) {
            pad = ", padding='same'";
        } else if (padding > 0) {
            layers.add("layers.ZeroPadding" + (two ? "2D" : "1D") + "(" + padding + ")");
        }
        int stride = p.intValue("stride");
        layers.add("layers.Conv" + (two ? "2D" : "1D") + "(" + p.intValue("filters") + ", " + kernel
                + (stride != 1 ? ", strides=" + stride : "") + pad + activation(p) + bias(p, "use_bias") + ")");
        return layers;
    }

    private static String recurrent(Node node) {
        Parameters p = node.params();
        String name = switch (node.kind()) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            default -> "SimpleRNN";
        };
        String activation = node.kind() == LayerKind.SIMPLE_RNN && p.choice("nonlinearity").equals("relu")
                ? ", activation='relu'" : "";
        return "layers." + name + "(" + p.intValue("units") + activation
                + (p.flag("return_sequences") ? ", return_sequences=True" : "") + ")";
    }

    private static int kerasAxis(Node node, NetworkGraph graph, ValidationReport report) {
        int axis = node.params().intValue("axis");
        List<Wire> in = graph.wiresInto(node.id());
        Optional<TensorShape> shape = in.isEmpty() ? Optional.empty() : report.outputOf(in.get(0).from().nodeId());
        int rank = shape.map(TensorShape::rank).orElse(1);
        int positive = axis < 0 ? rank + axis : axis;
        if (rank == 3) {
            return positive == 0 ? -1 : positive;
        }
        return axis < 0 ? axis : axis + 1;
    }

    private static String activation(Parameters p) {
        String activation = p.choice("activation");
        return activation.equals("none") ? "" : ", activation='" + activation + "'";
    }

    private static String bias(Parameters p, String keyword) {
        return p.flag("bias") ? "" : ", " + keyword + "=False";
    }

    private static String loss(String id) {
        return switch (id) {
            case Losses.SOFTMAX_CE -> "keras.losses.SparseCategoricalCrossentropy(from_logits=True)";
            case Losses.SIGMOID_BCE -> "keras.losses.BinaryCrossentropy(from_logits=True)";
            case Losses.L1 -> "'mae'";
            default -> "'mse'";
        };
    }

    private static String optimizer(OptimizerSettings o, List<String> unsupported) {
        String rate = "learning_rate=" + PyLiterals.number(o.learningRate());
        String clip = o.gradientClip() > 0 ? ", clipnorm=" + PyLiterals.number(o.gradientClip()) : "";
        String decay = o.weightDecay() > 0 ? ", weight_decay=" + PyLiterals.number(o.weightDecay()) : "";
        return switch (o.kind()) {
            case SGD -> "keras.optimizers.SGD(" + rate + ", momentum=" + PyLiterals.number(o.momentum())
                    + (o.nesterov() ? ", nesterov=True" : "") + decay + clip + ")";
            case ADAM, ADAMW -> "keras.optimizers." + (o.kind() == org.layerloom.engine.project.OptimizerKind.ADAM
                    ? "Adam" : "AdamW") + "(" + rate + ", beta_1=" + PyLiterals.number(o.beta1()) + ", beta_2="
                    + PyLiterals.number(o.beta2()) + ", epsilon=" + PyLiterals.number(o.epsilon())
                    + (o.kind() == org.layerloom.engine.project.OptimizerKind.ADAMW
                    ? ", weight_decay=" + PyLiterals.number(o.weightDecay()) : decay) + clip + ")";
            case RMSPROP -> "keras.optimizers.RMSprop(" + rate + ", rho=" + PyLiterals.number(o.beta2())
                    + ", momentum=" + PyLiterals.number(o.momentum()) + ", epsilon=" + PyLiterals.number(o.epsilon())
                    + decay + clip + ")";
            case ADAGRAD -> "keras.optimizers.Adagrad(" + rate + ", epsilon=" + PyLiterals.number(o.epsilon())
                    + decay + clip + ")";
        };
    }
}
