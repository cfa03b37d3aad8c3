package org.layerloom.engine.testing.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One reference case written by a generator script under {@code src/test/python} with real PyTorch: a
 * {@code .npz} file on the test class path whose arrays (inputs, weights, expected outputs and gradients)
 * are named by the script. The arrays live in the manager given to {@link #load}. One test thread.
 */
public final class TorchFixture {

    /** The class-path folder that holds every generated fixture. */
    public static final String ROOT = "/torch-reference/";

    private final String name;
    private final Map<String, NDArray> arrays;

    private TorchFixture(String name, Map<String, NDArray> arrays) {
        this.name = name;
        this.arrays = arrays;
    }

    /** Reads {@code ROOT + relativePath} (for example {@code "layers/conv2d-c20.npz"}) into {@code manager}. */
    public static TorchFixture load(NDManager manager, String relativePath) {
        String resource = ROOT + relativePath;
        try (InputStream in = TorchFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no reference fixture " + resource
                        + " on the test class path: run the generator in training-engine/engine/src/test/python");
            }
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                arrays.put(array.getName(), array);
            }
            return new TorchFixture(relativePath, arrays);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The array called {@code key}; fails naming the fixture and the keys it has when there is none. */
    public NDArray get(String key) {
        NDArray array = arrays.get(key);
        if (array == null) {
            throw new IllegalArgumentException(name + " has no array '" + key + "'; it has " + arrays.keySet());
        }
        return array;
    }

    public boolean has(String key) {
        return arrays.containsKey(key);
    }

    public Set<String> keys() {
        return arrays.keySet();
    }

    public String name() {
        return name;
    }
}
