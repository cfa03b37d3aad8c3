package org.layerloom.app.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.TrainingEventVisitor;

/**
 * The state behind the inspect views: the opened run, the chosen input with its inspection and
 * explanation, the learned weights, the error gallery of one confusion cell, the decision map of 2-D
 * models and the embedding frames per epoch (a saved run's map and embedding as epoch 0). Engine work runs on the {@code background} executor, one
 * task after another in the order asked (a serial queue over it, because the engine's network belongs to
 * one thread at a time), and results come back through the {@code fx} executor; results of a run that has
 * been replaced are dropped.
 *
 * <p>Thread: every public method is called on the JavaFX thread (in tests, any single thread with
 * {@code Runnable::run} executors); properties change only through the {@code fx} executor.
 */
public final class InspectViewModel {

    static final int GALLERY_LIMIT = 24;
    static final int DECISION_RESOLUTION = 100;

    private final TaskQueue tasks;
    private RunInspection run;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Open a finished run to look inside its network.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<InputSample> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyObjectWrapper<Weights> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>(this, "gallery");
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
     * @param background runs engine work (a daemon executor of the app; it may have many threads: tasks
     *                   are queued one after another)
     * @param fx         hands results to the JavaFX thread ({@code Platform::runLater})
     */
    public InspectViewModel(Executor background, Executor fx) {
        this.tasks = new TaskQueue(background, fx);
    }

    /** Opens the run in {@code runFolder} (its dataset's files found as the project names them). */
    public void open(Path runFolder) {
        open(runFolder, null);
    }

    /**
     * Opens the saved run in {@code runFolder} ({@code NAME.runs/<id>}) in the background, closing the one
     * shown before; {@code dataFolder} (may be null) is where datasets read from files (MNIST) live. Then
     * shows its first test sample, its weights and its decision map or embedding.
     */
    public void open(Path runFolder, Path dataFolder) {
        tasks.advance();
        RunInspection previous = run;
        run = null;
        clearRunState();
        error.set("");
        status.set("Opening " + runFolder.getFileName() + "…");
        tasks.submit(() -> {
            if (previous != null) {
                previous.close();
            }
            return RunInspection.open(runFolder, dataFolder);
        }, opened -> {
            run = opened;
            RunSummary s = opened.summary();
            summary.set(s);
            status.set(describe(s));
            if (!s.dataProblem().isEmpty()) {
                error.set(s.dataProblem());
            }
            afterOpen(opened, s);
        }, this::failed, RunInspection::close);
    }

    private void afterOpen(RunInspection opened, RunSummary s) {
        if (s.isPlane()) {
            float[][] points = opened.planePoints();
            planeLabels = opened.planeLabels();
            planePoints.set(points);
            enqueue(() -> opened.decisionMap(DECISION_RESOLUTION),
                    map -> decisionMap.set(new DecisionMapCaptured(0, 0, 0, map)));
        }
        enqueue(opened::weights, weights::set);
        if (opened.testCount() > 0) {
            pickTestSample(0);
            if (s.isClassifier()) {
                enqueue(() -> opened.errors().confusion(), confusion::set);
                enqueue(() -> opened.errors().all().stream().mapToInt(m -> m.index()).toArray(),
                        misclassified::set);
                if (!s.isPlane() && opened.testCount() >= 2) {
                    enqueue(opened::embedding, projection -> addEmbedding(new EmbeddingProjected(0, projection)));
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

    /** Explains class {@code classIndex} (-1: the predicted class) for the current input. */
    public void explainClass(int classIndex) {
        InputSample current = input.get();
        RunInspection r = run;
        if (current == null || r == null) {
            return;
        }
        enqueue(() -> r.explain(current.values(), classIndex), explanation::set);
    }

    /**
     * Shows the error gallery of the confusion cell (true class {@code actual}, predicted {@code predicted}):
     * up to {@value #GALLERY_LIMIT} examples with their top-3 probabilities and Grad-CAM maps.
     */
    public void showErrors(int actual, int predicted) {
        RunInspection r = run;
        if (r == null) {
            return;
        }
        status.set("Collecting the test samples of " + cellName(actual, predicted) + "…");
        enqueue(() -> r.gallery(actual, predicted, GALLERY_LIMIT), g -> {
            gallery.set(g);
            status.set(g.total() + " test samples of " + cellName(actual, predicted) + ".");
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

    /** Closes the opened run in the background. */
    public void close() {
        tasks.advance();
        RunInspection previous = run;
        run = null;
        clearRunState();
        if (previous != null) {
            tasks.finallyRun(previous::close);
        }
    }

    private void use(InputSample sample) {
        input.set(sample);
        RunInspection r = run;
        enqueue(() -> r.inspect(sample.values()), result -> {
            if (input.get() == sample) {
                inspection.set(result);
            }
        });
        if (summaryValue().isClassifier()) {
            enqueue(() -> r.explain(sample.values(), -1), result -> {
                if (input.get() == sample) {
                    explanation.set(result);
                }
            });
        }
    }

    private void addEmbedding(EmbeddingProjected frame) {
        boolean following = embeddingIndex.get() >= embeddings.size() - 1;
        embeddings.add(frame);
        if (following) {
            embeddingIndex.set(embeddings.size() - 1);
        }
    }

    /** Queues {@code work}; {@code done} gets its result on the FX side while this run is still shown. */
    private <T> void enqueue(TaskQueue.Work<T> work, Consumer<T> done) {
        tasks.submit(work, done, this::failed);
    }

    private void failed(Throwable cause) {
        error.set(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        status.set("Something went wrong.");
    }

    private void clearRunState() {
        summary.set(null);
        input.set(null);
        inspection.set(null);
        explanation.set(null);
        weights.set(null);
        gallery.set(null);
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
        return s.projectName() + " · run " + s.runId() + (s.testCount() > 0 ? " · " + s.testCount() + " test samples"
                : "");
    }

    /** The classes of the training points of a 2-D dataset (empty otherwise). */
    public int[] planeLabels() {
        return planeLabels.clone();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
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
