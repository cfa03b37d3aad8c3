package org.layerloom.editor;

import static org.layerloom.engine.testing.GraphBuilder.node;
import static org.layerloom.engine.testing.GraphBuilder.wires;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/** Small graphs (built with the core's {@link org.layerloom.engine.testing.GraphBuilder}) and editors for tests. */
public final class TestGraphs {

    private TestGraphs() {
    }

    public static EditorViewModel editor() {
        return new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
    }

    public static EditorViewModel editorWith(NetworkGraph graph) {
        EditorViewModel editor = editor();
        editor.open(graph, "New project");
        return editor;
    }

    /** Input(784) → Dense(64) → Dense(10) → Output, valid. */
    public static NetworkGraph mlp() {
        List<Node> nodes = List.of(
                node("input1", LayerKind.INPUT, 0, 0, "shape", new int[] {784}),
                node("dense1", LayerKind.DENSE, 200, 0),
                node("dense2", LayerKind.DENSE, 400, 0, "units", 10),
                node("output1", LayerKind.OUTPUT, 600, 0));
        return new NetworkGraph(nodes, wires("input1", "dense1", "dense2", "output1"));
    }

    /** Input(784) → Conv2D → Flatten → Dense(10) → Output: the convolution needs an image. */
    public static NetworkGraph convOnVector() {
        List<Node> nodes = List.of(
                node("input1", LayerKind.INPUT, 0, 0, "shape", new int[] {784}),
                node("conv2d1", LayerKind.CONV2D, 200, 0),
                node("flatten1", LayerKind.FLATTEN, 400, 0),
                node("dense1", LayerKind.DENSE, 600, 0, "units", 10),
                node("output1", LayerKind.OUTPUT, 800, 0));
        return new NetworkGraph(nodes, wires("input1", "conv2d1", "flatten1", "dense1", "output1"));
    }

    /** A valid residual MLP of about {@code n} nodes: Input, blocks of Dense/ReLU/Add, Output. */
    public static NetworkGraph large(int n) {
        List<Node> nodes = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        nodes.add(node("input1", LayerKind.INPUT, 0, 0, "shape", new int[] {64}));
        String last = "input1";
        int i = 0;
        double x = 200;
        while (nodes.size() + 4 < n) {
            String dense = "dense" + i;
            String relu = "relu" + i;
            String add = "add" + i;
            nodes.add(node(dense, LayerKind.DENSE, x, (i % 6) * 110));
            nodes.add(node(relu, LayerKind.RELU, x + 200, (i % 6) * 110));
            nodes.add(node(add, LayerKind.ADD, x + 400, (i % 6) * 110));
            wires.add(Wire.between(last, dense));
            wires.add(Wire.between(dense, relu));
            wires.add(Wire.between(relu, add));
            wires.add(Wire.between(last, add));
            last = add;
            x += 600;
            i++;
        }
        nodes.add(node("dense_out", LayerKind.DENSE, x, 0, "units", 10));
        nodes.add(node("output1", LayerKind.OUTPUT, x + 200, 0));
        wires.add(Wire.between(last, "dense_out"));
        wires.add(Wire.between("dense_out", "output1"));
        return new NetworkGraph(nodes, wires);
    }
}
