package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled network: a DJL block that runs the graph's nodes in topological order, keeping every
 * node's output so that one output can feed several nodes and merges (Add, Concatenate) see all their
 * branches. Each node with computation is one child block, added under its node id (DJL prefixes a
 * two-digit position, e.g. {@code 03dense2}); the Input and Output nodes pass their tensor through.
 * Input is one array, (B, …) real numbers or (B, T) integer token ids; output is the prediction the
 * Output node receives, to be scored with {@link #lossSpec()}.
 *
 * <p>Any node's output can be read back from the same block with {@link #forwardCapturing} or
 * {@link #activations}, without compiling again.
 *
 * <p><b>Speed.</b> The order, each node's inputs (as indices) and the blocks are arrays fixed at
 * compile time; a forward pass allocates one array of per-node outputs and one {@code NDList} per
 * node, does no map look-ups and no string work of its own, and checks one null per node when not
 * capturing. A pure chain therefore costs what DJL's {@code SequentialBlock} costs (which allocates a
 * list per call too), so chains need no separate fast path: a rough check of a training step (MLP
 * 784-64-64-10 and the small CNN, batch 64) found the two equal within the run-to-run noise.
 * {@link #isInitialized()} is overridden (here and in our wrapper blocks) because DJL calls it on every
 * training forward and the inherited version builds every prefixed parameter name.
 *
 * <p>Life-cycle and thread: made by {@link GraphCompiler}, initialised once (by a DJL {@code Trainer}
 * or {@link #initialize}) with the batch input shape, then used on one training worker thread; it is
 * not thread-safe, like every DJL block.
 */
public final class GraphBlock extends AbstractBlock {

    private final String[] ids;
    private final Block[] blocks;
    private final KernelRoute[] routes;
    private final int[][] sources;
    private final int outputIndex;
    private final Map<String, Integer> indexOf;
    private final LossSpec lossSpec;
    private final String offOneDnn;

    /**
     * @param ids     node ids in topological order; the Input node first
     * @param blocks  per node, its block or null for a pass-through node
     * @param routes  per node, how its forward pass reaches the chosen kernels
     * @param sources per node, the positions (in {@code ids}) of the nodes feeding it, in wire order
     * @param offOneDnn why no training batch may run with oneDNN on (a layer it would compute unchecked), or null
     */
    GraphBlock(List<String> ids, List<Block> blocks, List<KernelRoute> routes, int[][] sources, String outputId,
               LossSpec lossSpec, String offOneDnn) {
        this.offOneDnn = offOneDnn;
        this.ids = ids.toArray(String[]::new);
        this.blocks = blocks.toArray(Block[]::new);
        this.routes = routes.toArray(KernelRoute[]::new);
        this.sources = sources;
        this.lossSpec = lossSpec;
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < this.ids.length; i++) {
            positions.put(this.ids[i], i);
            if (this.blocks[i] != null) {
                addChildBlock(this.ids[i], this.blocks[i]);
            }
        }
        this.indexOf = Collections.unmodifiableMap(positions);
        this.outputIndex = positions.get(outputId);
        if (sources[0].length != 0) {
            throw new IllegalArgumentException("the first node must be the Input");
        }
    }

    /** The compiled nodes in the order they run; nodes whose output reaches no Output are left out. */
    public List<String> nodeIds() {
        return List.of(ids);
    }

    public String inputNodeId() {
        return ids[0];
    }

    public String outputNodeId() {
        return ids[outputIndex];
    }

    /** The block computing this node, empty for the Input and Output nodes (and unknown ids). */
    public Optional<Block> nodeBlock(String nodeId) {
        Integer i = indexOf.get(nodeId);
        return i == null ? Optional.empty() : Optional.ofNullable(blocks[i]);
    }

    /** The loss chosen on the Output node. */
    public LossSpec lossSpec() {
        return lossSpec;
    }

    /** The number of values the optimiser trains (parameters that require gradients). */
    public long trainableParameterCount() {
        long count = 0;
        for (Parameter p : getParameters().values()) {
            if (p.requiresGradient()) {
                count += p.getArray().size();
            }
        }
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return run(parameterStore, inputs, training, params, null, null, null);
    }

    /**
     * Sees, and may replace, each node's output during {@link #forwardTapped}: the rest of the network
     * continues from the array it returns. Used by inspection, e.g. to swap a node's output for a detached
     * copy that requires a gradient, so that a backward pass yields d(score)/d(that node's output).
     */
    @FunctionalInterface
    public interface NodeTap {

        /** @return {@code output} itself, or the array the nodes after {@code nodeId} should read instead */
        NDArray tap(String nodeId, NDArray output);
    }

    /**
     * A forward pass that calls {@code tap} with every node's output in running order (the Input node's
     * first, with the input itself) and continues from what it returns. Ownership as in
     * {@link #forwardCapturing}.
     */
    public NDList forwardTapped(ParameterStore parameterStore, NDList inputs, boolean training, NodeTap tap) {
        requireInitialized();
        return run(parameterStore, inputs, training, null, null, null, tap);
    }

    /**
     * A forward pass that also puts the outputs of the named nodes into {@code sink} (by node id). The
     * arrays are the ones of this pass, not copies: they belong to the {@code NDManager} of
     * {@code inputs}, are closed with it, and are part of the gradient graph when run inside a
     * {@code GradientCollector}; copy them out (e.g. {@code toFloatArray()}) before that manager closes.
     *
     * @param nodeIds nodes to capture; each must be in {@link #nodeIds()}
     * @return the prediction, as {@code forward} returns it
     */
    public NDList forwardCapturing(ParameterStore parameterStore, NDList inputs, boolean training,
                                   Set<String> nodeIds, Map<String, NDArray> sink) {
        requireInitialized();
        boolean[] capture = new boolean[ids.length];
        for (String id : nodeIds) {
            Integer i = indexOf.get(id);
            if (i == null) {
                throw new IllegalArgumentException("node '" + id + "' is not part of the compiled network");
            }
            capture[i] = true;
        }
        return run(parameterStore, inputs, training, null, capture, sink, null);
    }

    /**
     * Every node's output for {@code inputs}, by node id in the order the nodes run (the Input node's
     * value is the input itself, the Output node's the prediction). Ownership as in
     * {@link #forwardCapturing}.
     */
    public Map<String, NDArray> activations(ParameterStore parameterStore, NDList inputs, boolean training) {
        Map<String, NDArray> sink = new LinkedHashMap<>(); // filled in running order
        forwardCapturing(parameterStore, inputs, training, indexOf.keySet(), sink);
        return sink;
    }

    private NDList run(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params,
                       boolean[] capture, Map<String, NDArray> sink, NodeTap tap) {
        NDArray[] values = new NDArray[ids.length];
        values[0] = inputs.singletonOrThrow();
        for (int i = 0; i < ids.length; i++) {
            int[] from = sources[i];
            Block block = blocks[i];
            if (i > 0) {
                if (block == null) {
                    values[i] = values[from[0]];
                } else {
                    NDList in = new NDList(from.length);
                    for (int source : from) {
                        in.add(values[source]);
                    }
                    values[i] = routes[i].forward(block, ps, in, training, params).singletonOrThrow();
                }
            }
            if (tap != null) {
                values[i] = tap.tap(ids[i], values[i]);
            }
            if (capture != null && capture[i]) {
                sink.put(ids[i], values[i]);
            }
        }
        return new NDList(values[outputIndex]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        propagate(inputShapes[0], manager, dataType);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {propagate(inputShapes[0], null, null)[outputIndex]};
    }

    /** Every node's output shape (with the batch axis) for this input shape, initialising on the way if asked. */
    private Shape[] propagate(Shape input, NDManager manager, DataType dataType) {
        Shape[] shapes = new Shape[ids.length];
        shapes[0] = input;
        for (int i = 1; i < ids.length; i++) {
            Shape[] in = new Shape[sources[i].length];
            for (int k = 0; k < in.length; k++) {
                in[k] = shapes[sources[i][k]];
            }
            if (blocks[i] == null) {
                shapes[i] = in[0];
                continue;
            }
            if (manager != null) {
                blocks[i].initialize(manager, dataType, in);
            }
            shapes[i] = blocks[i].getOutputShapes(in)[0];
        }
        return shapes;
    }

    /**
     * A convolution as a training batch runs it: its node and block, the shape of its input (with the batch
     * axis), and whether the backward pass computes the gradient of that input (some layer before it trains).
     */
    public record ConvolutionCall(String nodeId, Block block, Shape input, boolean inputGradient) {
    }

    /**
     * Why this network's training batches may not run with oneDNN on whatever its convolutions do (a layer oneDNN
     * would compute unchecked, {@code OneDnnBatchLayers}), or empty when they may.
     */
    public Optional<String> offOneDnn() {
        return Optional.ofNullable(offOneDnn);
    }

    /** Every Conv1D and Conv2D of this network, in running order, for a batch of input shape {@code batchInput}. */
    public List<ConvolutionCall> convolutionCalls(Shape batchInput) {
        Shape[] shapes = propagate(batchInput, null, null);
        boolean[] trained = new boolean[ids.length]; // whether a node's output depends on trainable parameters
        List<ConvolutionCall> calls = new ArrayList<>();
        for (int i = 1; i < ids.length; i++) {
            boolean fromTrained = false;
            for (int source : sources[i]) {
                fromTrained |= trained[source];
            }
            trained[i] = fromTrained || blocks[i] != null && blocks[i].getParameters().values().stream()
                    .anyMatch(Parameter::requiresGradient);
            if (routes[i] == KernelRoute.CONVOLUTION) {
                calls.add(new ConvolutionCall(ids[i], blocks[i], shapes[sources[i][0]], fromTrained));
            }
        }
        return calls;
    }

    /** Cheaper than the inherited check, which builds every prefixed parameter name on each forward. */
    @Override
    public boolean isInitialized() {
        if (inputShapes == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block != null && !block.isInitialized()) {
                return false;
            }
        }
        return true;
    }

    private void requireInitialized() {
        if (!isInitialized()) {
            throw new IllegalStateException("initialise the compiled network (trainer.initialize or initialize)"
                    + " before capturing activations");
        }
    }
}
