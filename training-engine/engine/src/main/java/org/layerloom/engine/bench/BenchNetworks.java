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

/** The small networks the benchmarks train, built as graphs a student could draw. Stateless; any thread. */
final class BenchNetworks {

    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private BenchNetworks() {
    }

    /** Input(2) → Dense(16, relu) × 2 → Dense(2) → Output (softmax cross-entropy): for two moons. */
    static NetworkGraph moonsMlp() {
        return chain(List.of(
                node("input", LayerKind.INPUT, Parameters.empty().with("shape", ParamValue.Dims.of(2))),
                node("hidden1", LayerKind.DENSE, dense(16, "relu")),
                node("hidden2", LayerKind.DENSE, dense(16, "relu")),
                node("scores", LayerKind.DENSE, dense(2, "none")),
                node("output", LayerKind.OUTPUT, Parameters.empty())));
    }

    /** Conv(8, 3×3, relu) → MaxPool → Conv(16, 3×3, relu) → MaxPool → Flatten → Dense(32, relu) → Dense(10). */
    static NetworkGraph smallCnn() {
        return chain(List.of(
                node("input", LayerKind.INPUT, Parameters.empty().with("shape", ParamValue.Dims.of(1, 28, 28))),
                node("conv1", LayerKind.CONV2D, conv(8)),
                node("pool1", LayerKind.MAX_POOL2D, Parameters.empty()),
                node("conv2", LayerKind.CONV2D, conv(16)),
                node("pool2", LayerKind.MAX_POOL2D, Parameters.empty()),
                node("flatten", LayerKind.FLATTEN, Parameters.empty()),
                node("hidden", LayerKind.DENSE, dense(32, "relu")),
                node("scores", LayerKind.DENSE, dense(10, "none")),
                node("output", LayerKind.OUTPUT, Parameters.empty())));
    }

    private static Parameters dense(int units, String activation) {
        return Parameters.empty().with("units", new ParamValue.Int(units))
                .with("activation", new ParamValue.Choice(activation));
    }

    private static Parameters conv(int filters) {
        return Parameters.empty().with("filters", new ParamValue.Int(filters))
                .with("activation", new ParamValue.Choice("relu"));
    }

    private static Node node(String id, LayerKind kind, Parameters overrides) {
        return new Node(id, kind, id, CATALOG.type(kind).defaultParameters().withAll(overrides), Position.ORIGIN);
    }

    private static NetworkGraph chain(List<Node> nodes) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i + 1 < nodes.size(); i++) {
            wires.add(Wire.between(nodes.get(i).id(), nodes.get(i + 1).id()));
        }
        return new NetworkGraph(nodes, wires);
    }
}
