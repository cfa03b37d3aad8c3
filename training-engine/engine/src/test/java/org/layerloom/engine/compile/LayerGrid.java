package org.layerloom.engine.compile;

import org.layerloom.engine.testing.GraphBuilder;
import static org.layerloom.engine.testing.GraphBuilder.layer;
import static org.layerloom.engine.graph.LayerKind.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;

/**
 * The parameter and shape grid of the differential test: for every layer kind a few graphs (Input →
 * layer → Output, or a branch into a merge). The small grid runs by default; {@code -Dnightly=true}
 * runs the full cartesian grid, from which combinations the validator rejects are dropped.
 */
final class LayerGrid {

    private static final List<String> ACTIVATIONS =
            List.of("none", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh");

    /** One graph of the grid, with the kind it tests and a readable label. */
    record Case(LayerKind kind, String label, NetworkGraph graph) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Object[]> NO_PARAMS = List.<Object[]>of(new Object[0]);

    private final boolean full;
    private final List<Case> cases = new ArrayList<>();

    private LayerGrid(boolean full) {
        this.full = full;
    }

    static boolean nightly() {
        return "true".equals(System.getProperty("nightly"));
    }

    static List<Case> cases(boolean full) {
        LayerGrid grid = new LayerGrid(full);
        grid.build();
        if (!full) {
            return grid.cases;
        }
        GraphValidator validator = GraphValidator.standard();
        return grid.cases.stream().filter(c -> validator.validate(c.graph()).isValid()).toList();
    }

    private void build() {
        TensorShape vec = TensorShape.of(8);
        TensorShape seq = TensorShape.of(6, 4);
        TensorShape img = TensorShape.of(2, 9, 9);

        single(DENSE, pick(List.of(vec, seq), List.of(vec, seq, TensorShape.of(1), TensorShape.of(1, 3))),
                grid(Map.of("units", pick(List.of(3), List.of(1, 3, 16)),
                        "bias", pick(List.of(true, false), List.of(true, false)),
                        "activation", pick(List.of("none", "relu"), ACTIVATIONS))));
        single(FLATTEN, List.of(vec, seq, img, TensorShape.of(2, 3, 4, 5)), NO_PARAMS);
        for (Object[] p : List.of(new Object[] {vec, new int[] {2, 4}}, new Object[] {img, new int[] {162}},
                new Object[] {seq, new int[] {2, 3, 4}}, new Object[] {img, new int[] {18, 9}})) {
            single(RESHAPE, List.of((TensorShape) p[0]), List.<Object[]>of(new Object[] {"target", p[1]}));
        }
        single(DROPOUT, pick(List.of(vec, img), List.of(vec, seq, img)),
                grid(Map.of("rate", pick(List.of(0.5), List.of(0.0, 0.2, 0.5, 0.9)))));
        single(EMBEDDING, pick(List.of(TensorShape.tokens(7)), List.of(TensorShape.tokens(1), TensorShape.tokens(7))),
                grid(Map.of("vocabulary", pick(List.of(20), List.of(2, 20, 1000)),
                        "dimension", pick(List.of(4), List.of(1, 4, 33)))));
        if (full) {
            single(CONV1D, List.of(TensorShape.of(10, 3), TensorShape.of(7, 1)),
                    grid(Map.of("filters", List.of(1, 4), "kernel", List.of(1, 3, 5), "stride", List.of(1, 2, 3),
                            "padding", List.of(0, 1, 2), "bias", List.of(true, false), "activation", ACTIVATIONS)));
            single(CONV2D, List.of(img, TensorShape.of(3, 8, 7)),
                    grid(Map.of("filters", List.of(1, 4), "kernel", List.of(1, 3, 5), "stride", List.of(1, 2, 3),
                            "padding", List.of(0, 1, 2), "bias", List.of(true, false), "activation", ACTIVATIONS)));
        } else {
            single(CONV1D, List.of(TensorShape.of(10, 3)), List.of(new Object[] {"filters", 4, "kernel", 3},
                    new Object[] {"filters", 2, "kernel", 5, "stride", 2, "padding", 2, "bias", false,
                            "activation", "relu"}));
            single(CONV2D, List.of(img), List.of(new Object[] {"filters", 4, "kernel", 3},
                    new Object[] {"filters", 3, "kernel", 3, "stride", 2, "padding", 1, "bias", false,
                            "activation", "tanh"}));
        }
        for (LayerKind pool : List.of(MAX_POOL2D, AVG_POOL2D)) {
            single(pool, pick(List.of(img), List.of(img, TensorShape.of(3, 8, 7))), full
                    ? grid(Map.of("pool", List.of(1, 2, 3), "stride", List.of(1, 2, 3), "padding", List.of(0, 1)))
                    : List.of(new Object[] {"pool", 2, "stride", 2}, new Object[] {"pool", 3, "stride", 2, "padding", 1}));
        }
        single(GLOBAL_AVG_POOL2D, List.of(TensorShape.of(3, 5, 4)), NO_PARAMS);
        List<TensorShape> normShapes = pick(List.of(vec, seq, img), List.of(vec, seq, img, TensorShape.of(2, 3, 4, 5)));
        single(BATCH_NORM, normShapes, grid(Map.of("momentum", pick(List.of(0.1), List.of(0.1, 0.5)))));
        single(LAYER_NORM, normShapes, grid(Map.of("epsilon", pick(List.of(1e-5), List.of(1e-5, 1e-3)))));
        for (LayerKind rnn : List.of(SIMPLE_RNN, LSTM, GRU)) {
            Map<String, List<?>> axes = new LinkedHashMap<>();
            axes.put("units", pick(List.of(5), List.of(1, 5, 17)));
            axes.put("return_sequences", List.of(false, true));
            if (rnn == SIMPLE_RNN) {
                axes.put("nonlinearity", List.of("tanh", "relu"));
            }
            single(rnn, pick(List.of(seq), List.of(seq, TensorShape.of(1, 1), TensorShape.of(9, 2))), grid(axes));
        }
        TensorShape tokens = TensorShape.of(5, 8);
        single(SELF_ATTENTION, pick(List.of(tokens), List.of(tokens, TensorShape.of(3, 12))),
                grid(Map.of("heads", pick(List.of(1, 2), List.of(1, 2, 4)), "dropout", pick(List.of(0.1), List.of(0.0, 0.3)))));
        single(TRANSFORMER_ENCODER, pick(List.of(tokens), List.of(tokens, TensorShape.of(3, 12))),
                grid(Map.of("heads", pick(List.of(2), List.of(1, 2, 4)), "feed_forward", pick(List.of(16), List.of(1, 16)),
                        "dropout", pick(List.of(0.1), List.of(0.0, 0.1)))));
        single(POSITIONAL_ENCODING, pick(List.of(tokens, TensorShape.of(4, 7)),
                List.of(tokens, TensorShape.of(4, 7), TensorShape.of(1, 1), TensorShape.of(30, 9))), NO_PARAMS);
        for (LayerKind act : List.of(RELU, GELU, SIGMOID, TANH, SOFTMAX)) {
            single(act, pick(List.of(vec, img), List.of(vec, seq, img)), NO_PARAMS);
        }
        for (LayerKind act : List.of(LEAKY_RELU, ELU)) {
            single(act, pick(List.of(vec, img), List.of(vec, seq, img)),
                    grid(Map.of("alpha", pick(List.of(0.2), List.of(0.01, 0.2, 1.0)))));
        }
        merges();
    }

    /** Add and Concatenate: the Input and one or two one-layer branches of it join. */
    private void merges() {
        for (TensorShape shape : pick(List.of(TensorShape.of(8), TensorShape.of(3, 4, 4)),
                List.of(TensorShape.of(8), TensorShape.of(6, 4), TensorShape.of(3, 4, 4)))) {
            for (int branches : List.of(1, 2)) {
                merge(ADD, shape, branches, new Object[0], null);
            }
        }
        List<Object[]> concats = new ArrayList<>(List.of(
                new Object[] {TensorShape.of(8), -1, new Object[] {"units", 5}},
                new Object[] {TensorShape.of(6, 4), 0, null},
                new Object[] {TensorShape.of(6, 4), -1, new Object[] {"units", 3}},
                new Object[] {TensorShape.of(3, 5, 5), 0, new Object[] {"filters", 2, "kernel", 1}},
                new Object[] {TensorShape.of(3, 5, 5), 2, null}));
        if (full) {
            concats.add(new Object[] {TensorShape.of(6, 4), 1, null});
            concats.add(new Object[] {TensorShape.of(3, 5, 5), 1, null});
            concats.add(new Object[] {TensorShape.of(3, 5, 5), -1, null});
            concats.add(new Object[] {TensorShape.of(3, 5, 5), -3, null});
        }
        for (Object[] c : concats) {
            for (int branches : pick(List.of(1), List.of(1, 2))) {
                merge(CONCATENATE, (TensorShape) c[0], branches, new Object[] {"axis", c[1]}, (Object[]) c[2]);
            }
        }
    }

    /**
     * Input → {branch layer} ×{@code branches} → merge ← Input → Output. The branch is a ReLU, or, when
     * {@code resize} is given, a Dense (vectors, sequences) or Conv2D (maps) with those parameters.
     */
    private void merge(LayerKind kind, TensorShape shape, int branches, Object[] params, Object[] resize) {
        GraphBuilder g = new GraphBuilder();
        String in = g.input(shape);
        String merge = g.add(kind, params);
        for (int b = 0; b < branches; b++) {
            LayerKind branchKind = resize == null ? (b == 0 ? RELU : TANH) : shape.isImage() ? CONV2D : DENSE;
            String branch = g.add(branchKind, resize == null ? new Object[0] : resize);
            g.chain(in, branch, merge);
        }
        g.wire(in, merge);
        String out = g.add(OUTPUT, "loss", "mse");
        g.wire(merge, out);
        cases.add(new Case(kind, kind.id() + Arrays.toString(params) + " of " + (branches + 1) + " × " + shape
                + (resize == null ? "" : " resized by " + Arrays.toString(resize)), g.build()));
    }

    private void single(LayerKind kind, List<TensorShape> inputs, List<Object[]> paramSets) {
        for (TensorShape in : inputs) {
            for (Object[] params : paramSets) {
                cases.add(new Case(kind, kind.id() + Arrays.deepToString(params) + " on " + in,
                        GraphBuilder.chainOf(in, "mse", layer(kind, params))));
            }
        }
    }

    private <T> List<T> pick(List<T> small, List<T> large) {
        return full ? large : small;
    }

    /** Every combination of the values, as alternating name/value arrays (names in a stable order). */
    private static List<Object[]> grid(Map<String, ? extends List<?>> axes) {
        List<Object[]> combos = new ArrayList<>();
        combos.add(new Object[0]);
        for (String name : axes.keySet().stream().sorted().toList()) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] combo : combos) {
                for (Object value : axes.get(name)) {
                    Object[] longer = Arrays.copyOf(combo, combo.length + 2);
                    longer[combo.length] = name;
                    longer[combo.length + 1] = value;
                    next.add(longer);
                }
            }
            combos = next;
        }
        return combos;
    }
}
