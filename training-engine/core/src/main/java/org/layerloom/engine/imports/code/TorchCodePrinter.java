package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
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
 * Writes a chain network as PyTorch code: {@code nn.Sequential(...)} with the sizes PyTorch needs
 * ({@code in_features}, {@code in_channels}) taken from LayerLoom's shapes, the loss as {@code criterion}
 * and the optimizer. A Dense's or convolution's own activation becomes a layer of its own. What
 * {@code nn.Sequential} cannot hold (branches, recurrent layers, attention) is listed as unsupported.
 * Stateless; any thread.
 */
public final class TorchCodePrinter {

    private TorchCodePrinter() {
    }

    public static PrintedCode print(NetworkGraph graph, TrainingSettings training) {
        List<String> unsupported = new ArrayList<>();
        ValidationReport report = GraphValidator.standard().validate(graph);
        List<Node> order = GraphTopology.of(graph).flowOrder().stream().map(graph::requireNode).toList();
        boolean chain = graph.nodes().stream().allMatch(n -> graph.wiresInto(n.id()).size() <= 1
                && graph.wiresFrom(n.id()).size() <= 1) && order.stream().filter(n -> n.kind() == LayerKind.INPUT).count() == 1;
        if (!chain) {
            unsupported.add("the network has branches, which nn.Sequential cannot hold");
        }
        StringBuilder body = new StringBuilder();
        String loss = "nn.CrossEntropyLoss()";
        String shape = "";
        for (Node node : order) {
            if (node.kind() == LayerKind.INPUT) {
                shape = new org.layerloom.engine.graph.ParamValue.Dims(node.params().dims("shape")).display();
                continue;
            }
            if (node.kind() == LayerKind.OUTPUT) {
                loss = loss(node.params().choice("loss"));
                continue;
            }
            Optional<TensorShape> in = inputShape(graph, report, node);
            for (String layer : layer(node, in, unsupported)) {
                body.append("    ").append(layer).append(",\n");
            }
        }
        StringBuilder code = new StringBuilder();
        unsupported.forEach(u -> code.append("# Not written: ").append(u).append('\n'));
        code.append("import torch\nfrom torch import nn\n\n");
        code.append("# input shape of one example: ").append(shape).append('\n');
        code.append("model = nn.Sequential(\n").append(body).append(")\n");
        code.append("criterion = ").append(loss).append('\n');
        code.append("optimizer = ").append(optimizer(training.optimizer())).append('\n');
        code.append("loader = torch.utils.data.DataLoader(train_set, batch_size=").append(training.batchSize())
                .append(", shuffle=True)\n");
        return new PrintedCode(code.toString(), unsupported);
    }

    private static Optional<TensorShape> inputShape(NetworkGraph graph, ValidationReport report, Node node) {
        List<Wire> in = graph.wiresInto(node.id());
        return in.isEmpty() ? Optional.empty() : report.outputOf(in.get(0).from().nodeId());
    }

    private static List<String> layer(Node node, Optional<TensorShape> in, List<String> unsupported) {
        Parameters p = node.params();
        List<String> layers = new ArrayList<>();
        switch (node.kind()) {
            case DENSE -> {
                layers.add("nn.Linear(" + size(in, -1, node, unsupported) + ", " + p.intValue("units") + bias(p) + ")");
                activation(p, layers);
            }
            case CONV2D -> {
                layers.add("nn.Conv2d(" + size(in, 0, node, unsupported) + ", " + p.intValue("filters") + ", kernel_size="
                        + p.intValue("kernel") + ", stride=" + p.intValue("stride") + ", padding=" + p.intValue("padding")
                        + bias(p) + ")");
                activation(p, layers);
            }
            case MAX_POOL2D, AVG_POOL2D -> layers.add("nn." + (node.kind() == LayerKind.MAX_POOL2D ? "MaxPool2d" : "AvgPool2d")
                    + "(kernel_size=" + p.intValue("pool") + ", stride=" + p.intValue("stride") + ", padding="
                    + p.intValue("padding") + ")");
            case GLOBAL_AVG_POOL2D -> {
                layers.add("nn.AdaptiveAvgPool2d(1)");
                layers.add("nn.Flatten()");
            }
            case FLATTEN -> layers.add("nn.Flatten()");
            case DROPOUT -> layers.add("nn.Dropout(p=" + PyLiterals.number(p.realValue("rate")) + ")");
            case BATCH_NORM -> {
                int rank = in.map(TensorShape::rank).orElse(0);
                if (rank == 3 || rank == 1) {
                    layers.add("nn.BatchNorm" + (rank == 3 ? "2d" : "1d") + "(" + size(in, 0, node, unsupported)
                            + ", eps=" + PyLiterals.number(p.realValue("epsilon")) + ", momentum="
                            + PyLiterals.number(p.realValue("momentum")) + ")");
                } else {
                    unsupported.add(node.name() + ": PyTorch's BatchNorm1d reads sequences channels first");
                }
            }
            case LAYER_NORM -> layers.add("nn.LayerNorm(" + size(in, -1, node, unsupported) + ", eps="
                    + PyLiterals.number(p.realValue("epsilon")) + ")");
            case EMBEDDING -> layers.add("nn.Embedding(" + p.intValue("vocabulary") + ", " + p.intValue("dimension") + ")");
            case RELU -> layers.add("nn.ReLU()");
            case LEAKY_RELU -> layers.add("nn.LeakyReLU(negative_slope=" + PyLiterals.number(p.realValue("alpha")) + ")");
            case ELU -> layers.add("nn.ELU(alpha=" + PyLiterals.number(p.realValue("alpha")) + ")");
            case GELU -> layers.add("nn.GELU()");
            case SIGMOID -> layers.add("nn.Sigmoid()");
            case TANH -> layers.add("nn.Tanh()");
            case SOFTMAX -> layers.add("nn.Softmax(dim=-1)");
            default -> unsupported.add(node.name() + " (" + node.kind().id() + ") cannot sit in nn.Sequential as"
                    + " LayerLoom writes it; it is left out");
        }
        return layers;
    }

    private static String size(Optional<TensorShape> in, int axis, Node node, List<String> unsupported) {
        if (in.isEmpty()) {
            unsupported.add(node.name() + ": its input size is unknown until the network is valid");
            return "None";
        }
        return String.valueOf(axis < 0 ? in.get().last() : in.get().dim(axis));
    }

    private static void activation(Parameters p, List<String> layers) {
        switch (p.choice("activation")) {
            case "relu" -> layers.add("nn.ReLU()");
            case "leaky_relu" -> layers.add("nn.LeakyReLU()");
            case "elu" -> layers.add("nn.ELU()");
            case "gelu" -> layers.add("nn.GELU()");
            case "sigmoid" -> layers.add("nn.Sigmoid()");
            case "tanh" -> layers.add("nn.Tanh()");
            default -> {
            }
        }
    }

    private static String bias(Parameters p) {
        return p.flag("bias") ? "" : ", bias=False";
    }

    private static String loss(String id) {
        return switch (id) {
            case Losses.SIGMOID_BCE -> "nn.BCEWithLogitsLoss()";
            case Losses.MSE -> "nn.MSELoss()";
            case Losses.L1 -> "nn.L1Loss()";
            default -> "nn.CrossEntropyLoss()";
        };
    }

    private static String optimizer(OptimizerSettings o) {
        String rate = "lr=" + PyLiterals.number(o.learningRate());
        String decay = o.weightDecay() > 0 ? ", weight_decay=" + PyLiterals.number(o.weightDecay()) : "";
        return switch (o.kind()) {
            case SGD -> "torch.optim.SGD(model.parameters(), " + rate + ", momentum=" + PyLiterals.number(o.momentum())
                    + (o.nesterov() ? ", nesterov=True" : "") + decay + ")";
            case ADAM -> "torch.optim.Adam(model.parameters(), " + rate + ", betas=(" + PyLiterals.number(o.beta1())
                    + ", " + PyLiterals.number(o.beta2()) + "), eps=" + PyLiterals.number(o.epsilon()) + decay + ")";
            case ADAMW -> "torch.optim.AdamW(model.parameters(), " + rate + ", betas=(" + PyLiterals.number(o.beta1())
                    + ", " + PyLiterals.number(o.beta2()) + "), eps=" + PyLiterals.number(o.epsilon())
                    + ", weight_decay=" + PyLiterals.number(o.weightDecay()) + ")";
            case RMSPROP -> "torch.optim.RMSprop(model.parameters(), " + rate + ", alpha=" + PyLiterals.number(o.beta2())
                    + ", eps=" + PyLiterals.number(o.epsilon()) + ", momentum=" + PyLiterals.number(o.momentum()) + decay
                    + ")";
            case ADAGRAD -> "torch.optim.Adagrad(model.parameters(), " + rate + ", eps=" + PyLiterals.number(o.epsilon())
                    + decay + ")";
        };
    }
}
