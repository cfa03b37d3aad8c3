package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.NodeActivation;

/**
 * Runs a trained network on inputs and returns, as plain numbers, the prediction and every node's
 * output (one forward pass of the compiled block, the same numbers as {@code block.forward}), attention
 * weights for attention nodes, and batched outputs of one node (for projections). Usage:
 * {@code new Inspector(InspectedModel.of(savedRun)).inspect(pixels)}.
 *
 * <p>Thread: that of its {@link InspectedModel}. Every engine array lives in a sub-manager closed before
 * a method returns.
 */
public final class Inspector {

    private final InspectedModel model;

    public Inspector(InspectedModel model) {
        this.model = model;
    }

    public InspectedModel model() {
        return model;
    }

    /** The prediction and every node's output for one example of real numbers (the example shape, row-major). */
    public Inspection inspect(float[] example) {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = model.batch(scope, example);
            Map<String, NDArray> outputs = model.block().activations(model.store(), new NDList(x), false);
            List<NodeActivation> layers = new ArrayList<>();
            Map<String, LayerKind> kinds = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> entry : outputs.entrySet()) {
                String id = entry.getKey();
                kinds.put(id, model.node(id).kind());
                layers.add(new NodeActivation(id, new FloatTensor(InspectedModel.dimsWithoutBatch(entry.getValue()),
                        InspectedModel.floats(entry.getValue()))));
            }
            NDArray scores = outputs.get(model.block().outputNodeId());
            Prediction prediction = model.prediction(InspectedModel.floats(scores),
                    InspectedModel.floats(model.probabilities(scores)));
            List<AttentionWeights> attention = new ArrayList<>();
            for (String id : model.block().nodeIds()) {
                LayerKind kind = model.node(id).kind();
                if (kind == LayerKind.SELF_ATTENTION || kind == LayerKind.TRANSFORMER_ENCODER) {
                    AttentionProbe.weights(model, id, outputs.get(model.sourceOf(id))).ifPresent(attention::add);
                }
            }
            return new Inspection(prediction, layers, kinds, model.readsTokens(), attention);
        }
    }

    /** {@link #inspect(float[])} for example {@code index} of a split (e.g. a test sample the student picked). */
    public Inspection inspect(Examples examples, int index) {
        java.util.Objects.checkIndex(index, examples.size());
        return inspect(InspectedModel.rows(examples, new int[] {index})[0]);
    }

    /** {@link #inspect(float[])} for a text model: one sequence of token ids. */
    public Inspection inspect(int[] tokenIds) {
        return inspect(InspectedModel.tokensAsExample(tokenIds));
    }

    /** The prediction for each example, in one batched forward pass per 256 examples. */
    public List<Prediction> predict(float[][] examples) {
        List<Prediction> predictions = new ArrayList<>(examples.length);
        for (int from = 0; from < examples.length; from += 256) {
            float[][] chunk = Arrays.copyOfRange(examples, from, Math.min(examples.length, from + 256));
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray scores = model.block().forward(model.store(), new NDList(model.batch(scope, chunk)), false)
                        .head();
                float[] raw = InspectedModel.floats(scores);
                float[] probabilities = InspectedModel.floats(model.probabilities(scores));
                int width = raw.length / chunk.length;
                int classes = probabilities.length / chunk.length;
                for (int i = 0; i < chunk.length; i++) {
                    predictions.add(model.prediction(Arrays.copyOfRange(raw, i * width, (i + 1) * width),
                            Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes)));
                }
            }
        }
        return predictions;
    }

    /** The outputs of {@code nodeId} for every example, one flattened row each (batches of 256). */
    public float[][] outputsOf(float[][] examples, String nodeId) {
        float[][] rows = new float[examples.length][];
        Set<String> wanted = new LinkedHashSet<>(List.of(nodeId));
        for (int from = 0; from < examples.length; from += 256) {
            float[][] chunk = Arrays.copyOfRange(examples, from, Math.min(examples.length, from + 256));
            try (NDManager scope = model.manager().newSubManager()) {
                Map<String, NDArray> sink = new java.util.HashMap<>();
                model.block().forwardCapturing(model.store(), new NDList(model.batch(scope, chunk)), false, wanted,
                        sink);
                float[] values = InspectedModel.floats(sink.get(nodeId));
                int width = values.length / chunk.length;
                for (int i = 0; i < chunk.length; i++) {
                    rows[from + i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
                }
            }
        }
        return rows;
    }
}
