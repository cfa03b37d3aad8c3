package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.inspect.compute.LayerWorking;
import org.layerloom.engine.inspect.compute.LayerWorkings;
import org.layerloom.engine.inspect.compute.LossWorking;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Explains how a node of an inspected network computed its output for the example of an
 * {@link Inspection}: it copies the node's weights out of the network (under PyTorch's names) and hands
 * them, with the node's captured inputs, to {@link LayerWorkings}. Usage:
 * {@code new LayerExplainer(model).explain(inspection, "dense1")}.
 *
 * <p>Thread: that of its {@link InspectedModel} (the weights are read from its arrays); the workings it
 * returns are plain immutable numbers for any thread.
 */
public final class LayerExplainer {

    private final InspectedModel model;

    public LayerExplainer(InspectedModel model) {
        this.model = model;
    }

    /**
     * The working of node {@code nodeId} for {@code inspection}'s example.
     *
     * @throws IllegalArgumentException for an unknown node, the Input or Output node, or an inspection that
     *                                  lacks one of the node's inputs
     */
    public LayerWorking explain(Inspection inspection, String nodeId) {
        Node node = model.node(nodeId);
        int[] outputShape = GraphValidator.standard().validate(model.graph()).outputOf(nodeId)
                .map(LayerExplainer::dims).orElse(new int[0]);
        return LayerWorkings.of(node, inputsOf(inspection, nodeId), weights(nodeId), outputShape);
    }

    /**
     * The loss of {@code inspection}'s example as the Output node measures it.
     *
     * @param target the true class index (one number) for classifiers, the true values for regressions
     */
    public LossWorking explainLoss(Inspection inspection, float[] target) {
        Node output = model.graph().nodesOfKind(LayerKind.OUTPUT).get(0);
        FloatTensor scores = inputsOf(inspection, output.id()).get(0);
        return new LossWorking(output.id(), output.params().choice("loss"), scores, FloatTensor.vector(target));
    }

    /** The captured outputs of the nodes wired into {@code nodeId}, in wire order. */
    private List<FloatTensor> inputsOf(Inspection inspection, String nodeId) {
        List<FloatTensor> inputs = new ArrayList<>();
        for (Wire wire : model.graph().wiresInto(nodeId)) {
            String from = wire.from().nodeId();
            inputs.add(inspection.layer(from).orElseThrow(() -> new IllegalArgumentException(
                    "the inspection has no output of '" + from + "', which feeds '" + nodeId + "'")).output());
        }
        return inputs;
    }

    /** The node's weights in PyTorch's layout, by PyTorch name without the node id (e.g. "weight_ih_l0"). */
    public Map<String, FloatTensor> weights(String nodeId) {
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        String prefix = nodeId + ".";
        try (NDManager scope = model.manager().newSubManager()) {
            for (Map.Entry<String, NDArray> entry : TorchStateDict.of(model.graph(), model.block()).values(scope)
                    .entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    NDArray value = entry.getValue();
                    long[] shape = value.getShape().getShape();
                    int[] dims = new int[shape.length];
                    for (int i = 0; i < dims.length; i++) {
                        dims[i] = (int) shape[i];
                    }
                    weights.put(entry.getKey().substring(prefix.length()),
                            new FloatTensor(dims, InspectedModel.floats(value)));
                }
            }
        }
        return weights;
    }

    private static int[] dims(TensorShape shape) {
        int[] dims = new int[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        return dims;
    }
}
