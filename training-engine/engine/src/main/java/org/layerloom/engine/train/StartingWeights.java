package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.export.NpyArray;
import org.layerloom.engine.export.NpzReader;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Puts a project's starting weights (an imported model's, an {@code .npz} file under PyTorch's {@code state_dict}
 * names) into a freshly initialised network. Each entry of the network takes the array of the same name when its
 * shape fits; an entry without one keeps the weights the seed drew (a layer the student added or resized after
 * the import), and arrays no entry takes are left out. The {@link Outcome} lists all three, so nothing is
 * silently dropped. Used on the thread that owns the block (the training worker, or an export).
 */
public final class StartingWeights {

    /**
     * What loading found.
     *
     * @param loaded  the entries that took the file's values
     * @param fresh   the entries that kept the seed's weights, each with the reason
     * @param unused  the file's arrays no entry took
     */
    public record Outcome(List<String> loaded, Map<String, String> fresh, List<String> unused) {

        public Outcome {
            loaded = List.copyOf(loaded);
            fresh = Map.copyOf(fresh);
            unused = List.copyOf(unused);
        }

        /** One sentence for the student: "12 weights loaded from x; 2 layers start fresh: …". */
        public String summary(String file) {
            StringBuilder text = new StringBuilder("Started from the weights in " + file + ": " + loaded.size()
                    + " of " + (loaded.size() + fresh.size()) + " weights loaded");
            if (!fresh.isEmpty()) {
                text.append("; the seed drew ").append(String.join(", ", fresh.keySet())).append(" (")
                        .append(String.join("; ", fresh.values())).append(')');
            }
            if (!unused.isEmpty()) {
                text.append("; not used: ").append(String.join(", ", unused));
            }
            return text.append('.').toString();
        }
    }

    private StartingWeights() {
    }

    /**
     * Loads {@code file} into {@code block}, compiled from {@code graph} and initialised.
     *
     * @throws IOException when the file is missing or is not a readable {@code .npz}; the message names it
     */
    public static Outcome load(Path file, NetworkGraph graph, GraphBlock block, NDManager manager)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("The project starts from the weights in " + file.getFileName() + ", but there is"
                    + " no such file in " + file.toAbsolutePath().getParent() + ".");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (NpyArray array : NpzReader.read(file)) {
            arrays.put(array.name(), array);
        }
        TorchStateDict stateDict = TorchStateDict.of(graph, block);
        Map<String, NDArray> current = stateDict.values(manager);
        List<String> loaded = new ArrayList<>();
        Map<String, String> fresh = new LinkedHashMap<>();
        Map<String, NDArray> values = new LinkedHashMap<>();
        for (String name : stateDict.names()) {
            NpyArray array = arrays.remove(name);
            Shape wanted = stateDict.shape(name);
            if (array == null) {
                fresh.put(name, "not in the file");
                values.put(name, current.get(name));
            } else if (!NpyArray.FLOAT32.equals(array.descr())) {
                fresh.put(name, "the file holds " + array.descr() + " values, not float32");
                values.put(name, current.get(name));
            } else if (!Arrays.equals(array.shape(), wanted.getShape())) {
                fresh.put(name, "shape " + Arrays.toString(array.shape()) + " in the file, " + wanted + " here");
                values.put(name, current.get(name));
            } else {
                loaded.add(name);
                values.put(name, manager.create(array.floatValues(), wanted));
            }
        }
        stateDict.load(values::get);
        return new Outcome(loaded, fresh, List.copyOf(arrays.keySet()));
    }
}
