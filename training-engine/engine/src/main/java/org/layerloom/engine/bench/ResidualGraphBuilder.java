package org.layerloom.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Wire;

/**
 * Builds a valid network of an exact number of nodes for benchmarks: Input (784) → Dense (64) → residual
 * blocks [Dense → ReLU → Dropout → LayerNorm → Add with the block's input] → a few ReLUs to make up the
 * count → Dense ({@value #CLASSES} units, the head) → Output. Single use; any thread.
 */
final class ResidualGraphBuilder {

    /** The fewest nodes such a network can have: Input, Dense, Dense head, Output. */
    static final int MIN_NODES = 4;
    static final String HEAD_ID = "head";
    static final int CLASSES = 10;
    private static final int WIDTH = 64;
    private static final int BLOCK_SIZE = 5;
    private static final double STEP_X = 180;

    private final LayerCatalog catalog = LayerCatalog.standard();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();

    /** The network with exactly {@code nodeCount} nodes (at least {@link #MIN_NODES}). */
    static NetworkGraph build(int nodeCount) {
        if (nodeCount < MIN_NODES) {
            throw new IllegalArgumentException("a benchmark network needs at least " + MIN_NODES + " nodes, not "
                    + nodeCount);
        }
        return new ResidualGraphBuilder().chain(nodeCount);
    }

    private NetworkGraph chain(int nodeCount) {
        int blocks = (nodeCount - MIN_NODES) / BLOCK_SIZE;
        int padding = (nodeCount - MIN_NODES) % BLOCK_SIZE;
        String last = add("input", "Input", LayerKind.INPUT,
                Parameters.empty().with("shape", ParamValue.Dims.of(784)), null);
        last = add("stem", "Stem Dense", LayerKind.DENSE, units(WIDTH), last);
        for (int b = 1; b <= blocks; b++) {
            String blockInput = last;
            String p = "block" + b + "_";
            last = add(p + "dense", "Block " + b + " Dense", LayerKind.DENSE, units(WIDTH), last);
            last = add(p + "relu", "Block " + b + " ReLU", LayerKind.RELU, Parameters.empty(), last);
            last = add(p + "dropout", "Block " + b + " Dropout", LayerKind.DROPOUT,
                    Parameters.empty().with("rate", new ParamValue.Real(0.1)), last);
            last = add(p + "norm", "Block " + b + " LayerNorm", LayerKind.LAYER_NORM, Parameters.empty(), last);
            last = add(p + "add", "Block " + b + " Add", LayerKind.ADD, Parameters.empty(), last);
            wires.add(Wire.between(blockInput, last));
        }
        for (int i = 1; i <= padding; i++) {
            last = add("pad" + i, "Extra ReLU " + i, LayerKind.RELU, Parameters.empty(), last);
        }
        last = add(HEAD_ID, "Head Dense", LayerKind.DENSE, units(CLASSES), last);
        add("output", "Output", LayerKind.OUTPUT, Parameters.empty(), last);
        return new NetworkGraph(nodes, wires);
    }

    private static Parameters units(int units) {
        return Parameters.empty().with("units", new ParamValue.Int(units));
    }

    /** Adds a node with default parameters plus {@code overrides}, wired from {@code from} if given. */
    private String add(String id, String name, LayerKind kind, Parameters overrides, String from) {
        Parameters params = catalog.type(kind).defaultParameters().withAll(overrides);
        nodes.add(new Node(id, kind, name, params, new Position(nodes.size() * STEP_X, 0)));
        if (from != null) {
            wires.add(Wire.between(from, id));
        }
        return id;
    }
}
