package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Random valid chain networks of the layer kinds the code printers write, from one seed: a vector,
 * image or token-sequence input, a body of layers whose sizes fit, and an Output with a fitting loss.
 * For PyTorch ({@code torch}) every layer's own activation stays 'none' and recurrent layers are left out,
 * as {@code nn.Sequential} writes activations as layers and cannot hold recurrent ones. Test code; one per seed.
 */
final class ChainGraphs {

    private static final String[] ACTIVATIONS = {"none", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh"};
    private static final LayerKind[] ACTIVATION_LAYERS = {LayerKind.RELU, LayerKind.LEAKY_RELU, LayerKind.ELU,
            LayerKind.GELU, LayerKind.SIGMOID, LayerKind.TANH, LayerKind.SOFTMAX};

    private final Random random;
    private final boolean torch;
    private NetworkGraph graph = NetworkGraph.empty();
    private String last;

    ChainGraphs(long seed, boolean torch) {
        this.random = new Random(seed);
        this.torch = torch;
    }

    NetworkGraph graph() {
        switch (random.nextInt(3)) {
            case 0 -> vectorInput();
            case 1 -> image();
            default -> sequence();
        }
        vectorBody();
        int units = 1 + random.nextInt(12);
        add(LayerKind.DENSE, "units", units, "activation", activation(), "bias", random.nextBoolean());
        if (random.nextInt(4) == 0) {
            add(units == 1 ? LayerKind.SIGMOID : LayerKind.SOFTMAX);
        }
        String loss = units == 1 ? pick("sigmoid_binary_cross_entropy", "mse", "l1")
                : pick("softmax_cross_entropy", "mse", "l1");
        add(LayerKind.OUTPUT, "loss", loss);
        return graph;
    }

    private void vectorInput() {
        add(LayerKind.INPUT, "shape", new int[] {2 + random.nextInt(60)}, "values", "real");
    }

    private void image() {
        int size = 6 + random.nextInt(12);
        add(LayerKind.INPUT, "shape", new int[] {1 + random.nextInt(3), size, size}, "values", "real");
        int layers = random.nextInt(4);
        for (int i = 0; i < layers; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    int kernel = 1 + random.nextInt(5);
                    int padding = random.nextBoolean() ? kernel / 2 : random.nextInt(2);
                    int stride = size > 8 && random.nextInt(4) == 0 ? 2 : 1;
                    if (kernel > size + 2 * padding) {
                        continue;
                    }
                    add(LayerKind.CONV2D, "filters", 1 + random.nextInt(16), "kernel", kernel, "stride", stride,
                            "padding", padding, "activation", activation(), "bias", random.nextBoolean());
                    size = (size + 2 * padding - kernel) / stride + 1;
                }
                case 1 -> {
                    if (size >= 4) {
                        int stride = 1 + random.nextInt(2);
                        add(random.nextBoolean() ? LayerKind.MAX_POOL2D : LayerKind.AVG_POOL2D, "pool", 2, "stride",
                                stride);
                        size = (size - 2) / stride + 1;
                    }
                }
                case 2 -> add(LayerKind.BATCH_NORM, "momentum", (1 + random.nextInt(98)) / 100.0, "epsilon",
                        random.nextBoolean() ? 1e-5 : 0.001);
                default -> add(ACTIVATION_LAYERS[random.nextInt(ACTIVATION_LAYERS.length - 1)]);
            }
        }
        add(random.nextBoolean() ? LayerKind.FLATTEN : LayerKind.GLOBAL_AVG_POOL2D);
    }

    private void sequence() {
        int length = 3 + random.nextInt(20);
        add(LayerKind.INPUT, "shape", new int[] {length}, "values", "token_ids");
        add(LayerKind.EMBEDDING, "vocabulary", 2 + random.nextInt(5000), "dimension", 1 + random.nextInt(32));
        if (torch) {
            if (random.nextBoolean()) {
                add(LayerKind.LAYER_NORM, "epsilon", 1e-5);
            }
            add(LayerKind.FLATTEN);
            return;
        }
        int layers = random.nextInt(3);
        for (int i = 0; i < layers; i++) {
            switch (random.nextInt(4)) {
                case 0 -> add(recurrent(), "units", 1 + random.nextInt(32), "return_sequences", true);
                case 1 -> add(LayerKind.DENSE, "units", 1 + random.nextInt(16), "activation", activation());
                case 2 -> add(LayerKind.CONV1D, "filters", 1 + random.nextInt(8), "kernel", 1, "padding", random.nextInt(2));
                default -> add(LayerKind.DROPOUT, "rate", random.nextInt(90) / 100.0);
            }
        }
        LayerKind kind = recurrent();
        if (kind == LayerKind.SIMPLE_RNN) {
            add(kind, "units", 1 + random.nextInt(32), "nonlinearity", pick("tanh", "relu"));
        } else {
            add(kind, "units", 1 + random.nextInt(32));
        }
    }

    private LayerKind recurrent() {
        return new LayerKind[] {LayerKind.LSTM, LayerKind.GRU, LayerKind.SIMPLE_RNN}[random.nextInt(3)];
    }

    private void vectorBody() {
        int layers = random.nextInt(5);
        for (int i = 0; i < layers; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> add(LayerKind.DENSE, "units", 1 + random.nextInt(64), "activation", activation(),
                        "bias", random.nextBoolean());
                case 2 -> add(LayerKind.DROPOUT, "rate", random.nextInt(90) / 100.0);
                case 3 -> add(LayerKind.BATCH_NORM, "momentum", (1 + random.nextInt(98)) / 100.0);
                case 4 -> add(LayerKind.LAYER_NORM, "epsilon", random.nextBoolean() ? 1e-5 : 0.001);
                default -> {
                    LayerKind kind = ACTIVATION_LAYERS[random.nextInt(ACTIVATION_LAYERS.length - 1)];
                    if (kind == LayerKind.LEAKY_RELU || kind == LayerKind.ELU) {
                        add(kind, "alpha", (1 + random.nextInt(100)) / 100.0);
                    } else {
                        add(kind);
                    }
                }
            }
        }
    }

    private String activation() {
        return torch ? "none" : ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private void add(LayerKind kind, Object... params) {
        var node = GraphEdits.newNode(graph, kind, new Position(graph.nodes().size() * 200.0, 0),
                GraphBuilder.params(params));
        graph = GraphEdits.addNode(graph, node).applyTo(graph);
        if (last != null) {
            graph = GraphEdits.connect(graph, org.layerloom.engine.graph.PortRef.out(last),
                    org.layerloom.engine.graph.PortRef.in(node.id())).applyTo(graph);
        }
        last = node.id();
    }

    static List<Integer> inputShape(NetworkGraph graph) {
        return new ArrayList<>(graph.nodesOfKind(LayerKind.INPUT).get(0).params().dims("shape"));
    }
}
