package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Keras fixtures of src/test/resources/keras (see its README), and {@code .keras} files this helper writes
 * from them with jhdf's HDF5 writer (a second writer beside the committed h5py ones): the same configs and
 * weights in Keras 3's layout. Test code; one thread.
 */
final class KerasFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RECURRENT = Set.of("LSTM", "GRU", "SimpleRNN");

    /** One weight of a TF.js manifest. */
    record Weight(String layer, String role, int[] shape, float[] values) {
    }

    /** A fixture's reference batch and TF.js's outputs for it. */
    record Reference(long[] inputShape, float[] input, boolean tokenIds, long[] outputShape, float[] output) {
    }

    private KerasFixtures() {
    }

    static Path folder(String name) {
        try {
            return Path.of(KerasFixtures.class.getResource("/keras/" + name + "/model.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path modelJson(String name) {
        return folder(name).resolve("model.json");
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    static Reference reference(String name) throws IOException {
        JsonNode r = read(folder(name).resolve("reference.json"));
        return new Reference(longs(r.get("inputShape")), floats(r.get("input")), r.path("tokenIds").asBoolean(),
                longs(r.get("outputShape")), floats(r.get("output")));
    }

    /** The weights of the fixture's TF.js manifest, in manifest order. */
    static List<Weight> weights(String name) throws IOException {
        JsonNode model = read(modelJson(name));
        List<Weight> weights = new ArrayList<>();
        for (JsonNode group : model.get("weightsManifest")) {
            ByteArrayCollector bytes = new ByteArrayCollector();
            for (JsonNode p : group.get("paths")) {
                bytes.add(Files.readAllBytes(folder(name).resolve(p.asText())));
            }
            ByteBuffer data = ByteBuffer.wrap(bytes.all()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.get("weights")) {
                String full = spec.get("name").asText();
                int[] shape = new int[spec.get("shape").size()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = spec.get("shape").get(i).asInt();
                    count *= shape[i];
                }
                float[] values = new float[count];
                data.asFloatBuffer().get(values);
                data.position(data.position() + 4 * count);
                weights.add(new Weight(full.substring(0, full.indexOf('/')), full.substring(full.lastIndexOf('/') + 1),
                        shape, values));
            }
        }
        return weights;
    }

    static Map<String, List<Weight>> byLayer(List<Weight> weights) {
        Map<String, List<Weight>> byLayer = new LinkedHashMap<>();
        weights.forEach(w -> byLayer.computeIfAbsent(w.layer(), k -> new ArrayList<>()).add(w));
        return byLayer;
    }

    /**
     * Writes a Keras 3 {@code .keras} file of the fixture: config.json and model.weights.h5 with each layer's
     * weights at layers/PATH/vars/i, PATH named as Keras 3 names it: the class in snake case, numbered per class.
     */
    static Path writeKeras(String name, Path target) throws IOException {
        JsonNode config = read(folder(name).resolve("config.keras3.json"));
        Path h5 = Files.createTempFile(target.getParent(), "weights", ".h5");
        try (WritableHdfFile file = HdfFile.write(h5)) {
            WritableGroup layers = file.putGroup("layers");
            Map<String, String> classes = classes(config);
            Map<String, String> paths = kerasPaths(config);
            for (Map.Entry<String, List<Weight>> layer : byLayer(weights(name)).entrySet()) {
                WritableGroup group = layers.putGroup(paths.get(layer.getKey()));
                if (RECURRENT.contains(classes.get(layer.getKey()))) {
                    group = group.putGroup("cell");
                }
                WritableGroup vars = group.putGroup("vars");
                for (int i = 0; i < layer.getValue().size(); i++) {
                    Weight w = layer.getValue().get(i);
                    vars.putDataset(Integer.toString(i), nested(w.values(), w.shape()));
                }
            }
        }
        zip(target, Map.of("config.json", JSON.writeValueAsBytes(config), "model.weights.h5",
                Files.readAllBytes(h5)));
        Files.delete(h5);
        return target;
    }

    static void zip(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Keras 3's h5 group of every layer: dense, dense_1, … in the order of the config's layers. */
    private static Map<String, String> kerasPaths(JsonNode config) {
        Map<String, Integer> used = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (JsonNode layer : config.path("config").path("layers")) {
            String cls = layer.path("class_name").asText();
            String base = cls.replaceAll("(.)([A-Z][a-z]+)", "$1_$2").replaceAll("([a-z])([A-Z])", "$1_$2")
                    .toLowerCase(java.util.Locale.ROOT);
            int n = used.merge(base, 1, Integer::sum) - 1;
            paths.put(layer.path("config").path("name").asText(), n == 0 ? base : base + "_" + n);
        }
        return paths;
    }

    private static Map<String, String> classes(JsonNode config) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (JsonNode layer : config.path("config").path("layers")) {
            classes.put(layer.path("config").path("name").asText(), layer.path("class_name").asText());
        }
        return classes;
    }

    /** The values as a Java array of the shape (float[][]… as jhdf writes them). */
    static Object nested(float[] values, int[] shape) {
        if (shape.length == 1) {
            return values.clone();
        }
        Object array = Array.newInstance(float.class, shape);
        int[] at = {0};
        fill(array, values, at);
        return array;
    }

    private static void fill(Object array, float[] values, int[] at) {
        if (array instanceof float[] row) {
            System.arraycopy(values, at[0], row, 0, row.length);
            at[0] += row.length;
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            fill(Array.get(array, i), values, at);
        }
    }

    private static long[] longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asLong();
        }
        return v;
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    /** Concatenates byte arrays. */
    private static final class ByteArrayCollector {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] bytes) {
            out.writeBytes(bytes);
        }

        byte[] all() {
            return out.toByteArray();
        }
    }
}
