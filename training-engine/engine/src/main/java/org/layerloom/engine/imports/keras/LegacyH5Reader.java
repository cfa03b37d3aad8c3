package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a legacy Keras 2 {@code .h5} file: the attribute {@code model_config} (JSON) on the root, optionally
 * {@code training_config}, and the weights under {@code model_weights/<layer>/}, named by the layer's
 * {@code weight_names} attribute ({@code dense/kernel:0}, {@code lstm/lstm_cell/recurrent_kernel:0}, …).
 * Stateless; any thread.
 */
final class LegacyH5Reader {

    private LegacyH5Reader() {
    }

    static KerasModel read(byte[] bytes) {
        try (HdfFile file = HdfFile.fromBytes(bytes)) {
            String config = Hdf5Arrays.stringAttribute(file, "model_config").orElseThrow(() ->
                    new KerasFormatException("The .h5 file has no model_config, so it holds only weights"
                            + " (saved with save_weights) and not the model's structure. Save the whole model with"
                            + " model.save(\"name.keras\") or model.save(\"name.h5\")."));
            JsonNode model = KerasJson.parse(config, "model_config of the .h5 file");
            JsonNode training = Hdf5Arrays.stringAttribute(file, "training_config")
                    .map(text -> KerasJson.parse(text, "training_config of the .h5 file"))
                    .orElse(MissingNode.getInstance());
            Node weightsNode = file.getChildren().get("model_weights");
            if (!(weightsNode instanceof Group weights)) {
                throw new KerasFormatException("The .h5 file has a model_config but no model_weights group, so"
                        + " its weights are missing.");
            }
            return new KerasModel(model, new KerasWeights(layers(weights)), training);
        }
    }

    private static Map<String, List<KerasArray>> layers(Group weights) {
        Map<String, List<KerasArray>> byLayer = new LinkedHashMap<>();
        for (Node layer : weights.getChildren().values()) {
            if (!(layer instanceof Group group)) {
                continue;
            }
            List<KerasArray> arrays = new ArrayList<>();
            Optional<List<String>> names = Hdf5Arrays.stringsAttribute(group, "weight_names");
            if (names.isPresent()) {
                for (String name : names.get()) {
                    Node node = group.getByPath(name);
                    if (!(node instanceof Dataset dataset)) {
                        throw new KerasFormatException("The .h5 file lists the weight " + name + " of layer '"
                                + layer.getName() + "' but does not hold it.");
                    }
                    arrays.add(Hdf5Arrays.read(dataset, role(name)));
                }
            } else {
                for (Dataset dataset : Hdf5Arrays.datasetsUnder(group)) {
                    arrays.add(Hdf5Arrays.read(dataset, role(dataset.getName())));
                }
            }
            byLayer.put(layer.getName(), arrays);
        }
        return byLayer;
    }

    /** {@code lstm/lstm_cell/recurrent_kernel:0} → {@code recurrent_kernel}. */
    static String role(String weightName) {
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }
}
