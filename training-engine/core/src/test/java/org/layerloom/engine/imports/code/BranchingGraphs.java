package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Random;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * Random valid networks with skip connections, which Keras writes in the functional style: a vector or
 * image input, then blocks that are a plain layer, a residual branch joined by Add, or a side branch joined
 * by Concatenate, then a Dense and an Output. Test code; one per seed.
 */
final class BranchingGraphs {

    private final Random random;
    private NetworkGraph graph = NetworkGraph.empty();

    BranchingGraphs(long seed) {
        this.random = new Random(seed);
    }

    NetworkGraph graph() {
        boolean image = random.nextBoolean();
        int width = image ? 1 + random.nextInt(4) : 2 + random.nextInt(30);
        int size = 4 + random.nextInt(8);
        String x = add(LayerKind.INPUT, List.of(), "shape", image ? new int[] {width, size, size} : new int[] {width});
        int blocks = 1 + random.nextInt(4);
        for (int i = 0; i < blocks; i++) {
            switch (random.nextInt(i == 0 ? 2 : 3)) {
                case 0 -> {
                    String y = branch(x, image, width);
                    x = add(LayerKind.ADD, List.of(x, y));
                }
                case 1 -> {
                    int extra = 1 + random.nextInt(8);
                    String y = branch(x, image, extra);
                    x = add(LayerKind.CONCATENATE, List.of(x, y), "axis", image ? 0 : -1);
                    width += extra;
                }
                default -> x = add(pickActivation(), List.of(x));
            }
        }
        if (image) {
            x = add(random.nextBoolean() ? LayerKind.FLATTEN : LayerKind.GLOBAL_AVG_POOL2D, List.of(x));
        }
        x = add(LayerKind.DENSE, List.of(x), "units", 2 + random.nextInt(8));
        add(LayerKind.OUTPUT, List.of(x), "loss", "softmax_cross_entropy");
        return graph;
    }

    /** One or two layers behind {@code from} that give {@code width} features or channels of the same size. */
    private String branch(String from, boolean image, int width) {
        String y = image
                ? add(LayerKind.CONV2D, List.of(from), "filters", width, "kernel", 3, "padding", 1, "activation", "relu")
                : add(LayerKind.DENSE, List.of(from), "units", width, "activation", "tanh");
        if (random.nextBoolean()) {
            y = add(image ? LayerKind.BATCH_NORM : LayerKind.LAYER_NORM, List.of(y));
        }
        return y;
    }

    private LayerKind pickActivation() {
        return new LayerKind[] {LayerKind.RELU, LayerKind.GELU, LayerKind.TANH}[random.nextInt(3)];
    }

    private String add(LayerKind kind, List<String> sources, Object... params) {
        var node = GraphEdits.newNode(graph, kind, new Position(graph.nodes().size() * 200.0, 0),
                GraphBuilder.params(params));
        graph = GraphEdits.addNode(graph, node).applyTo(graph);
        for (String source : sources) {
            graph = GraphEdits.connect(graph, PortRef.out(source), PortRef.in(node.id())).applyTo(graph);
        }
        return node.id();
    }
}
