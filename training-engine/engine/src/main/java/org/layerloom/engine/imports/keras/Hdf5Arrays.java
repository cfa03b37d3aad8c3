package org.layerloom.engine.imports.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the parts of an HDF5 file (with jhdf) that Keras files use: numeric datasets as {@link KerasArray}s and
 * string attributes. Stateless; any thread, on a file no other thread closes meanwhile.
 */
final class Hdf5Arrays {

    private Hdf5Arrays() {
    }

    /** The dataset as float32 values, with {@code role}. */
    static KerasArray read(Dataset dataset, String role) {
        long[] shape = dataset.isScalar() ? new long[0] : dataset.getDimensionsAsLong();
        Object flat = dataset.isScalar() ? new float[] {((Number) dataset.getData()).floatValue()}
                : dataset.getDataFlat();
        return new KerasArray(role, shape, floats(flat, dataset.getPath()));
    }

    private static float[] floats(Object flat, String path) {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat == null || !flat.getClass().isArray() || !flat.getClass().getComponentType().isPrimitive()) {
            throw new KerasFormatException("The weight " + path + " does not hold numbers.");
        }
        int n = Array.getLength(flat);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(flat, i);
            if (!(v instanceof Number number)) {
                throw new KerasFormatException("The weight " + path + " does not hold numbers.");
            }
            values[i] = number.floatValue();
        }
        return values;
    }

    /** A string attribute of {@code node} (a scalar string, or bytes holding UTF-8 text). */
    static Optional<String> stringAttribute(Node node, String name) {
        Attribute attribute = node.getAttributes().get(name);
        if (attribute == null) {
            return Optional.empty();
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return Optional.of(s);
        }
        if (data instanceof String[] strings && strings.length == 1) {
            return Optional.of(strings[0]);
        }
        if (data instanceof byte[] bytes) {
            return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        throw new KerasFormatException("The HDF5 attribute '" + name + "' of " + node.getPath()
                + " is not a text.");
    }

    /** A string-list attribute of {@code node} (such as Keras 2's {@code weight_names}); empty if absent. */
    static Optional<List<String>> stringsAttribute(Node node, String name) {
        Attribute attribute = node.getAttributes().get(name);
        if (attribute == null) {
            return Optional.empty();
        }
        Object data = attribute.isEmpty() ? null : attribute.getData();
        List<String> strings = new ArrayList<>();
        if (data == null || (data.getClass().isArray() && Array.getLength(data) == 0)) {
            return Optional.of(List.of()); // a layer without weights (h5py writes an empty list)
        }
        if (data instanceof String s) {
            strings.add(s);
        } else if (data instanceof Object[] array) {
            for (Object o : array) {
                strings.add(o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        : String.valueOf(o));
            }
        } else {
            throw new KerasFormatException("The HDF5 attribute '" + name + "' of " + node.getPath()
                    + " is not a list of names.");
        }
        return Optional.of(strings);
    }

    /** The datasets under {@code group}, depth first in the file's order of children. */
    static List<Dataset> datasetsUnder(Group group) {
        List<Dataset> found = new ArrayList<>();
        for (Node child : group.getChildren().values()) {
            if (child instanceof Dataset dataset) {
                found.add(dataset);
            } else if (child instanceof Group inner) {
                found.addAll(datasetsUnder(inner));
            }
        }
        return found;
    }
}
