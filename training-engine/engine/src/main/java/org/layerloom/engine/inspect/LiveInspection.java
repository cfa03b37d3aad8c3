package org.layerloom.engine.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.data.ClassLabels;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.inspect.health.HealthProbe;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.EmbeddingProjection;
import org.layerloom.engine.train.event.PlaneBounds;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Everything a training run inspects while it learns, as the job's {@link InspectionSettings} ask: the
 * {@link HealthProbe} (statistics and previews), the decision map of a network with 2-D inputs at each
 * capture (with the maps of every unit of its first two hidden Dense layers of up to 64 units), and the embedding projection of a fixed test sample after each epoch. The fit loop calls it
 * in the order {@link #afterBackward}, {@link #afterStep}, {@link #capture} on capture steps and
 * {@link #epochEnded} after each epoch; on other steps it costs one {@link #due} check.
 *
 * <p>Life-cycle and thread: made by the training run on the training worker and used only there; it
 * holds no engine arrays of its own (the probe batch belongs to the run).
 */
public final class LiveInspection {

    private static final long SAMPLE_SEED = 7;
    private static final int UNIT_LAYERS = 2;
    private static final int UNIT_LIMIT = 64;

    private final InspectionSettings settings;
    private final HealthProbe health;
    private final InspectedModel model;
    private final PlaneBounds bounds;
    private final float[][] embeddingExamples;
    private final int[] embeddingLabels;
    private final int[] embeddingIndices;
    private final List<String> unitNodes;

    private LiveInspection(InspectionSettings settings, HealthProbe health, InspectedModel model, PlaneBounds bounds,
                           float[][] embeddingExamples, int[] embeddingLabels, int[] embeddingIndices) {
        this.unitNodes = bounds == null ? List.of() : firstHiddenLayers(model);
        this.settings = settings;
        this.health = health;
        this.model = model;
        this.bounds = bounds;
        this.embeddingExamples = embeddingExamples;
        this.embeddingLabels = embeddingLabels;
        this.embeddingIndices = embeddingIndices;
    }

    /**
     * @param block   the initialised network being trained
     * @param graph   the graph it was compiled from
     * @param probe   the fixed probe inputs (owned by the caller)
     * @param manager the training's manager
     * @param dataset the run's dataset (its training split bounds the decision map, its test split is sampled)
     */
    public static LiveInspection create(GraphBlock block, NetworkGraph graph, InspectionSettings settings,
                                        NDArray probe, NDManager manager, Dataset dataset) {
        HealthProbe health = new HealthProbe(block, graph, settings, probe, manager);
        InspectedModel model = InspectedModel.live(block, graph, manager);
        PlaneBounds bounds = null;
        boolean plane = model.exampleShape().rank() == 1 && model.exampleShape().dim(0) == 2 && !model.readsTokens();
        if (settings.decisionResolution() > 0 && plane && dataset.train().size() > 0) {
            bounds = PlaneBounds.around(InspectedModel.rows(dataset.train(), range(dataset.train().size())), 0.1);
        }
        Examples test = dataset.test().isEmpty() ? dataset.validation() : dataset.test();
        float[][] examples = null;
        int[] labels = null;
        int[] indices = null;
        if (settings.embeddingSamples() > 0 && model.classCount() > 0 && test.size() >= 2
                && test.labels() instanceof ClassLabels classes) {
            indices = EmbeddingProjector.sample(test.size(), settings.embeddingSamples(), SAMPLE_SEED);
            examples = InspectedModel.rows(test, indices);
            labels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                labels[i] = classes.get(indices[i]);
            }
        }
        return new LiveInspection(settings, health, model, bounds, examples, labels, indices);
    }

    public InspectionSettings settings() {
        return settings;
    }

    /** Whether the step ending this batch is captured. */
    public boolean due(int batch, int batchesPerEpoch, long step) {
        return settings.due(batch, batchesPerEpoch, step);
    }

    /** See {@link HealthProbe#afterBackward}. */
    public void afterBackward(NDManager scope) {
        health.afterBackward(scope);
    }

    /** See {@link HealthProbe#afterStep}. */
    public void afterStep(NDManager scope) {
        health.afterStep(scope);
    }

    /** The events of a capture step: health, previews when asked for, the decision map for 2-D inputs. */
    public List<TrainingEvent> capture(int epoch, int batch, long step, NDManager scope) {
        List<TrainingEvent> events = new ArrayList<>(health.capture(epoch, batch, step, scope));
        if (bounds != null) {
            events.add(new DecisionMapCaptured(epoch, batch, step,
                    new DecisionBoundary(model).map(bounds, settings.decisionResolution(), unitNodes)));
        }
        return events;
    }

    /** The events after epoch {@code epoch}: the embedding projection, when asked for. */
    public List<TrainingEvent> epochEnded(int epoch) {
        if (embeddingExamples == null) {
            return List.of();
        }
        EmbeddingProjection p = new EmbeddingProjector(model).project(embeddingExamples, embeddingLabels,
                embeddingExamples.length, SAMPLE_SEED);
        // The projector numbers the sample's points; the event numbers them in the test split.
        return List.of(new EmbeddingProjected(epoch, new EmbeddingProjection(p.nodeId(), p.coordinates(), p.labels(),
                embeddingIndices, p.explainedVariance())));
    }

    /**
     * Up to {@value #UNIT_LAYERS} Dense nodes before the one feeding the Output, with at most
     * {@value #UNIT_LIMIT} units each: the first hidden layers whose neurons the decision view maps, live and
     * for a saved run alike.
     */
    public static List<String> firstHiddenLayers(InspectedModel model) {
        String scores = model.sourceOf(model.block().outputNodeId());
        List<String> hidden = new ArrayList<>();
        for (String id : model.nodesOfKind(org.layerloom.engine.graph.LayerKind.DENSE)) {
            if (!id.equals(scores) && hidden.size() < UNIT_LAYERS
                    && model.node(id).params().intValue("units") <= UNIT_LIMIT) {
                hidden.add(id);
            }
        }
        return hidden;
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }
}
