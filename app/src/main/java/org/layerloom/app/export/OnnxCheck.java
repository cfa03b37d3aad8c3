package org.layerloom.app.export;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.ReferenceOutputs;
import org.layerloom.engine.export.onnx.OnnxExportRefusedException;
import org.layerloom.engine.export.onnx.OnnxExporter;
import org.layerloom.engine.export.onnx.WeightTensor;

/**
 * Checks a written {@code model.onnx} in ONNX Runtime against LayerLoom's network: runs the written file on the
 * batch and compares its outputs; since the written file returns only the network's results, it also runs the same
 * export with every node's value as an output and compares every node. A node's row takes the larger of the two
 * differences where both give it. Stateless; call off the JavaFX thread.
 */
final class OnnxCheck {

    private OnnxCheck() {
    }

    static Verification verify(ExportedNetwork network, Path modelFile, ReferenceOutputs.Batch batch,
                               Map<String, float[]> expected) throws IOException {
        try {
            boolean qdq = network.quantizationPart().isPresent();
            Map<String, float[]> written = run(Files.readAllBytes(modelFile), batch, null, qdq);
            Map<String, float[]> everyNode = run(everyNodeModel(network), batch, expected.keySet(), qdq);
            List<NodeDifference> nodes = new ArrayList<>();
            for (Map.Entry<String, float[]> e : expected.entrySet()) {
                NodeDifference d = NodeDifference.of(e.getKey(), e.getValue(), everyNode.get(e.getKey()));
                if (written.containsKey(e.getKey())) {
                    NodeDifference w = NodeDifference.of(e.getKey(), e.getValue(), written.get(e.getKey()));
                    d = w.largest() > d.largest() ? w : d;
                }
                nodes.add(d);
            }
            return new Verification(true, "Ran model.onnx in ONNX Runtime on " + batch.shape()[0]
                    + " examples and compared every layer's output with LayerLoom's" + (qdq ? ", both rounding every"
                    + " layer's output to 8 bits as the int8 variant does (ONNX Runtime with its graph optimizations"
                    + " off, so it rounds in float32 as LayerLoom does)." : "."), nodes);
        } catch (OrtException e) {
            return new Verification(true, "ONNX Runtime could not run model.onnx: " + e.getMessage(), List.of());
        }
    }

    private static byte[] everyNodeModel(ExportedNetwork network) throws IOException {
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        for (NpyArray array : network.weights()) {
            weights.put(array.name(), new WeightTensor(array.shape(), array.floatValues()));
        }
        try {
            return OnnxExporter.standard().model(network.report(), weights, true, network.quantization()).toByteArray();
        } catch (OnnxExportRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The model's outputs named in {@code outputs} (all of them when null) for {@code batch}; a QDQ model runs with
     * ONNX Runtime's graph optimizations off, which would otherwise fuse its rounding into integer kernels.
     */
    private static Map<String, float[]> run(byte[] model, ReferenceOutputs.Batch batch, java.util.Set<String> outputs,
                                            boolean qdq) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = options(qdq);
             OrtSession session = env.createSession(model, options);
             OnnxTensor in = batch.tokenIds()
                     ? OnnxTensor.createTensor(env, LongBuffer.wrap(batch.longValues()), batch.shape())
                     : OnnxTensor.createTensor(env, FloatBuffer.wrap(batch.values()), batch.shape())) {
            java.util.Set<String> wanted = new java.util.LinkedHashSet<>(session.getOutputNames());
            if (outputs != null) {
                wanted.retainAll(outputs);
            }
            try (OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT_NAME, in), wanted)) {
                Map<String, float[]> values = new HashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    values.put(e.getKey(), t.getInfo().type == OnnxJavaType.INT64
                            ? floats(t.getLongBuffer()) : floats(t.getFloatBuffer()));
                }
                return values;
            }
        }
    }

    private static OrtSession.SessionOptions options(boolean qdq) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (qdq) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
        }
        return options;
    }

    private static float[] floats(FloatBuffer b) {
        float[] v = new float[b.remaining()];
        b.get(v);
        return v;
    }

    private static float[] floats(LongBuffer b) {
        float[] v = new float[b.remaining()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.get(i);
        }
        return v;
    }
}
