package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.inspect.ErrorGallery;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.inspect.Misclassified;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.EmbeddingProjection;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The state behind the inspect views: the opened run, the chosen input with its inspection and
 * explanation (then, after each explanation, its occlusion and LIME with the student's settings), the
 * learned weights, the error gallery of one confusion cell, the decision map of 2-D
 * models and the embedding frames per epoch. Engine work runs on the {@code background} executor, one
 * {@link LatestResult} per kind of work, and results come back through the {@code fx} executor: a newer
 * request of the same kind replaces an older one, and opening or closing a run drops the results of the
 * run before. A saved run's decision map and embedding are shown as epoch 0.
 *
 * <p>Thread: every public method is called on the JavaFX thread (in tests, any single thread with
 * {@code Runnable::run} executors); properties change only through the {@code fx} executor.
 */
public final class InspectViewModel {

    static final int GALLERY_LIMIT = 24;
    static final int DECISION_RESOLUTION = 100;

    private final Executor background;
    private final LatestResult<RunInspection> opening;
    private final LatestResult<DecisionMap> plane;
    private final LatestResult<Weights> learned;
    private final LatestResult<ErrorGallery> errors;
    private final LatestResult<EmbeddingProjection> projecting;
    private final LatestResult<Inspection> inspecting;
    private final LatestResult<Explanation> explaining;
    private final LatestResult<Gallery> collecting;
    private final LatestResult<LayerComputation> computing;
    /** The node whose computation the student opened, followed to each new input; null when closed. */
    private String explainedLayer;
    private final LatestResult<Perturbation> perturbing;
    private final List<LatestResult<?>> runWork;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** The run the background opened last, shown or superseded, until the background closes it. */
    private final AtomicReference<RunInspection> openedInBackground = new AtomicReference<>();
    private RunInspection run;
    private Path openFolder;
    /** Where the student said the files of a run's data are now, by run folder. */
    private final java.util.Map<Path, Path> movedData = new java.util.HashMap<>();
    /** The confusion cell asked for while the run was still opening, or null. */
    private int[] pendingCell;

    private static final String NO_RUN = "Open a finished run to look inside its network.";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", NO_RUN);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper galleryStatus = new ReadOnlyStringWrapper(this, "galleryStatus", "");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<InputSample> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyObjectWrapper<Perturbation> perturbation = new ReadOnlyObjectWrapper<>(this,
            "perturbation");
    private final ReadOnlyObjectWrapper<PerturbSettings> perturbSettings = new ReadOnlyObjectWrapper<>(this,
            "perturbSettings", PerturbSettings.DEFAULT);
    private final ReadOnlyObjectWrapper<Weights> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>(this, "gallery");
    private final ReadOnlyObjectWrapper<LayerComputation> working = new ReadOnlyObjectWrapper<>(this, "working");
    private final ReadOnlyObjectWrapper<int[][]> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<int[]> misclassified = new ReadOnlyObjectWrapper<>(this, "misclassified",
            new int[0]);
    private final ReadOnlyObjectWrapper<DecisionMapCaptured> decisionMap = new ReadOnlyObjectWrapper<>(this,
            "decisionMap");
    private final ReadOnlyObjectWrapper<float[][]> planePoints = new ReadOnlyObjectWrapper<>(this, "planePoints");
    private final ObservableList<EmbeddingProjected> embeddings = FXCollections.observableArrayList();
    private final IntegerProperty embeddingIndex = new SimpleIntegerProperty(this, "embeddingIndex", -1);
    private int[] planeLabels = new int[0];

    /**
     * @param background runs engine work one task at a time, in the order given (the app's single-thread
     *                   compute executor): a run's network belongs to one thread at a time
     * @param fx         hands results to the JavaFX thread ({@code Platform::runLater})
     */
    public InspectViewModel(Executor background, Executor fx) {
        this.background = Objects.requireNonNull(background, "background");
        opening = new LatestResult<>("Opening the run", background, fx);
        plane = new LatestResult<>("Mapping the plane", background, fx);
        learned = new LatestResult<>("Reading the weights", background, fx);
        errors = new LatestResult<>("Finding the mistakes", background, fx);
        projecting = new LatestResult<>("Projecting the test samples", background, fx);
        inspecting = new LatestResult<>("Running the network", background, fx);
        explaining = new LatestResult<>("Explaining the answer", background, fx);
        collecting = new LatestResult<>("Collecting the test samples", background, fx);
        computing = new LatestResult<>("Working out a layer", background, fx);
        perturbing = new LatestResult<>("Hiding parts of the input", background, fx);
        runWork = List.of(plane, learned, errors, projecting, inspecting, explaining, collecting, computing,
                perturbing);
        BooleanExpression any = opening.busyProperty();
        for (LatestResult<?> work : runWork) {
            any = any.or(work.busyProperty());
        }
        busy.bind(any);
    }

    /** Each kind of background work this view-model runs, by name (for the status bar's task list). */
    public List<LatestResult<?>> work() {
        List<LatestResult<?>> all = new java.util.ArrayList<>(runWork.size() + 1);
        all.add(opening);
        all.addAll(runWork);
        return List.copyOf(all);
    }

    /**
     * Opens the saved run in {@code runFolder} ({@code NAME.runs/<id>}) in the background, closing the one
     * shown before, with exactly the data it was trained on (from where its files were, or from the folder the
     * student chose for them with {@link #useDataFolder}). Then shows its first test sample, its weights and its
     * decision map or embedding. Nothing happens when that run is open already and its data loaded.
     */
    public void open(Path runFolder) {
        Path key = runFolder.toAbsolutePath().normalize();
        RunSummary shown = summary.get();
        if (key.equals(openFolder) && (opening.busyProperty().get() || shown != null && shown.data().isLoaded())) {
            return;
        }
        runWork.forEach(LatestResult::cancel);
        run = null;
        openFolder = key;
        clearRunState();
        error.set("");
        status.set("Opening run " + runFolder.getFileName() + "…");
        Path movedTo = movedData.get(key);
        opening.submit(ticket -> {
            closeOpened();
            RunInspection opened = RunInspection.open(runFolder, movedTo);
            openedInBackground.set(opened);
            return opened;
        }, opened -> {
            run = opened;
            RunSummary s = opened.summary();
            summary.set(s);
            status.set(describe(s));
            if (!s.dataProblem().isEmpty()) {
                error.set(s.dataProblem());
            }
            afterOpen(opened, s);
        }, cause -> {
            status.set("Run " + runFolder.getFileName() + " could not be opened.");
            failed(cause);
        });
    }

    /**
     * Opens the shown run again with its data read from {@code folder}, where the student says its files are
     * now (remembered for this run while the app runs); nothing without an open run.
     */
    public void useDataFolder(Path folder) {
        Path current = openFolder;
        if (current == null || folder == null) {
            return;
        }
        movedData.put(current, folder.toAbsolutePath().normalize());
        openFolder = null;
        open(current);
    }

    /** The folder of the run shown or being opened, or null. */
    public Path runFolder() {
        return openFolder;
    }

    /** Closes the run the background opened last, if any (background only). */
    private void closeOpened() {
        RunInspection previous = openedInBackground.getAndSet(null);
        if (previous != null) {
            previous.close();
        }
    }

    private void afterOpen(RunInspection opened, RunSummary s) {
        if (s.isPlane()) {
            float[][] points = opened.planePoints();
            planeLabels = opened.planeLabels();
            planePoints.set(points);
            plane.submit(ticket -> opened.decisionMap(DECISION_RESOLUTION),
                    map -> decisionMap.set(new DecisionMapCaptured(0, 0, 0, map)), this::failed);
        }
        learned.submit(ticket -> opened.weights(), weights::set, this::failed);
        if (opened.testCount() > 0) {
            pickTestSample(0);
            if (s.isClassifier()) {
                int[] asked = pendingCell;
                pendingCell = null;
                errors.submit(ticket -> opened.errors(), found -> {
                    if (asked != null) {
                        showErrors(asked[0], asked[1]);
                    }
                    confusion.set(found.confusion());
                    misclassified.set(found.all().stream().mapToInt(Misclassified::index).toArray());
                }, this::failed);
                if (!s.isPlane() && opened.testCount() >= 2) {
                    projecting.submit(ticket -> opened.embedding(),
                            projection -> addEmbedding(new EmbeddingProjected(0, projection)), this::failed);
                }
            }
        } else if (s.isPlane()) {
            usePoint(0, 0);
        }
    }

    /** Inspects test example {@code index} (clamped to the loaded test split). */
    public void pickTestSample(int index) {
        RunInspection r = run;
        if (r == null || r.testCount() == 0) {
            return;
        }
        int i = Math.max(0, Math.min(r.testCount() - 1, index));
        int label = r.testLabel(i);
        String name = summaryValue().isClassifier() ? " (class " + summaryValue().className(label) + ")" : "";
        use(new InputSample(r.testInput(i), "test sample " + i + name, summaryValue().isClassifier() ? label : -1, i));
    }

    /**
     * Inspects the next test example the network gets wrong after the one shown (wrapping around);
     * nothing when it gets every loaded test example right.
     */
    public void pickNextMistake() {
        int[] wrong = misclassified.get();
        if (wrong.length == 0) {
            return;
        }
        InputSample current = input.get();
        int after = current == null ? -1 : current.testIndex();
        int next = wrong[0];
        for (int index : wrong) {
            if (index > after) {
                next = index;
                break;
            }
        }
        pickTestSample(next);
    }

    /** Inspects the gallery tile {@code item}'s test example (e.g. after a click on it). */
    public void pickGalleryItem(GalleryItem item) {
        pickTestSample(item.example().index());
    }

    /** Inspects the digit the student drew (28 × 28 ink in [0, 1]), scaled as the run's data were. */
    public void useDrawing(float[] ink) {
        RunSummary s = summaryValue();
        if (s == null || !s.takesDrawnDigit()) {
            return;
        }
        if (ink.length != s.size()) {
            throw new IllegalArgumentException("the drawing has " + ink.length + " values, the network takes "
                    + s.size());
        }
        use(new InputSample(s.inputOfInk(ink), "your drawing", -1, -1));
    }

    /**
     * Inspects a sentence the student typed, for networks that read the token ids of a text dataset: it is
     * tokenised and looked up in the run's vocabulary as the training texts were.
     */
    public void useSentence(String sentence) {
        RunSummary s = summaryValue();
        if (s == null || !s.takesText() || sentence == null || sentence.isBlank()) {
            return;
        }
        int[] ids = s.text().encode(sentence);
        float[] values = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = ids[i];
        }
        use(new InputSample(values, "your sentence \u201c" + sentence.strip() + "\u201d", -1, -1));
    }

    /** Inspects the point ({@code x}, {@code y}) of the plane, for networks with two inputs. */
    public void usePoint(double x, double y) {
        RunSummary s = summaryValue();
        if (s == null || !s.isPlane()) {
            return;
        }
        use(new InputSample(new float[] {(float) x, (float) y},
                String.format(Locale.ROOT, "the point (%.2f, %.2f)", x, y), -1, -1));
    }

    /**
     * Works out, in the background, how node {@code nodeId} computed its output for the current input (its
     * formula with the numbers filled in); the result follows later inputs until {@link #closeLayerWorking}.
     */
    public void explainLayer(String nodeId) {
        explainedLayer = nodeId;
        computeLayer();
    }

    /** Closes the "How this layer computes" panel. */
    public void closeLayerWorking() {
        explainedLayer = null;
        computing.cancel();
        working.set(null);
    }

    /** The working of the layer the student opened, for the current input; null when none is open. */
    public ReadOnlyObjectProperty<LayerComputation> workingProperty() {
        return working.getReadOnlyProperty();
    }

    private void computeLayer() {
        InputSample current = input.get();
        RunInspection r = run;
        String nodeId = explainedLayer;
        if (current == null || r == null || nodeId == null) {
            return;
        }
        computing.submit(ticket -> r.explainLayer(current, nodeId), working::set,
                cause -> {
                    working.set(null);
                    failed(cause);
                });
    }

    /** Explains class {@code classIndex} (-1: the predicted class) for the current input. */
    public void explainClass(int classIndex) {
        InputSample current = input.get();
        RunInspection r = run;
        if (current == null || r == null) {
            return;
        }
        explaining.submit(ticket -> r.explain(current.values(), classIndex), this::explained, this::failed);
    }

    /**
     * Recomputes occlusion and LIME for the current input and explained class with {@code settings} (patch,
     * stride, samples, superpixels); a newer request replaces an older one.
     */
    public void perturbWith(PerturbSettings settings) {
        perturbSettings.set(Objects.requireNonNull(settings, "settings"));
        Explanation current = explanation.get();
        if (current != null) {
            perturb(current);
        }
    }

    private void explained(Explanation done) {
        explanation.set(done);
        perturb(done);
    }

    private void perturb(Explanation gradients) {
        InputSample current = input.get();
        RunInspection r = run;
        if (current == null || r == null) {
            return;
        }
        PerturbSettings settings = perturbSettings.get();
        perturbing.submit(ticket -> r.perturb(current.values(), gradients.classIndex(), settings, gradients),
                perturbation::set, this::failed);
    }

    /**
     * Shows the error gallery of the confusion cell (true class {@code actual}, predicted {@code predicted}):
     * up to {@value #GALLERY_LIMIT} examples with their top-3 probabilities and Grad-CAM maps.
     */
    public void showErrors(int actual, int predicted) {
        RunInspection r = run;
        if (r == null) {
            if (opening.busyProperty().get()) {
                pendingCell = new int[] {actual, predicted};
            }
            return;
        }
        galleryStatus.set("Collecting the test samples of " + cellName(actual, predicted) + "…");
        collecting.submit(ticket -> r.gallery(actual, predicted, GALLERY_LIMIT), g -> {
            galleryStatus.set("");
            gallery.set(g);
        }, cause -> {
            galleryStatus.set("");
            failed(cause);
        });
    }

    /**
     * Takes the live inspection events of a training batch (FX thread, once per pulse): the newest decision
     * map replaces the shown one, every embedding projection becomes a frame of the epoch slider (which
     * follows the newest frame while it sits at the end); a projection of an epoch not after the last
     * frame's starts the frames over (a new training). Other events are ignored.
     */
    public void onEvents(List<TrainingEvent> batch) {
        LiveReader reader = new LiveReader();
        batch.forEach(event -> event.accept(reader));
        if (reader.newest != null) {
            decisionMap.set(reader.newest);
        }
    }

    /** Reads one pulse's live inspection events: keeps the newest decision map, adds the embedding frames. */
    private final class LiveReader implements TrainingEventVisitor {
        DecisionMapCaptured newest;

        @Override
        public void decisionMapCaptured(DecisionMapCaptured event) {
            newest = event;
        }

        @Override
        public void embeddingProjected(EmbeddingProjected event) {
            EmbeddingProjected last = embeddings.isEmpty() ? null : embeddings.get(embeddings.size() - 1);
            if (last != null && (last.epoch() == 0 || event.epoch() <= last.epoch())) {
                embeddings.clear(); // a new training run (or the saved run's frame) starts over
                embeddingIndex.set(-1);
            }
            addEmbedding(event);
        }
    }

    /** Sets the training points drawn under a live decision map (x and y columns with their classes). */
    public void setPlanePoints(float[][] xy, int[] labels) {
        planeLabels = labels.clone();
        planePoints.set(new float[][] {xy[0].clone(), xy[1].clone()});
    }

    /** Forgets the live frames (a new training starts). */
    public void clearLive() {
        embeddings.clear();
        embeddingIndex.set(-1);
        decisionMap.set(null);
    }

    /** Closes the opened run in the background; the area shows no run. */
    public void close() {
        status.set(NO_RUN);
        opening.cancel();
        runWork.forEach(LatestResult::cancel);
        run = null;
        openFolder = null;
        pendingCell = null;
        clearRunState();
        error.set("");
        background.execute(this::closeOpened);
    }

    private void use(InputSample sample) {
        input.set(sample);
        RunInspection r = run;
        inspecting.submit(ticket -> r.inspect(sample.values()), inspection::set, this::failed);
        if (summaryValue().isClassifier()) {
            explaining.submit(ticket -> r.explain(sample.values(), -1), this::explained, this::failed);
        }
        computeLayer();
    }

    private void addEmbedding(EmbeddingProjected frame) {
        boolean following = embeddingIndex.get() >= embeddings.size() - 1;
        embeddings.add(frame);
        if (following) {
            embeddingIndex.set(embeddings.size() - 1);
        }
    }

    private void failed(Throwable cause) {
        error.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private void clearRunState() {
        galleryStatus.set("");
        summary.set(null);
        input.set(null);
        inspection.set(null);
        explanation.set(null);
        perturbation.set(null);
        weights.set(null);
        gallery.set(null);
        explainedLayer = null;
        working.set(null);
        confusion.set(null);
        misclassified.set(new int[0]);
        decisionMap.set(null);
        planePoints.set(null);
        embeddings.clear();
        embeddingIndex.set(-1);
    }

    private RunSummary summaryValue() {
        return summary.get();
    }

    private String cellName(int actual, int predicted) {
        RunSummary s = summaryValue();
        Function<Integer, String> name = i -> s == null ? "class " + i : s.className(i);
        return "true " + name.apply(actual) + " predicted as " + name.apply(predicted);
    }

    private static String describe(RunSummary s) {
        return s.projectName() + " · run " + s.runId() + (s.testCount() > 0 ? " · "
                + org.layerloom.engine.text.Numbers.counted(s.testCount(), "test sample") : "");
    }

    /** The classes of the training points of a 2-D dataset (empty otherwise). */
    public int[] planeLabels() {
        return planeLabels.clone();
    }

    /** True while any engine work of the inspect views is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the error gallery is doing ("Collecting the test samples of …"), or empty. */
    public ReadOnlyStringProperty galleryStatusProperty() {
        return galleryStatus.getReadOnlyProperty();
    }

    /** A message for the student when something failed, else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InputSample> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Occlusion and LIME of the current input (null until computed; they follow each explanation). */
    public ReadOnlyObjectProperty<Perturbation> perturbationProperty() {
        return perturbation.getReadOnlyProperty();
    }

    /** The settings the next occlusion and LIME use. */
    public ReadOnlyObjectProperty<PerturbSettings> perturbSettingsProperty() {
        return perturbSettings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Weights> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Gallery> galleryProperty() {
        return gallery.getReadOnlyProperty();
    }

    /** The confusion matrix [true][predicted] of the loaded test samples, for choosing a gallery cell. */
    public ReadOnlyObjectProperty<int[][]> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /** The test indices of the loaded test examples the network gets wrong, in order. */
    public ReadOnlyObjectProperty<int[]> misclassifiedProperty() {
        return misclassified.getReadOnlyProperty();
    }

    /** The decision map shown for 2-D inputs: the latest live one, or the saved run's as epoch 0 (null: none). */
    public ReadOnlyObjectProperty<DecisionMapCaptured> decisionMapProperty() {
        return decisionMap.getReadOnlyProperty();
    }

    /** The training points of a 2-D dataset as x and y columns (null otherwise). */
    public ReadOnlyObjectProperty<float[][]> planePointsProperty() {
        return planePoints.getReadOnlyProperty();
    }

    /** The embedding frames, one per epoch (live) or one for a saved run (epoch 0). */
    public ObservableList<EmbeddingProjected> embeddings() {
        return FXCollections.unmodifiableObservableList(embeddings);
    }

    /** The frame the embedding view shows (the epoch slider's value), -1 when there is none. */
    public IntegerProperty embeddingIndexProperty() {
        return embeddingIndex;
    }

}
