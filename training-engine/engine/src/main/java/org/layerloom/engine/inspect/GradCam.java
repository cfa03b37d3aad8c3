package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;

/**
 * Grad-CAM for convolutional models (Selvaraju et al.): the gradients of a class score with respect to
 * a Conv2D node's feature maps, averaged over space, weight those maps; their ReLU'd sum, resized to the
 * input, shows where the evidence for the class is. The last Conv2D node is used unless another node
 * with (C, H, W) output is named. Usage: {@code new GradCam(model).map(pixels, -1)}.
 *
 * <p>Thread: that of its {@link InspectedModel}; it records gradients, so no other thread may train at
 * the same time.
 */
public final class GradCam {

    private final InspectedModel model;

    public GradCam(InspectedModel model) {
        this.model = model;
    }

    /** The map for the last Conv2D node; class -1 is the predicted one. */
    public GradCamMap map(float[] example, int classIndex) {
        List<String> convs = model.nodesOfKind(LayerKind.CONV2D);
        if (convs.isEmpty()) {
            throw new IllegalStateException("Grad-CAM needs a network with a Conv2D layer");
        }
        return map(example, classIndex, convs.get(convs.size() - 1));
    }

    /** The map for node {@code nodeId}, whose output must be feature maps (C, H, W). */
    public GradCamMap map(float[] example, int classIndex, String nodeId) {
        try (NDManager scope = model.manager().newSubManager()) {
            GradientPass.Result r = GradientPass.run(model, scope, model.batch(scope, example), nodeId, classIndex);
            return fromGradients(r, 0, r.classIndex(), nodeId);
        }
    }

    /**
     * Maps for many examples in one batched pass (e.g. a confusion-matrix cell's gallery), of the last
     * Conv2D node: example i explains class {@code classes[i]}, or its predicted class when that is -1.
     */
    public java.util.List<GradCamMap> maps(float[][] examples, int[] classes) {
        List<String> convs = model.nodesOfKind(LayerKind.CONV2D);
        if (convs.isEmpty()) {
            throw new IllegalStateException("Grad-CAM needs a network with a Conv2D layer");
        }
        String nodeId = convs.get(convs.size() - 1);
        int[] chosen = classes.clone();
        List<Prediction> predictions = null;
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] < 0) {
                predictions = predictions == null ? new Inspector(model).predict(examples) : predictions;
                chosen[i] = predictions.get(i).predictedClass();
            }
        }
        try (NDManager scope = model.manager().newSubManager()) {
            GradientPass.Result r = GradientPass.run(model, scope, model.batch(scope, examples), nodeId, chosen);
            java.util.List<GradCamMap> maps = new java.util.ArrayList<>();
            for (int i = 0; i < examples.length; i++) {
                maps.add(fromGradients(r, i, chosen[i], nodeId));
            }
            return maps;
        }
    }

    /** The map of example {@code row} of a gradient pass over a (B, C, H, W) node output. */
    private GradCamMap fromGradients(GradientPass.Result r, int row, int classIndex, String nodeId) {
        int[] shape = r.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException("node '" + nodeId + "' has no feature maps to weigh");
        }
        int channels = shape[1];
        int h = shape[2];
        int w = shape[3];
        int area = h * w;
        int offset = row * channels * area;
        float[] a = r.value();
        float[] g = r.gradient();
        float[] cam = new float[area];
        for (int c = 0; c < channels; c++) {
            double weight = 0;
            for (int i = 0; i < area; i++) {
                weight += g[offset + c * area + i];
            }
            weight /= area;
            for (int i = 0; i < area; i++) {
                cam[i] += (float) (weight * a[offset + c * area + i]);
            }
        }
        float[] coarse = Maps.normalise(cam);
        int[] size = inputSize(h, w);
        float[] heat = Maps.normalise(Maps.resize(coarse, h, w, size[0], size[1]));
        return new GradCamMap(nodeId, classIndex, h, w, coarse, size[0], size[1], heat);
    }

    /** The input's height and width: (C, H, W) or (H, W) inputs, a square vector (784 → 28 × 28), else the map's. */
    private int[] inputSize(int h, int w) {
        TensorShape shape = model.exampleShape();
        if (shape.rank() == 3) {
            return new int[] {shape.dim(1), shape.dim(2)};
        }
        if (shape.rank() == 2) {
            return new int[] {shape.dim(0), shape.dim(1)};
        }
        int side = (int) Math.round(Math.sqrt(shape.size()));
        return side * side == shape.size() ? new int[] {side, side} : new int[] {h, w};
    }
}
