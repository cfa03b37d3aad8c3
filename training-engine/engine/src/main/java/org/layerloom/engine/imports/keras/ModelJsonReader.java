package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model JSON: either a Keras {@code model.to_json()} text (the structure only, no weights) or a
 * TensorFlow.js {@code model.json} ({@code modelTopology} plus a {@code weightsManifest} naming binary weight
 * files beside it, little-endian float32 in manifest order). Stateless; any thread.
 */
final class ModelJsonReader {

    private ModelJsonReader() {
    }

    static KerasModel read(byte[] text, Path file) throws IOException {
        JsonNode root = KerasJson.parse(text, "model JSON");
        if ("graph-model".equals(root.path("format").asText())) {
            throw new KerasFormatException("The model.json is a TensorFlow.js graph model (converted from a"
                    + " SavedModel), which holds operations, not Keras layers. Convert the Keras model as a layers"
                    + " model (tensorflowjs_converter --output_format tfjs_layers_model) or save it as .keras.");
        }
        if (root.has("modelTopology")) {
            JsonNode topology = root.get("modelTopology");
            JsonNode config = topology.has("model_config") ? topology.get("model_config") : topology;
            JsonNode training = topology.path("training_config");
            if (!root.has("weightsManifest")) {
                return new KerasModel(config, null, training);
            }
            return new KerasModel(config, weights(root.get("weightsManifest"), file.toAbsolutePath().getParent()),
                    training);
        }
        if (root.has("class_name") && root.has("config")) {
            return new KerasModel(root, null, root.path("training_config"));
        }
        throw new KerasFormatException("The JSON file is neither a Keras model (model.to_json(), with class_name"
                + " and config) nor a TensorFlow.js model.json (with modelTopology).");
    }

    private static KerasWeights weights(JsonNode manifest, Path folder) throws IOException {
        if (!manifest.isArray()) {
            throw new KerasFormatException("The weightsManifest of the model.json is not a list.");
        }
        Map<String, List<KerasArray>> byLayer = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer bytes = ByteBuffer.wrap(groupBytes(group.path("paths"), folder)).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                String name = spec.path("name").asText("");
                String dtype = spec.path("dtype").asText("float32");
                if (spec.has("quantization")) {
                    throw new KerasFormatException("The weight " + name + " is quantized; convert the model without"
                            + " quantization to import it.");
                }
                if (!dtype.equals("float32") && !dtype.equals("int32")) {
                    throw new KerasFormatException("The weight " + name + " has the type " + dtype
                            + "; only float32 weights can be imported.");
                }
                long[] shape = shape(spec.path("shape"), name);
                long count = 1;
                for (long d : shape) {
                    count = Math.multiplyExact(count, d);
                }
                if (count * 4 > bytes.remaining()) {
                    throw new KerasFormatException("The weight files of the model.json end before the weight "
                            + name + " (they are shorter than the manifest says).");
                }
                float[] values = new float[(int) count];
                for (int i = 0; i < values.length; i++) {
                    values[i] = dtype.equals("int32") ? bytes.getInt() : bytes.getFloat();
                }
                int slash = name.lastIndexOf('/');
                String scope = slash < 0 ? name : name.substring(0, slash);
                byLayer.computeIfAbsent(scope, k -> new ArrayList<>())
                        .add(new KerasArray(LegacyH5Reader.role(name), shape, values));
            }
        }
        return new KerasWeights(byLayer);
    }

    private static byte[] groupBytes(JsonNode paths, Path folder) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode p : paths) {
            Path shard = folder.resolve(p.asText()).normalize();
            if (!shard.startsWith(folder) || !Files.isRegularFile(shard)) {
                throw new KerasFormatException("The model.json names the weight file '" + p.asText()
                        + "', which is not beside it. Keep the .bin files in the folder of the model.json.");
            }
            all.write(Files.readAllBytes(shard));
        }
        return all.toByteArray();
    }

    private static long[] shape(JsonNode shape, String name) {
        if (!shape.isArray()) {
            throw new KerasFormatException("The weight " + name + " has no shape in the weightsManifest.");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!shape.get(i).canConvertToLong() || shape.get(i).asLong() < 0) {
                throw new KerasFormatException("The weight " + name + " has the shape " + shape
                        + ", which is not a list of sizes.");
            }
            dims[i] = shape.get(i).asLong();
        }
        return dims;
    }
}
