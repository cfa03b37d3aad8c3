package org.layerloom.app.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.TokenFeatures;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.Attribution;
import org.layerloom.engine.inspect.DecisionBoundary;
import org.layerloom.engine.inspect.EmbeddingProjector;
import org.layerloom.engine.inspect.ErrorGallery;
import org.layerloom.engine.inspect.GradCam;
import org.layerloom.engine.inspect.GradCamMap;
import org.layerloom.engine.inspect.InspectedModel;
import org.layerloom.engine.inspect.LiveInspection;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.inspect.Inspector;
import org.layerloom.engine.inspect.LayerExplainer;
import org.layerloom.engine.inspect.compute.LayerWorking;
import org.layerloom.engine.inspect.Misclassified;
import org.layerloom.engine.inspect.Prediction;
import org.layerloom.engine.inspect.WeightMatrix;
import org.layerloom.engine.inspect.WeightViews;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.train.RunData;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.EmbeddingProjection;
import org.layerloom.engine.train.event.PlaneBounds;

/**
 * A saved run opened for the inspect views: the run's network ({@link SavedRun}, {@link InspectedModel})
 * and the test split of its dataset (at most {@value #TEST_LIMIT} examples, enough for galleries and
 * projections and quick to predict). Each method runs the engine and returns plain values.
 *
 * <p>Life-cycle and thread: opened, used and {@link #close() closed} on ONE background thread (the view
 * model's serial background queue), never on the JavaFX thread; the engine allows one gradient recording
 * per process, so no training may run at the same time as {@link #explain} or {@link #gallery}.
 */
public final class RunInspection implements AutoCloseable {

    static final int TEST_LIMIT = 2_000;
    private static final int SMOOTH_SAMPLES = 16;
    private static final int EMBEDDING_SAMPLES = 1_000;

    private final SavedRun run;
    private final InspectedModel model;
    private final Inspector inspector;
    private final RunSummary summary;
    private final float[][] testInputs;
    private final int[] testLabels;
    private final float[][] trainPoints;
    private final int[] trainLabels;
    private final float[] means;
    private ErrorGallery errors;

    private RunInspection(SavedRun run, InspectedModel model, RunSummary summary, float[][] testInputs,
                          int[] testLabels, float[][] trainPoints, int[] trainLabels, float[] means) {
        this.run = run;
        this.model = model;
        this.inspector = new Inspector(model);
        this.summary = summary;
        this.testInputs = testInputs;
        this.testLabels = testLabels;
        this.trainPoints = trainPoints;
        this.trainLabels = trainLabels;
        this.means = means;
    }

    /**
     * Opens the run in {@code runFolder} ({@code NAME.runs/<id>}) and loads exactly the data it was trained on,
     * as its manifest records it ({@link RunData}): from where the files were, or from {@code movedTo} (may be
     * null) when the student has shown where they are now. Data that cannot be loaded, or whose numbers differ
     * from the run's, leaves the run usable with inputs the student makes; {@link RunSummary#dataProblem()}
     * says why.
     *
     * @throws IOException when the run cannot be opened, with a message for the student
     */
    public static RunInspection open(Path runFolder, Path movedTo) throws IOException {
        SavedRun run = SavedRun.open(runFolder);
        try {
            InspectedModel model = InspectedModel.of(run);
            Project project = run.project();
            RunData recorded = RunData.of(run);
            if (movedTo != null) {
                recorded = recorded.relocatedTo(movedTo);
            }
            RunData.Outcome outcome = recorded.load(ProgressListener.none());
            Dataset dataset = outcome.dataset();
            String problem = outcome.isLoaded() ? "" : outcome.message() + " You can still feed the network"
                    + " inputs you make.";
            if (dataset != null && !dataset.exampleShape().equals(run.exampleShape())) {
                problem = "The dataset gives examples of shape " + dataset.exampleShape().tuple()
                        + " but the network takes " + run.exampleShape().tuple() + ".";
                dataset = null;
            }
            DataAccess access = new DataAccess(problem, !outcome.isLoaded() && recorded.readsFiles(),
                    recorded.place().orElse(null));
            Examples test = dataset == null ? null : dataset.test().isEmpty() ? dataset.validation() : dataset.test();
            if (test != null) {
                test = test.first(Math.min(TEST_LIMIT, test.size()));
            }
            float[][] inputs = test == null ? new float[0][] : rows(test);
            int[] labels = test == null || !(test.labels() instanceof ClassLabels c) ? new int[inputs.length]
                    : c.toArray();
            float[][] points = new float[0][];
            int[] pointLabels = new int[0];
            if (dataset != null && run.exampleShape().rank() == 1 && run.exampleShape().dim(0) == 2) {
                points = rows(dataset.train());
                pointLabels = dataset.train().labels() instanceof ClassLabels c ? c.toArray() : new int[points.length];
            }
            List<String> classNames = dataset != null ? dataset.classNames() : defaultNames(model.classCount());
            RunSummary summary = new RunSummary(run.runId(), project.name(),
                    run.exampleShape().dims().stream().mapToInt(Integer::intValue).toArray(), model.readsTokens(),
                    classNames, !model.nodesOfKind(LayerKind.CONV2D).isEmpty(),
                    model.nodesOfKind(LayerKind.DENSE), inputs.length, access, range(inputs)[0], range(inputs)[1],
                    project.graph().nodes().stream().collect(java.util.stream.Collectors.toMap(
                            org.layerloom.engine.graph.Node::id, n -> n.name() == null ? n.id() : n.name())),
                    dataset == null ? null : dataset.textEncoding().orElse(null),
                    dataset == null ? List.of() : dataset.report().featureNames());
            float[] means = dataset != null && !model.readsTokens() ? Perturbations.means(dataset.train())
                    : Perturbations.means(inputs, (int) run.exampleShape().size());
            return new RunInspection(run, model, summary, inputs, labels, points, pointLabels, means);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    public RunSummary summary() {
        return summary;
    }

    /** The number of test examples loaded. */
    public int testCount() {
        return testInputs.length;
    }

    /** Test example {@code index}'s input values (a copy). */
    public float[] testInput(int index) {
        return testInputs[index].clone();
    }

    /** Test example {@code index}'s class. */
    public int testLabel(int index) {
        return testLabels[index];
    }

    /** The training points of a 2-D dataset (empty otherwise) as x and y columns, and their classes. */
    public float[][] planePoints() {
        float[][] columns = new float[2][trainPoints.length];
        for (int i = 0; i < trainPoints.length; i++) {
            columns[0][i] = trainPoints[i][0];
            columns[1][i] = trainPoints[i][1];
        }
        return columns;
    }

    public int[] planeLabels() {
        return trainLabels.clone();
    }

    /** The prediction and every layer's output for one input. */
    public Inspection inspect(float[] input) {
        return inspector.inspect(input);
    }

    /** Why the network answers {@code input} (class -1: the predicted one) in every way that applies. */
    public Explanation explain(float[] input, int classIndex) {
        int chosen = classIndex >= 0 ? classIndex
                : Math.max(0, inspector.predict(new float[][] {input}).get(0).predictedClass());
        Attribution attribution = new Attribution(model);
        if (model.readsTokens()) {
            int[] ids = new int[input.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.round(input[i]);
            }
            boolean embeds = !model.nodesOfKind(LayerKind.EMBEDDING).isEmpty();
            return new Explanation(chosen, Optional.empty(), Optional.empty(), Optional.empty(),
                    embeds ? Optional.of(attribution.tokenImportance(ids, chosen)) : Optional.empty());
        }
        Optional<GradCamMap> cam = summary.hasConvolution() ? Optional.of(new GradCam(model).map(input, chosen))
                : Optional.empty();
        return new Explanation(chosen, Optional.of(attribution.saliency(input, chosen)),
                Optional.of(attribution.smoothGrad(input, chosen, SMOOTH_SAMPLES, 0.15, 1)), cam, Optional.empty());
    }

    /**
     * How node {@code nodeId} computed its output for {@code input}, from its saved weights and the inputs
     * captured in one forward pass. The Output node's working is the loss: against {@code trueClass}, or
     * against the predicted class when the true one is unknown (-1).
     *
     * @throws IllegalArgumentException for the Input node, or the loss of a regression (its target is unknown here)
     */
    public LayerComputation explainLayer(InputSample input, String nodeId) {
        LayerWorking working = working(input.values(), nodeId, input.trueClass());
        List<String> sources = model.graph().wiresInto(nodeId).stream().map(w -> summary.nodeName(w.from().nodeId()))
                .toList();
        List<String> tokens = new ArrayList<>();
        if (model.readsTokens()) {
            for (float id : input.values()) {
                tokens.add(summary.tokenWord(Math.round(id)));
            }
        }
        return new LayerComputation(summary.nodeName(nodeId), working, sources, tokens, input);
    }

    private LayerWorking working(float[] input, String nodeId, int trueClass) {
        Inspection inspection = inspector.inspect(input);
        LayerExplainer explainer = new LayerExplainer(model);
        if (model.node(nodeId).kind() != LayerKind.OUTPUT) {
            return explainer.explain(inspection, nodeId);
        }
        if (!summary.isClassifier()) {
            throw new IllegalArgumentException("The loss of this regression needs the true value of the example,"
                    + " which the Inspect area does not know.");
        }
        int target = trueClass >= 0 ? trueClass : inspection.prediction().predictedClass();
        return explainer.explainLoss(inspection, new float[] {target});
    }

    /**
     * Why the network answers {@code input} with class {@code classIndex} (≥ 0), by hiding parts of it:
     * occlusion for images, LIME for images, text and tables, compared with the gradient maps of
     * {@code gradients} (may be null).
     */
    public Perturbation perturb(float[] input, int classIndex, PerturbSettings settings, Explanation gradients) {
        return new Perturbations(inspector, summary, means).explain(input, classIndex, settings, gradients);
    }

    /** The first convolution's filters and every Dense layer's weights. */
    public Weights weights() {
        WeightViews views = new WeightViews(model);
        List<WeightMatrix> dense = new ArrayList<>();
        for (String id : summary.denseNodes()) {
            dense.add(views.denseWeights(id));
        }
        return new Weights(summary.hasConvolution() ? Optional.of(views.firstConvFilters()) : Optional.empty(),
                dense);
    }

    /** The misclassified test examples by confusion cell (predicted once, then kept). */
    public ErrorGallery errors() {
        if (errors == null) {
            List<Prediction> predictions = inspector.predict(testInputs);
            float[][] probabilities = predictions.stream().map(Prediction::probabilities).toArray(float[][]::new);
            errors = ErrorGallery.of(probabilities, testLabels);
        }
        return errors;
    }

    /**
     * The gallery of test examples of class {@code actual} predicted as {@code predicted}: the first
     * {@code limit} with their Grad-CAM maps of the predicted class (one batched pass) for conv image models.
     */
    public Gallery gallery(int actual, int predicted, int limit) {
        List<Misclassified> cell = errors().cell(actual, predicted);
        List<Misclassified> shown = cell.subList(0, Math.min(limit, cell.size()));
        float[][] inputs = shown.stream().map(m -> testInputs[m.index()]).toArray(float[][]::new);
        List<GradCamMap> maps = summary.hasConvolution() && summary.isImage() && inputs.length > 0
                ? new GradCam(model).maps(inputs, shown.stream().mapToInt(Misclassified::predictedClass).toArray())
                : List.of();
        List<GalleryItem> items = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            items.add(new GalleryItem(shown.get(i), inputs[i],
                    maps.isEmpty() ? Optional.empty() : Optional.of(maps.get(i))));
        }
        return new Gallery(actual, predicted, cell.size(), items);
    }

    /** The decision map over the training points' box, with the units of the first hidden Dense layers. */
    public DecisionMap decisionMap(int resolution) {
        PlaneBounds bounds = trainPoints.length > 0 ? PlaneBounds.around(trainPoints, 0.1)
                : new PlaneBounds(-1, 1, -1, 1);
        return new DecisionBoundary(model).map(bounds, resolution, LiveInspection.firstHiddenLayers(model));
    }

    /** The PCA projection of the last hidden layer on up to 1,000 test examples. */
    public EmbeddingProjection embedding() {
        return new EmbeddingProjector(model).project(testInputs, testLabels, EMBEDDING_SAMPLES, 7);
    }

    private static float[][] rows(Examples examples) {
        int width = examples.exampleSize();
        float[][] rows = new float[examples.size()][];
        if (examples.features() instanceof TokenFeatures tokens) {
            int[] all = tokens.toArray();
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new float[width];
                for (int j = 0; j < width; j++) {
                    rows[i][j] = all[i * width + j];
                }
            }
            return rows;
        }
        float[] values = examples.realFeatures().toArray();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** The smallest and largest input value (0 and 1 without inputs). */
    private static double[] range(float[][] inputs) {
        if (inputs.length == 0) {
            return new double[] {0, 1};
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : inputs) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max > min ? new double[] {min, max} : new double[] {0, 1};
    }

    private static List<String> defaultNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("class " + i);
        }
        return names;
    }

    /** Frees the network. */
    @Override
    public void close() {
        run.close();
    }
}
