package org.layerloom.engine.inspect;

import java.util.Random;
import org.layerloom.engine.train.event.EmbeddingProjection;

/**
 * Projects the last hidden layer's outputs on (a sample of) a split to 2-D with {@link Pca}, for the
 * embedding view; run it once per epoch for the view's scrubber. The last hidden layer is the node that
 * feeds the layer feeding the Output node (e.g. Hidden in … → Hidden → Scores → Output), unless a node
 * is named. Usage: {@code new EmbeddingProjector(model).project(pixels, labels, 1000, seed)}.
 * Thread: that of its {@link InspectedModel}.
 */
public final class EmbeddingProjector {

    private final InspectedModel model;

    public EmbeddingProjector(InspectedModel model) {
        this.model = model;
    }

    /** The node whose outputs are projected by default. */
    public String lastHiddenNode() {
        String scores = model.sourceOf(model.block().outputNodeId());
        if (scores.equals(model.block().inputNodeId())) {
            return scores;
        }
        String hidden = model.sourceOf(scores);
        return hidden.equals(model.block().inputNodeId()) ? scores : hidden;
    }

    /**
     * @param examples   the split's examples (rows of the example shape)
     * @param labels     their classes (or any integer to colour by)
     * @param sampleSize at most this many examples, drawn from {@code seed} (all when larger than the split)
     */
    public EmbeddingProjection project(float[][] examples, int[] labels, int sampleSize, long seed) {
        return project(examples, labels, sampleSize, seed, lastHiddenNode());
    }

    /** {@link #project(float[][], int[], int, long)} for the outputs of node {@code nodeId}. */
    public EmbeddingProjection project(float[][] examples, int[] labels, int sampleSize, long seed, String nodeId) {
        int[] indices = sample(examples.length, sampleSize, seed);
        float[][] chosen = new float[indices.length][];
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            chosen[i] = examples[indices[i]];
            chosenLabels[i] = labels[indices[i]];
        }
        float[][] hidden = new Inspector(model).outputsOf(chosen, nodeId);
        Pca.Result pca = Pca.fit(hidden, 2);
        float[] x = new float[indices.length];
        float[] y = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = pca.coordinate(i, 0);
            y[i] = pca.components() > 1 ? pca.coordinate(i, 1) : 0f;
        }
        return EmbeddingProjection.of(nodeId, x, y, chosenLabels, indices, pca.explainedVariance());
    }

    /** {@code size} distinct indices below {@code n} in increasing order (a seeded partial shuffle). */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (size >= n) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(picked);
        return picked;
    }
}
