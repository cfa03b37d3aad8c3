package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import org.layerloom.engine.train.GradientLock;

/**
 * One forward and backward pass for attribution: the output of one node (the Input node for saliency)
 * is swapped for a detached copy that requires a gradient ({@code GraphBlock.forwardTapped}), the rest
 * of the network runs from it, and the backward pass of the summed class score leaves
 * d(score)/d(that output). The parameters' gradients that the pass accumulates are zeroed afterwards,
 * so a live training's next step is not disturbed. Stateless; the model's thread.
 */
final class GradientPass {

    /** The tapped node's output and its gradient (both with the batch axis), and the class explained. */
    record Result(int classIndex, int[] shape, float[] value, float[] gradient) {
    }

    private GradientPass() {
    }

    /**
     * @param input      the batch (B, …)
     * @param nodeId     the node whose output the gradient is taken for
     * @param classIndex the class to explain, or -1 for the class predicted for the first example
     */
    static Result run(InspectedModel model, NDManager scope, NDArray input, String nodeId, int classIndex) {
        return run(model, scope, input, nodeId, classIndex, null);
    }

    /**
     * As {@link #run(InspectedModel, NDManager, NDArray, String, int)} but explaining class
     * {@code classes[i]} for example i (examples do not mix in inference mode, so one backward pass of the
     * summed scores gives each example its own gradient); the result's class index is -1.
     */
    static Result run(InspectedModel model, NDManager scope, NDArray input, String nodeId, int[] classes) {
        return run(model, scope, input, nodeId, -1, classes);
    }

    private static Result run(InspectedModel model, NDManager scope, NDArray input, String nodeId, int classIndex,
                              int[] classes) {
        NDArray[] leaf = new NDArray[1];
        try (GradientLock.Turn turn = GradientLock.acquire();
             GradientCollector collector = scope.getEngine().newGradientCollector()) {
            NDArray scores = model.block().forwardTapped(model.store(), new NDList(input), false, (id, out) -> {
                if (!id.equals(nodeId)) {
                    return out;
                }
                NDArray detached = out.stopGradient();
                detached.setRequiresGradient(true);
                leaf[0] = detached;
                return detached;
            }).head();
            if (leaf[0] == null) {
                throw new IllegalArgumentException("node '" + nodeId + "' is not part of the compiled network");
            }
            int chosen = classIndex;
            if (classes != null) {
                collector.backward(perExampleScore(model, scope, scores, classes));
            } else if (chosen < 0) {
                float[] p = InspectedModel.floats(model.probabilities(scores.get(0).expandDims(0)));
                chosen = model.classCount() > 0 ? TopK.argmax(p, 0, p.length) : 0;
            }
            if (classes == null) {
                collector.backward(model.classScore(scores, chosen).sum());
            }
            NDArray gradient = leaf[0].getGradient();
            Result result = new Result(chosen, dims(leaf[0]), InspectedModel.floats(leaf[0]),
                    InspectedModel.floats(gradient));
            gradient.close();
            return result;
        } finally {
            zeroParameterGradients(model);
        }
    }

    /** Σᵢ score of class {@code classes[i]} for example i. */
    private static NDArray perExampleScore(InspectedModel model, NDManager scope, NDArray scores, int[] classes) {
        if (model.lossSpec() == org.layerloom.engine.compile.LossSpec.SIGMOID_BINARY_CROSS_ENTROPY) {
            float[] signs = new float[classes.length];
            for (int i = 0; i < classes.length; i++) {
                signs[i] = classes[i] == 1 ? 1 : -1;
            }
            return scores.reshape(-1).mul(scope.create(signs)).sum();
        }
        long width = scores.getShape().get(1);
        NDArray oneHot = scope.create(classes).oneHot((int) width).toType(scores.getDataType(), false);
        return scores.mul(oneHot).sum();
    }

    static void zeroParameterGradients(InspectedModel model) {
        for (Pair<String, Parameter> pair : model.block().getParameters()) {
            NDArray array = pair.getValue().isInitialized() ? pair.getValue().getArray() : null;
            if (array != null && array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    private static int[] dims(NDArray array) {
        long[] shape = array.getShape().getShape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = (int) shape[i];
        }
        return dims;
    }
}
