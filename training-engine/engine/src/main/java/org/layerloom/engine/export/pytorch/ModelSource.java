package org.layerloom.engine.export.pytorch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * The text of {@code model.py}: the helper classes the network needs, then {@code class Network(nn.Module)}
 * with one attribute per node, named by the node id and commented with the layer's name, kind and shapes,
 * and a {@code forward} that runs the nodes in the compiled order (the order data flows, as
 * {@code GraphTopology} gives it), each result in a variable named by its node; then {@code load_network()},
 * which loads {@code weights.npz} strictly. Only APIs of PyTorch 1.13 and newer. Stateless; any thread.
 */
final class ModelSource {

    private ModelSource() {
    }

    static String of(ExportedNetwork network) {
        ValidationReport report = network.report();
        NetworkGraph graph = report.graph();
        Node input = graph.requireNode(network.nodeIds().get(0));
        TensorShape example = report.outputOf(input.id()).orElseThrow();

        List<String> init = new ArrayList<>();
        List<String> forward = new ArrayList<>();
        Set<Helper> helpers = EnumSet.noneOf(Helper.class);
        for (String id : network.nodeIds().subList(1, network.nodeIds().size())) {
            Node node = graph.requireNode(id);
            NodeReport nodeReport = report.node(id).orElseThrow();
            List<String> sources = graph.wiresInto(id).stream().map(w -> w.from().nodeId()).toList();
            if (node.kind() == LayerKind.OUTPUT) {
                forward.add("return " + sources.get(0) + "  # " + Py.comment(who(node) + ": the prediction, scored with "
                        + node.params().choice("loss").replace('_', ' ')));
                continue;
            }
            TorchLayer layer = TorchLayers.of(node, nodeReport).orElseThrow();
            addWithUses(helpers, layer.helpers());
            init.add("# " + Py.comment(who(node) + ": " + shapes(nodeReport)
                    + (layer.note().isEmpty() ? "" : "; " + layer.note())));
            init.add("self." + id + " = " + layer.module());
            forward.add(id + " = self." + id + "(" + String.join(", ", sources) + ")");
        }

        StringBuilder py = new StringBuilder();
        py.append("\"\"\"").append(plain(network.name())).append(": a LayerLoom network exported to PyTorch.\n\n")
                .append("""
                        Network is the graph as code: one attribute per layer, named by the layer's id, and a forward
                        that runs the layers in the order data flows through the graph. weights.npz holds the weights
                        under the names of Network's state_dict (such as dense1.weight); load_network() builds the
                        network and loads them.

                        Written by LayerLoom. Needs PyTorch 1.13 or newer and NumPy.
                        \"""
                        """);
        if (helpers.contains(Helper.POSITIONAL_ENCODING)) {
            py.append("import math\n");
        }
        py.append("import os\n\nimport numpy as np\nimport torch\nfrom torch import nn\n");
        if (helpers.contains(Helper.BATCH_NORM)) {
            py.append("import torch.nn.functional as F\n");
        }
        py.append("\n# One example; a batch adds a first axis.\n")
                .append("INPUT_SHAPE = (").append(example.dims().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append(example.rank() == 1 ? ",)\n" : ")\n")
                .append("INPUT_DTYPE = ").append(example.isTokenIds() ? "torch.int64  # token ids\n" : "torch.float32\n");
        for (Helper helper : helpers) {
            py.append("\n\n").append(helper.source());
        }
        py.append("\n\nclass Network(nn.Module):\n    \"\"\"").append(plain(network.name()))
                .append(", layer by layer.\"\"\"\n\n    def __init__(self):\n        super().__init__()\n");
        init.forEach(line -> py.append("        ").append(line).append('\n'));
        py.append("\n    def forward(self, ").append(input.id()).append("):\n        \"\"\"").append(input.id())
                .append(": a batch of ").append(example.isTokenIds() ? "token ids" : "real numbers").append(", (batch, ")
                .append(example.dims().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(").\"\"\"\n");
        forward.forEach(line -> py.append("        ").append(line).append('\n'));
        py.append("""


                def load_network(weights=os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights.npz")):
                    \"""The network with the exported weights loaded (every name must match), in evaluation mode.\"""
                    network = Network()
                    arrays = np.load(weights)
                    network.load_state_dict({name: torch.from_numpy(arrays[name]) for name in arrays.files}, strict=True)
                    return network.eval()


                if __name__ == "__main__":
                    network = load_network()
                    print(network)
                    with torch.no_grad():
                        output = network(torch.zeros((2,) + INPUT_SHAPE, dtype=INPUT_DTYPE))
                    print("A batch of 2 examples gives an output of shape", tuple(output.shape))
                """);
        return py.toString();
    }

    private static void addWithUses(Set<Helper> helpers, List<Helper> needed) {
        for (Helper helper : needed) {
            addWithUses(helpers, helper.uses());
            helpers.add(helper);
        }
    }

    private static String who(Node node) {
        return ShapeContext.describe(node, LayerCatalog.standard().type(node.kind()));
    }

    /** "784 features -> 128 features", or "a + b -> c" for merges. */
    private static String shapes(NodeReport report) {
        String in = report.inputs().stream().map(TensorShape::describe).collect(Collectors.joining(" + "));
        return in + " -> " + report.output().map(TensorShape::describe).orElse("?");
    }

    /** Text safe inside a docstring. */
    private static String plain(String text) {
        return Py.comment(text.replace("\\", "/").replace("\"", "'"));
    }
}
