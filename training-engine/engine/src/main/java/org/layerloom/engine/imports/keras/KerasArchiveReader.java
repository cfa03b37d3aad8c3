package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a Keras 3 {@code .keras} file: a zip with {@code config.json} (the model's config, with its
 * {@code compile_config}) and {@code model.weights.h5}, whose weights sit at {@code layers/<path>/vars/0, 1, …}
 * (a recurrent layer's under {@code layers/<path>/cell/vars}), named by position only; the paths are Keras 3's
 * per-class names ({@link Keras3WeightPaths}). Stateless; any thread.
 */
final class KerasArchiveReader {

    private static final long MAX_ENTRY = 512L * 1024 * 1024;

    private KerasArchiveReader() {
    }

    static KerasModel read(byte[] zip) throws IOException {
        Map<String, byte[]> entries;
        try {
            entries = entries(zip);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new KerasFormatException("The .keras archive is damaged or cut short, so it cannot be read ("
                    + e.getMessage() + ").", e);
        }
        byte[] config = entries.get("config.json");
        if (config == null) {
            throw new KerasFormatException("The .keras file has no config.json, so the model's structure is"
                    + " missing. Save the model again with model.save(\"name.keras\").");
        }
        JsonNode root = KerasJson.parse(config, "config.json of the .keras file");
        byte[] h5 = entries.get("model.weights.h5");
        if (h5 == null) {
            throw new KerasFormatException("The .keras file has no model.weights.h5, so its weights are missing."
                    + " Save the model again with model.save(\"name.keras\").");
        }
        return new KerasModel(root, weights(h5), root.path("compile_config"), true);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("config.json") || entry.getName().equals("model.weights.h5")) {
                    byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY, Integer.MAX_VALUE - 8));
                    entries.put(entry.getName(), bytes);
                }
            }
        }
        if (entries.isEmpty() && zip.length > 0) {
            // A zip without the two entries, or not a zip at all: ZipInputStream reads nothing in both cases.
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                if (in.getNextEntry() == null) {
                    throw new KerasFormatException("The file is not a readable zip archive, so it is no .keras"
                            + " file (or it was cut short while copying).");
                }
            }
        }
        return entries;
    }

    private static KerasWeights weights(byte[] h5) {
        Map<String, List<KerasArray>> byLayer = new LinkedHashMap<>();
        try (HdfFile file = HdfFile.fromBytes(h5)) {
            Node layers = file.getChildren().get("layers");
            if (layers instanceof Group group) {
                for (Node layer : group.getChildren().values()) {
                    if (layer instanceof Group layerGroup) {
                        byLayer.put(layer.getName(), vars(layerGroup));
                    }
                }
            }
        }
        return new KerasWeights(byLayer);
    }

    /** The layer's own {@code vars/0, 1, …}, then those of its children (an RNN's {@code cell}). */
    private static List<KerasArray> vars(Group layer) {
        List<KerasArray> arrays = new ArrayList<>();
        Node vars = layer.getChildren().get("vars");
        if (vars instanceof Group varGroup) {
            List<Dataset> datasets = new ArrayList<>();
            for (Node v : varGroup.getChildren().values()) {
                if (v instanceof Dataset d) {
                    datasets.add(d);
                }
            }
            datasets.sort(Comparator.comparingInt(KerasArchiveReader::position));
            datasets.forEach(d -> arrays.add(Hdf5Arrays.read(d, null)));
        }
        for (Node child : layer.getChildren().values()) {
            if (child instanceof Group inner && !child.getName().equals("vars")) {
                arrays.addAll(vars(inner));
            }
        }
        return arrays;
    }

    private static int position(Dataset dataset) {
        try {
            return Integer.parseInt(dataset.getName());
        } catch (NumberFormatException e) {
            throw new KerasFormatException("The weights file has a variable named '" + dataset.getName()
                    + "' at " + dataset.getPath() + " where Keras numbers them 0, 1, …");
        }
    }
}
