package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.layerloom.engine.graph.LayerKind;

/**
 * Gradient attributions of a prediction: saliency (the gradient of a class score with respect to the
 * input), SmoothGrad (that gradient averaged over noisy copies of the input, seeded) and, for text
 * models, per-token importance. A class index of {@code -1} means the predicted class. Usage:
 * {@code new Attribution(model).saliency(pixels, -1)}.
 *
 * <p>Thread: that of its {@link InspectedModel}; it records gradients, so no other thread may train at
 * the same time (DJL allows one gradient recording per process).
 */
public final class Attribution {

    private final InspectedModel model;

    public Attribution(InspectedModel model) {
        this.model = model;
    }

    /** d(class score)/d(input) for one example of real numbers. */
    public SaliencyMap saliency(float[] example, int classIndex) {
        requireReal();
        try (NDManager scope = model.manager().newSubManager()) {
            GradientPass.Result r = GradientPass.run(model, scope, model.batch(scope, example),
                    model.block().inputNodeId(), classIndex);
            return SaliencyMap.of(r.classIndex(), model.exampleShape().dims().stream().mapToInt(i -> i).toArray(),
                    r.gradient());
        }
    }

    /**
     * SmoothGrad: the saliency averaged over {@code samples} copies of the example with Gaussian noise of
     * standard deviation {@code noiseLevel} × (max − min of the example), in one batched pass; the same
     * seed gives the same map. The class, when -1, is the one predicted for the clean example.
     */
    public SaliencyMap smoothGrad(float[] example, int classIndex, int samples, double noiseLevel, long seed) {
        requireReal();
        if (samples < 1) {
            throw new IllegalArgumentException("SmoothGrad needs at least one sample");
        }
        int chosen = classIndex >= 0 ? classIndex : new Inspector(model).predict(new float[][] {example}).get(0)
                .predictedClass();
        chosen = Math.max(chosen, 0);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : example) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double sigma = noiseLevel * (max - min);
        Random random = new Random(seed);
        float[][] noisy = new float[samples][example.length];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < example.length; i++) {
                noisy[s][i] = (float) (example[i] + sigma * random.nextGaussian());
            }
        }
        try (NDManager scope = model.manager().newSubManager()) {
            GradientPass.Result r = GradientPass.run(model, scope, model.batch(scope, noisy),
                    model.block().inputNodeId(), chosen);
            float[] mean = new float[example.length];
            float[] all = r.gradient();
            for (int s = 0; s < samples; s++) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += all[s * mean.length + i] / samples;
                }
            }
            return SaliencyMap.of(chosen, model.exampleShape().dims().stream().mapToInt(i -> i).toArray(), mean);
        }
    }

    /** Per-token importance for a text model: ‖gradient ⊙ embedding‖ at each position of the (first) Embedding node. */
    public TokenImportance tokenImportance(int[] tokenIds, int classIndex) {
        List<String> embeddings = model.nodesOfKind(LayerKind.EMBEDDING);
        if (!model.readsTokens() || embeddings.isEmpty()) {
            throw new IllegalStateException("per-token importance needs a network that reads token ids into an"
                    + " Embedding");
        }
        try (NDManager scope = model.manager().newSubManager()) {
            GradientPass.Result r = GradientPass.run(model, scope,
                    model.batch(scope, InspectedModel.tokensAsExample(tokenIds)), embeddings.get(0), classIndex);
            int steps = tokenIds.length;
            int dim = r.value().length / steps;
            float[] importance = new float[steps];
            for (int t = 0; t < steps; t++) {
                double sum = 0;
                for (int d = 0; d < dim; d++) {
                    double v = r.value()[t * dim + d] * r.gradient()[t * dim + d];
                    sum += v * v;
                }
                importance[t] = (float) Math.sqrt(sum);
            }
            return new TokenImportance(r.classIndex(), tokenIds, importance);
        }
    }

    private void requireReal() {
        if (model.readsTokens()) {
            throw new IllegalStateException("token ids have no input gradient; use tokenImportance");
        }
    }
}
