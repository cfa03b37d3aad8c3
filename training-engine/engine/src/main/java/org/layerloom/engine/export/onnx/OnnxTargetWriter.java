package org.layerloom.engine.export.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.layerloom.engine.export.ExportedNetwork;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.TargetWriter;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * The ONNX target for the {@link org.layerloom.engine.export.Exporter}: {@code model.onnx} (opset 17, the
 * weights inside), written by {@link OnnxExporter} from the exported network's weights; for an int8 variant a QDQ
 * model (int8 weights, 8-bit layer outputs). Stateless; any thread.
 */
public final class OnnxTargetWriter implements TargetWriter {

    public static final String MODEL = "model.onnx";

    @Override
    public ExportTarget target() {
        return ExportTarget.ONNX;
    }

    @Override
    public Set<String> fileNames() {
        return Set.of(MODEL);
    }

    @Override
    public void write(ExportedNetwork network, Path folder) throws IOException {
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        for (NpyArray array : network.weights()) {
            weights.put(array.name(), new WeightTensor(array.shape(), array.floatValues()));
        }
        try {
            OnnxExporter.standard().export(network.report(), weights, network.quantization(), folder.resolve(MODEL));
        } catch (OnnxExportRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
