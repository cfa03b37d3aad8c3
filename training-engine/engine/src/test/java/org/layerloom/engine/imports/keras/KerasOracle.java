package org.layerloom.engine.imports.keras;

import java.util.List;
import java.util.Map;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Runs an imported Keras model in LayerLoom's engine on a fixture's reference batch and gives what Keras's
 * {@code predict} gives: the probabilities where the final softmax or sigmoid was folded into the loss, else the
 * network's output; channels-last input images are transposed to (C, H, W) on the way in. Test code.
 */
final class KerasOracle {

    private KerasOracle() {
    }

    static float[] predict(KerasImport imported, KerasFixtures.Reference reference) {
        return predict(imported, imported.weights(), reference);
    }

    static float[] predict(KerasImport imported, List<NpyArray> weights, KerasFixtures.Reference reference) {
        ValidationReport report = GraphValidator.standard().validate(imported.graph());
        ExportedNetwork network = new ExportedNetwork("keras", report,
                imported.graph().nodes().stream().map(Node::id).toList(), weights);
        long[] shape = reference.inputShape();
        float[] input = reference.input();
        if (shape.length == 4) {
            input = channelsFirst(input, shape);
            shape = new long[] {shape[0], shape[3], shape[1], shape[2]};
        }
        Map<String, float[]> outputs = ReferenceOutputs.of(network, new ReferenceOutputs.Batch(shape, input,
                reference.tokenIds()));
        Node output = imported.graph().nodesOfKind(LayerKind.OUTPUT).get(0);
        String loss = output.params().choice("loss");
        if (loss.equals("softmax_cross_entropy")) {
            return outputs.get(ReferenceOutputs.PROBABILITIES);
        }
        if (loss.equals("sigmoid_binary_cross_entropy")) {
            float[] pairs = outputs.get(ReferenceOutputs.PROBABILITIES);
            float[] p = new float[pairs.length / 2];
            for (int i = 0; i < p.length; i++) {
                p[i] = pairs[2 * i + 1];
            }
            return p;
        }
        Wire in = imported.graph().wiresInto(output.id()).get(0);
        return outputs.get(in.from().nodeId());
    }

    /** The largest difference relative to the reference's scale (at least 1). */
    static double difference(float[] ours, float[] theirs) {
        if (ours.length != theirs.length) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            scale = Math.max(scale, Math.abs(theirs[i]));
            worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
        }
        return worst / scale;
    }

    private static float[] channelsFirst(float[] nhwc, long[] shape) {
        int n = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        int c = (int) shape[3];
        float[] nchw = new float[nhwc.length];
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        nchw[((b * c + k) * h + y) * w + x] = nhwc[((b * h + y) * w + x) * c + k];
                    }
                }
            }
        }
        return nchw;
    }
}
