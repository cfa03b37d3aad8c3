package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;

/**
 * A compiled network's parameters under the names and in the layouts of the PyTorch {@code state_dict} of
 * the same network: {@code <nodeId>.<torch name>}, such as {@code conv2d1.weight}, {@code lstm1.weight_ih_l0},
 * {@code att1.in_proj_weight} or {@code bn1.running_var}. Used to export weights ({@code weights.npz}) and
 * to load PyTorch's weights, e.g. the reference fixtures of the numerical tests. Parameters are matched by
 * node id and DJL parameter name, never by position: DJL's names carry child positions that change when
 * an activation option is switched on. Layouts are converted both ways where they differ (DJL's separate
 * query, key and value projections are PyTorch's one packed {@code in_proj_weight}). BatchNorm's
 * {@code num_batches_tracked} has no DJL counterpart and is not listed; positional-encoding tables are
 * computed on both sides and not listed either.
 *
 * <p>Life-cycle and thread: made for one initialised {@link GraphBlock} and used on the thread that owns
 * that block (the training worker), like the block itself; not thread-safe.
 */
public final class TorchStateDict {

    private static final Pattern DJL_POSITION = Pattern.compile("^\\d{2}");

    /** One PyTorch entry: its name and the DJL parameters it packs along axis 0 (usually one). */
    private record Entry(String name, List<Parameter> parts) {
    }

    private final Map<String, Entry> entries;

    private TorchStateDict(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * The entries of {@code block}, compiled from {@code graph} and initialised.
     *
     * @throws IllegalStateException if a node holds a parameter that has no PyTorch name, so that nothing
     *                               is silently left out of an export
     */
    public static TorchStateDict of(NetworkGraph graph, GraphBlock block) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String nodeId : block.nodeIds()) {
            Node node = graph.requireNode(nodeId);
            Map<String, Parameter> byPath = block.nodeBlock(nodeId).map(TorchStateDict::parametersByPath)
                    .orElse(Map.of());
            Map<String, Parameter> unmapped = new LinkedHashMap<>(byPath);
            for (TorchNames.Rule rule : TorchNames.rules(node.kind())) {
                List<Parameter> parts = new ArrayList<>();
                for (String path : rule.djlPaths()) {
                    Parameter p = unmapped.remove(path);
                    if (p != null) {
                        parts.add(p);
                    }
                }
                if (parts.size() == rule.djlPaths().size()) {
                    String name = nodeId + "." + rule.torchName();
                    entries.put(name, new Entry(name, List.copyOf(parts)));
                } else if (!parts.isEmpty()) {
                    throw new IllegalStateException(nodeId + " has only some of " + rule.djlPaths());
                }
            }
            unmapped.keySet().removeAll(TorchNames.COMPUTED);
            if (!unmapped.isEmpty()) {
                throw new IllegalStateException(nodeId + " (" + node.kind().id() + ") has parameters without a"
                        + " PyTorch name: " + unmapped.keySet());
            }
        }
        return new TorchStateDict(Collections.unmodifiableMap(entries));
    }

    /** The PyTorch names, in the order the nodes run. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** The shape PyTorch gives the entry {@code name}. */
    public Shape shape(String name) {
        Entry entry = require(name);
        long first = 0;
        for (Parameter p : entry.parts) {
            first += p.getShape().get(0);
        }
        return new Shape(first).addAll(entry.parts.get(0).getShape().slice(1));
    }

    /** Whether the optimiser trains the entry (false for BatchNorm's running statistics). */
    public boolean isTrainable(String name) {
        return require(name).parts.get(0).requiresGradient();
    }

    /** Every entry's current value in PyTorch's layout, as new arrays in {@code manager}. */
    public Map<String, NDArray> values(NDManager manager) {
        return collect(manager, Parameter::getArray);
    }

    /**
     * Every trainable entry's gradient in PyTorch's layout, as new arrays in {@code manager}; read them
     * after a backward pass, before the gradient collector closes.
     */
    public Map<String, NDArray> gradients(NDManager manager) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Entry entry : entries.values()) {
            if (isTrainable(entry.name)) {
                gradients.put(entry.name, pack(manager, entry, p -> p.getArray().getGradient()));
            }
        }
        return gradients;
    }

    /**
     * Copies PyTorch's values into the block's parameters, converting the layout; the parameters stay the
     * same arrays, so a trainer or gradient collector keeps seeing them.
     *
     * @param source the value of every name in {@link #names()}, in PyTorch's layout
     * @throws IllegalArgumentException if a value is missing or has another shape
     */
    public void load(Function<String, NDArray> source) {
        for (Entry entry : entries.values()) {
            NDArray value = source.apply(entry.name);
            if (value == null) {
                throw new IllegalArgumentException("no value for " + entry.name);
            }
            if (!value.getShape().equals(shape(entry.name))) {
                throw new IllegalArgumentException(entry.name + " has shape " + value.getShape() + " in PyTorch's"
                        + " layout, not " + shape(entry.name));
            }
            NDList pieces = entry.parts.size() == 1 ? new NDList(value) : value.split(splitPoints(entry), 0);
            for (int i = 0; i < entry.parts.size(); i++) {
                NDArray target = entry.parts.get(i).getArray();
                target.set(pieces.get(i).toType(target.getDataType(), false).toByteBuffer());
            }
        }
    }

    private Map<String, NDArray> collect(NDManager manager, Function<Parameter, NDArray> read) {
        Map<String, NDArray> values = new LinkedHashMap<>();
        for (Entry entry : entries.values()) {
            values.put(entry.name, pack(manager, entry, read));
        }
        return values;
    }

    private static NDArray pack(NDManager manager, Entry entry, Function<Parameter, NDArray> read) {
        NDList parts = new NDList(entry.parts.size());
        for (Parameter p : entry.parts) {
            NDArray part = read.apply(p);
            if (part != p.getArray()) {
                part.attach(manager); // a new handle (a gradient): the caller's manager closes it
            }
            parts.add(part);
        }
        NDArray packed = parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts, 0);
        packed.attach(manager);
        return packed;
    }

    private static long[] splitPoints(Entry entry) {
        long[] points = new long[entry.parts.size() - 1];
        long at = 0;
        for (int i = 0; i < points.length; i++) {
            at += entry.parts.get(i).getShape().get(0);
            points[i] = at;
        }
        return points;
    }

    private Entry require(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no state_dict entry " + name + "; there are " + entries.keySet());
        }
        return entry;
    }

    /** The node's parameters by path: child names without DJL's position prefix, wrappers left out. */
    static Map<String, Parameter> parametersByPath(Block nodeBlock) {
        Map<String, Parameter> byPath = new LinkedHashMap<>();
        collectPaths(nodeBlock, "", byPath);
        return byPath;
    }

    private static void collectPaths(Block block, String prefix, Map<String, Parameter> byPath) {
        block.getDirectParameters().forEach(p -> byPath.put(prefix + p.getKey(), p.getValue()));
        block.getChildren().forEach(child -> {
            String childPrefix = block instanceof WrappedBlock ? prefix
                    : prefix + DJL_POSITION.matcher(child.getKey()).replaceFirst("") + ".";
            collectPaths(child.getValue(), childPrefix, byPath);
        });
    }
}
