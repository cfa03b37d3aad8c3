package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Objects;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.train.SavedRun;

/**
 * A trained network opened for inspection: the compiled block with its parameters, the graph it was
 * compiled from, the shape of one example and the manager owning the parameters. Every inspection tool
 * ({@link Inspector}, {@link Attribution}, {@link GradCam}, {@link WeightViews}, {@link DecisionBoundary},
 * {@link EmbeddingProjector}) works on one of these and returns plain numbers.
 *
 * <p>Thread: the block belongs to one thread. Use it on the training worker (for a live model, between
 * steps) or on a single inspection thread for a {@link SavedRun}; DJL allows one gradient recording at a
 * time in the whole process, so gradient tools must not run while another thread trains. It does not own
 * the block: closing the {@link SavedRun} (or ending the training) frees it.
 */
public final class InspectedModel {

    private final GraphBlock block;
    private final NetworkGraph graph;
    private final TensorShape exampleShape;
    private final NDManager manager;
    private final ParameterStore store;
    private final int outputWidth;

    private InspectedModel(GraphBlock block, NetworkGraph graph, TensorShape exampleShape, int outputWidth,
                           NDManager manager) {
        this.block = Objects.requireNonNull(block, "block");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.exampleShape = Objects.requireNonNull(exampleShape, "exampleShape");
        this.manager = Objects.requireNonNull(manager, "manager");
        this.outputWidth = outputWidth;
        this.store = new ParameterStore(manager, false);
    }

    /** The network of a saved run, with the run's parameters. */
    public static InspectedModel of(SavedRun run) {
        return live(run.block(), run.project().graph(), run.manager());
    }

    /**
     * A network in use, e.g. on the training worker between steps.
     *
     * @param block   the initialised compiled network
     * @param graph   the graph it was compiled from
     * @param manager a manager on the network's device; inspection makes (and closes) sub-managers of it
     */
    public static InspectedModel live(GraphBlock block, NetworkGraph graph, NDManager manager) {
        ValidationReport report = GraphValidator.standard().validate(graph);
        Node input = graph.nodesOfKind(LayerKind.INPUT).get(0);
        TensorShape shape = report.outputOf(input.id()).orElseThrow(
                () -> new IllegalArgumentException("the graph is not valid: " + report.errors()));
        TensorShape out = report.outputOf(block.outputNodeId()).orElseThrow();
        return new InspectedModel(block, graph, shape, out.last(), manager);
    }

    public GraphBlock block() {
        return block;
    }

    public NetworkGraph graph() {
        return graph;
    }

    /** The shape of one example (without the batch axis). */
    public TensorShape exampleShape() {
        return exampleShape;
    }

    /** Whether the network reads integer token ids. */
    public boolean readsTokens() {
        return exampleShape.isTokenIds();
    }

    ParameterStore store() {
        return store;
    }

    NDManager manager() {
        return manager;
    }

    public LossSpec lossSpec() {
        return block.lossSpec();
    }

    /** The number of classes of a classifier (2 for one sigmoid score), 0 for a regression. */
    public int classCount() {
        return switch (block.lossSpec()) {
            case SOFTMAX_CROSS_ENTROPY -> outputWidth;
            case SIGMOID_BINARY_CROSS_ENTROPY -> 2;
            default -> 0;
        };
    }

    /** The node of this id; throws {@link IllegalArgumentException} for an unknown id. */
    public Node node(String nodeId) {
        return graph.node(nodeId).orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "'"));
    }

    /** The id of the node feeding {@code nodeId} (its first input). */
    String sourceOf(String nodeId) {
        return graph.wiresInto(nodeId).get(0).from().nodeId();
    }

    /** The compiled nodes of {@code kind}, in running order. */
    public List<String> nodesOfKind(LayerKind kind) {
        return block.nodeIds().stream().filter(id -> node(id).kind() == kind).toList();
    }

    /** A batch (n, example shape…) of {@code examples}, each of {@code exampleShape().size()} numbers. */
    NDArray batch(NDManager scope, float[]... examples) {
        int size = (int) exampleShape.size();
        float[] flat = new float[examples.length * size];
        for (int i = 0; i < examples.length; i++) {
            if (examples[i].length != size) {
                throw new IllegalArgumentException("an example of shape " + exampleShape.tuple() + " has " + size
                        + " numbers, not " + examples[i].length);
            }
            System.arraycopy(examples[i], 0, flat, i * size, size);
        }
        long[] dims = new long[exampleShape.rank() + 1];
        dims[0] = examples.length;
        for (int i = 0; i < exampleShape.rank(); i++) {
            dims[i + 1] = exampleShape.dim(i);
        }
        NDArray x = scope.create(flat, new Shape(dims));
        return readsTokens() ? x.toType(DataType.INT64, false) : x;
    }

    /** One example of token ids as the network's input row. */
    static float[] tokensAsExample(int[] tokenIds) {
        float[] row = new float[tokenIds.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = tokenIds[i];
        }
        return row;
    }

    /** Class probabilities (B, classes) from the network's raw outputs, or the outputs for a regression. */
    NDArray probabilities(NDArray scores) {
        return switch (block.lossSpec()) {
            case SOFTMAX_CROSS_ENTROPY -> scores.softmax(-1);
            case SIGMOID_BINARY_CROSS_ENTROPY -> {
                NDArray p = Activation.sigmoid(scores.reshape(-1, 1));
                yield p.neg().add(1).concat(p, 1);
            }
            default -> scores;
        };
    }

    /**
     * The score whose gradient explains class {@code classIndex}, per example (B): the raw class score
     * (logit) for softmax, ± the logit for one sigmoid score, output column {@code classIndex} for a
     * regression.
     */
    NDArray classScore(NDArray scores, int classIndex) {
        if (block.lossSpec() == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY) {
            NDArray logit = scores.reshape(-1);
            return classIndex == 1 ? logit : logit.neg();
        }
        return scores.get(new NDIndex(":, {}", classIndex));
    }

    /** The prediction for row {@code row} of raw outputs {@code scores} (B, width). */
    Prediction prediction(float[] outputs, float[] probabilities) {
        return new Prediction(outputs, classCount() > 0 ? probabilities : new float[0],
                classCount() > 0 ? TopK.argmax(probabilities, 0, probabilities.length) : -1);
    }

    static int[] dimsWithoutBatch(NDArray array) {
        long[] shape = array.getShape().getShape();
        int[] dims = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) {
            dims[i - 1] = (int) shape[i];
        }
        return dims;
    }

    static float[] floats(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array.toFloatArray()
                : array.toType(DataType.FLOAT32, false).toFloatArray();
    }

    /** Rows {@code indices} of {@code examples} as network inputs (token ids as floats). */
    static float[][] rows(Examples examples, int[] indices) {
        int width = examples.exampleSize();
        float[][] rows = new float[indices.length][width];
        if (examples.features() instanceof TokenFeatures tokens) {
            var buffer = tokens.buffer();
            for (int i = 0; i < indices.length; i++) {
                for (int j = 0; j < width; j++) {
                    rows[i][j] = buffer.get(indices[i] * width + j);
                }
            }
        } else {
            var buffer = examples.realFeatures().buffer();
            for (int i = 0; i < indices.length; i++) {
                buffer.get(indices[i] * width, rows[i]);
            }
        }
        return rows;
    }
}
