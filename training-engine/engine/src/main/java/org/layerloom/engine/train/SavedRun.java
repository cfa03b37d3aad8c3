package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetTask;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.TestMetrics;

/**
 * A saved run opened again to evaluate and look inside its network: the project from the run's
 * {@code manifest.json}, its graph compiled and loaded with {@code best.params} (or {@code last.params}
 * when no epoch was judged best, see {@link #checkpoint()}). It measures a split as the run measured its
 * test split, predicts, and reads any node's output, always returning plain Java numbers.
 *
 * <p>Life-cycle and thread: {@link #open} reads files and loads the engine, so call it off the JavaFX
 * thread; use the instance from one thread at a time (it runs the engine on the calling thread) and
 * {@link #close()} it to free the engine's memory. Runs on the CPU.
 */
public final class SavedRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunFolder folder;
    private final Project project;
    private final String checkpoint;
    private final TensorShape exampleShape;
    private final Model model;
    private final GraphBlock block;
    private final ParameterStore store;

    private SavedRun(RunFolder folder, Project project, String checkpoint, TensorShape exampleShape, Model model,
                     GraphBlock block) {
        this.folder = folder;
        this.project = project;
        this.checkpoint = checkpoint;
        this.exampleShape = exampleShape;
        this.model = model;
        this.block = block;
        this.store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Opens the run in {@code runFolder}.
     *
     * @throws IOException with a message for a student when the folder is missing, is not a run, or its
     *                     files are damaged or do not fit the network in its manifest
     */
    public static SavedRun open(Path runFolder) throws IOException {
        RunFolder folder = RunFolder.open(runFolder);
        Project project = readProject(folder);
        ValidationReport report = GraphValidator.standard().validate(project.graph());
        if (!report.isValid()) {
            throw new IOException("The network saved with the run " + folder.id() + " cannot be built: "
                    + report.errors().get(0).message());
        }
        String inputId = project.graph().nodesOfKind(LayerKind.INPUT).get(0).id();
        TensorShape exampleShape = report.outputOf(inputId).orElseThrow();
        String which = folder.hasParameters(RunFolder.BEST) ? RunFolder.BEST : RunFolder.LAST;
        if (!folder.hasParameters(which)) {
            throw new IOException("The run " + folder.id() + " has no saved parameters (best.params or"
                    + " last.params): it ended before its first epoch.");
        }
        GraphBlock block = GraphCompiler.standard().compile(report);
        KernelGuard.ensure();
        Model model = Model.newInstance(project.name(), Device.cpu());
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, TrainingRun.withBatch(exampleShape));
            folder.loadParameters(block, model.getNDManager(), which);
            return new SavedRun(folder, project, which, exampleShape, model, block);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static Project readProject(RunFolder folder) throws IOException {
        Map<String, Object> manifest;
        try {
            manifest = folder.readJson("manifest");
        } catch (IOException e) {
            throw new IOException("The manifest.json of the run " + folder.id() + " is damaged: " + e.getMessage(), e);
        }
        if (manifest.isEmpty() || !manifest.containsKey("project")) {
            throw new IOException(folder.dir() + " is not a LayerLoom run folder: it has no manifest.json with the"
                    + " run's project.");
        }
        try {
            return ProjectFiles.fromJson(JSON.writeValueAsString(manifest.get("project")),
                    "manifest.json of the run " + folder.id());
        } catch (ProjectFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The run's id, the name of its folder. */
    public String runId() {
        return folder.id();
    }

    /** The project as it was trained, with the run's training settings. */
    public Project project() {
        return project;
    }

    /** Which parameters are loaded: {@code "best"} or, when the run saved no best epoch, {@code "last"}. */
    public String checkpoint() {
        return checkpoint;
    }

    /** The shape of one example the network takes. */
    public TensorShape exampleShape() {
        return exampleShape;
    }

    /**
     * The compiled network holding the run's parameters, for the engine's inspection
     * ({@code org.layerloom.engine.inspect}); the same thread rules as this object apply, and it dies with
     * {@link #close()}.
     */
    public GraphBlock block() {
        return block;
    }

    /** The model that holds the block, for a trainer that fine-tunes the loaded parameters ({@link MaskedFineTune}). */
    Model model() {
        return model;
    }

    /** The manager that owns the parameters; inspection makes sub-managers of it for its temporaries. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** The ids of the nodes whose activations can be read, in the order they run. */
    public List<String> nodeIds() {
        return block.nodeIds();
    }

    public String outputNodeId() {
        return block.outputNodeId();
    }

    /** Whether {@code dataset} holds exactly the numbers the run was trained and tested on. */
    public boolean trainedOn(Dataset dataset) throws IOException {
        return DatasetFingerprint.of(dataset).equals(recordedDataset().get("sha256"));
    }

    /** The manifest's "dataset" section (empty when it has none), for {@link RunData}. */
    Map<?, ?> recordedDataset() throws IOException {
        return folder.readJson("manifest").get("dataset") instanceof Map<?, ?> data ? data : Map.of();
    }

    /** The run's folder. */
    public Path dir() {
        return folder.dir();
    }

    /**
     * Measures the network on {@code split} (one of {@code dataset}'s splits, or other examples of its
     * task) as the run measured its test split: same batches, loss and metrics.
     *
     * @throws IllegalArgumentException when the dataset does not fit the network, with the reason
     */
    public TestMetrics evaluate(Dataset dataset, Examples split) {
        return evaluate(dataset, split, null);
    }

    /**
     * As {@link #evaluate(Dataset, Examples)}, with every node's output passed through {@code tap} on its way
     * to the next nodes (e.g. to fake-quantize activations); {@code null} for the plain network.
     */
    public TestMetrics evaluate(Dataset dataset, Examples split, GraphBlock.NodeTap tap) {
        try {
            DataModelCheck.check(project.graph(), dataset);
        } catch (TrainingSetupException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        requireShape(split);
        int classes = dataset.task() instanceof DatasetTask.Classification c ? c.classCount() : 0;
        try (NDManager scope = model.getNDManager().newSubManager();
             SplitArrays arrays = SplitArrays.upload(split, block.lossSpec(), scope, Device.cpu())) {
            UnaryOperator<NDList> forward = tap == null ? this::forward
                    : inputs -> block.forwardTapped(store, inputs, false, tap);
            Evaluation.Result result = Evaluation.run(forward, block.lossSpec().newLoss(), block.lossSpec(),
                    arrays, project.training().batchSize(), classes, scope);
            return TestMetricsFactory.from(result, dataset);
        }
    }

    /** The network's raw outputs (the Output node's values) for every example, one row each. */
    public float[][] outputs(Examples examples) {
        return run(examples, false, null);
    }

    /** As {@link #outputs(Examples)}, with every node's output passed through {@code tap} (see {@link #evaluate}). */
    public float[][] outputs(Examples examples, GraphBlock.NodeTap tap) {
        return run(examples, false, tap);
    }

    /**
     * The prediction for every example, one row each: the class probabilities for a classifier (softmax,
     * or {@code [1 − p, p]} for one sigmoid score), the predicted values for a regression.
     */
    public float[][] predict(Examples examples) {
        return run(examples, true, null);
    }

    /**
     * The outputs of {@code nodeIds} for example {@code index} of {@code examples}, by node id in the
     * order asked for.
     *
     * @throws IllegalArgumentException for a node that is not part of the compiled network
     */
    public Map<String, NodeActivation> activations(Examples examples, int index, Collection<String> nodeIds) {
        Objects.checkIndex(index, examples.size());
        requireShape(examples);
        try (NDManager scope = model.getNDManager().newSubManager();
             SplitArrays one = SplitArrays.upload(examples.slice(index, index + 1), block.lossSpec(), scope,
                     Device.cpu())) {
            NDList[] batch = one.inOrder(1).get(0, scope);
            Map<String, NDArray> sink = new LinkedHashMap<>();
            block.forwardCapturing(store, batch[0], false, new LinkedHashSet<>(nodeIds), sink);
            Map<String, NodeActivation> result = new LinkedHashMap<>();
            for (String id : nodeIds) {
                NDArray value = sink.get(id);
                long[] dims = value.getShape().slice(1).getShape();
                int[] shape = new int[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = Math.toIntExact(dims[i]);
                }
                result.put(id, new NodeActivation(id, new FloatTensor(shape,
                        value.toType(DataType.FLOAT32, false).toFloatArray())));
            }
            return result;
        }
    }

    private float[][] run(Examples examples, boolean probabilities, GraphBlock.NodeTap tap) {
        requireShape(examples);
        float[][] rows = new float[examples.size()][];
        int batchSize = project.training().batchSize();
        try (NDManager scope = model.getNDManager().newSubManager();
             SplitArrays arrays = SplitArrays.upload(examples, block.lossSpec(), scope, Device.cpu())) {
            SplitArrays.Batches batches = arrays.inOrder(batchSize);
            int row = 0;
            for (int i = 0; i < batches.count(); i++) {
                try (NDManager batchScope = scope.newSubManager()) {
                    NDList inputs = batches.get(i, batchScope)[0];
                    NDArray output = (tap == null ? forward(inputs)
                            : block.forwardTapped(store, inputs, false, tap)).head();
                    if (probabilities) {
                        output = probabilities(output);
                    }
                    int n = (int) output.getShape().get(0);
                    float[] values = output.toType(DataType.FLOAT32, false).toFloatArray();
                    int width = values.length / Math.max(1, n);
                    for (int k = 0; k < n; k++) {
                        rows[row++] = Arrays.copyOfRange(values, k * width, (k + 1) * width);
                    }
                }
            }
        }
        return rows;
    }

    private NDArray probabilities(NDArray scores) {
        LossSpec spec = block.lossSpec();
        if (spec == LossSpec.SOFTMAX_CROSS_ENTROPY) {
            return scores.softmax(-1);
        }
        if (spec == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY) {
            NDArray p = Activation.sigmoid(scores.reshape(-1, 1));
            return p.neg().add(1).concat(p, 1);
        }
        return scores;
    }

    private NDList forward(NDList inputs) {
        return block.forward(store, inputs, false);
    }

    private void requireShape(Examples examples) {
        if (!examples.exampleShape().equals(exampleShape)) {
            throw new IllegalArgumentException("The run " + folder.id() + " takes examples of shape "
                    + exampleShape.tuple() + ", not " + examples.exampleShape().tuple() + ".");
        }
    }

    /** Frees the network and its parameters. */
    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "SavedRun[" + folder.id() + ", " + checkpoint + "]";
    }
}
