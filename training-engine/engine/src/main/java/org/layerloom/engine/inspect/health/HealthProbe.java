package org.layerloom.engine.inspect.health;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.inspect.ArrayStats;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.TrainingEvent;
import org.layerloom.engine.train.event.WeightHistogram;

/**
 * Captures training health on the worker, at the steps {@link InspectionSettings#due} picks: after the
 * backward pass each node's gradient norm (before clipping) and a copy of its parameters, after the
 * optimizer step the update-to-parameter ratio, then a forward pass of the fixed probe batch (inference
 * mode, no gradients) for activation statistics, weight histograms and thumbnails, all copied to plain
 * arrays. Per capture it reads each parameter and probe activation once; nothing is done on other steps.
 *
 * <p>Life-cycle and thread: made by the training run with the probe batch (which the run owns and
 * closes), then called by the fit loop on the training worker in the order {@link #afterBackward},
 * {@link #afterStep}, {@link #capture}. Temporaries go to the scope the caller passes.
 */
public final class HealthProbe {

    private final GraphBlock block;
    private final InspectionSettings settings;
    private final NDArray probe;
    private final ParameterStore store;
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, String> activations = new HashMap<>();
    private final Map<String, Parameter[]> parameters = new LinkedHashMap<>();
    private final Map<String, Double> gradientNorms = new HashMap<>();
    private final Map<String, Double> updateRatios = new HashMap<>();
    private final Map<String, Double> weightNorms = new HashMap<>();
    private NDArray[] before;
    private long stepNanos;

    /**
     * @param block    the initialised network being trained
     * @param graph    the graph it was compiled from
     * @param probe    the fixed probe inputs (B, …), on the training device
     * @param manager  the training's manager (the probe's parameter store reads the live parameters)
     */
    public HealthProbe(GraphBlock block, NetworkGraph graph, InspectionSettings settings, NDArray probe,
                       NDManager manager) {
        this.block = block;
        this.settings = settings;
        this.probe = probe;
        this.store = new ParameterStore(manager, false);
        for (String id : block.nodeIds()) {
            Node node = graph.node(id).orElseThrow();
            kinds.put(id, node.kind().id());
            activations.put(id, activationOf(node));
            if (id.equals(block.inputNodeId())) {
                continue;
            }
            List<Parameter> trainable = new ArrayList<>();
            block.nodeBlock(id).ifPresent(b -> {
                for (Pair<String, Parameter> pair : b.getParameters()) {
                    if (pair.getValue().requiresGradient()) {
                        trainable.add(pair.getValue());
                    }
                }
            });
            if (!trainable.isEmpty()) {
                parameters.put(id, trainable.toArray(Parameter[]::new));
            }
        }
    }

    /** The activation function after the node: "relu", "sigmoid", "tanh", … or "none". */
    static String activationOf(Node node) {
        return switch (node.kind()) {
            case RELU -> "relu";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case LEAKY_RELU -> "leaky_relu";
            case ELU -> "elu";
            case GELU -> "gelu";
            case SOFTMAX -> "softmax";
            default -> node.params().has("activation") ? node.params().choice("activation") : "none";
        };
    }

    public InspectionSettings settings() {
        return settings;
    }

    /** Records gradient norms and keeps a copy of every parameter; call after the backward pass, before the step. */
    public void afterBackward(NDManager scope) {
        long start = System.nanoTime();
        List<NDArray> squares = new ArrayList<>();
        List<NDArray> copies = new ArrayList<>();
        for (Parameter[] group : parameters.values()) {
            NDArray sum = null;
            for (Parameter p : group) {
                NDArray weight = p.getArray();
                NDArray gradient = weight.getGradient();
                gradient.attach(scope);
                NDArray square = gradient.square().sum();
                sum = sum == null ? square : sum.add(square);
                NDArray copy = weight.duplicate();
                copy.attach(scope);
                copies.add(copy);
            }
            squares.add(sum);
        }
        before = copies.toArray(NDArray[]::new);
        float[] values = squares.isEmpty() ? new float[0] : NDArrays.stack(new NDList(squares)).toFloatArray();
        int i = 0;
        gradientNorms.clear();
        for (String id : parameters.keySet()) {
            gradientNorms.put(id, Math.sqrt(values[i++]));
        }
        stepNanos = System.nanoTime() - start;
    }

    /** Measures ‖Δw‖ / ‖w‖ per node against the copies from {@link #afterBackward}; call after the step. */
    public void afterStep(NDManager scope) {
        if (before == null) {
            throw new IllegalStateException("afterBackward was not called for this step");
        }
        long start = System.nanoTime();
        List<NDArray> sums = new ArrayList<>();
        int k = 0;
        for (Parameter[] group : parameters.values()) {
            NDArray update = null;
            NDArray weight = null;
            for (Parameter p : group) {
                NDArray old = before[k++];
                NDArray u = old.sub(p.getArray()).square().sum(); // on old's manager, the scope
                NDArray w = old.square().sum();
                update = update == null ? u : update.add(u);
                weight = weight == null ? w : weight.add(w);
            }
            sums.add(update);
            sums.add(weight);
        }
        float[] values = sums.isEmpty() ? new float[0] : NDArrays.stack(new NDList(sums)).toFloatArray();
        int i = 0;
        updateRatios.clear();
        weightNorms.clear();
        for (String id : parameters.keySet()) {
            double update = Math.sqrt(values[i++]);
            double weight = Math.sqrt(values[i++]);
            updateRatios.put(id, weight > 0 ? update / weight : Double.NaN);
            weightNorms.put(id, weight);
        }
        before = null;
        stepNanos += System.nanoTime() - start;
    }

    /** Runs the probe batch and builds the events of this capture (health, then thumbnails when asked for). */
    public List<TrainingEvent> capture(int epoch, int batch, long step, NDManager scope) {
        long start = System.nanoTime();
        Map<String, NDArray> sink = new LinkedHashMap<>();
        try (NDManager probeScope = scope.newSubManager()) {
            NDArray input = probe.duplicate();
            input.attach(probeScope);
            block.forwardCapturing(store, new NDList(input), false, new LinkedHashSet<>(block.nodeIds()), sink);
            List<LayerHealth> layers = new ArrayList<>();
            List<NodeActivation> thumbnails = new ArrayList<>();
            for (Map.Entry<String, NDArray> entry : sink.entrySet()) {
                String id = entry.getKey();
                NDArray out = entry.getValue();
                int[] shape = dims(out);
                float[] values = out.getDataType() == ai.djl.ndarray.types.DataType.FLOAT32 ? out.toFloatArray()
                        : out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                if (settings.thumbnails()) {
                    int perExample = values.length / Math.max(1, shape[0]);
                    thumbnails.add(Thumbnails.of(id, java.util.Arrays.copyOfRange(shape, 1, shape.length),
                            java.util.Arrays.copyOf(values, perExample)));
                }
                if (id.equals(block.inputNodeId())) {
                    continue;
                }
                layers.add(health(id, shape, values));
            }
            List<TrainingEvent> events = new ArrayList<>();
            double millis = (stepNanos + System.nanoTime() - start) / 1e6;
            stepNanos = 0;
            events.add(new LayerHealthCaptured(epoch, batch, step, layers, millis));
            if (settings.thumbnails()) {
                events.add(new ActivationsCaptured(epoch, batch, step, thumbnails));
            }
            return events;
        }
    }

    private LayerHealth health(String id, int[] shape, float[] values) {
        ArrayStats stats = ArrayStats.of(values);
        String activation = activations.get(id);
        double dead = activation.equals("relu") ? ActivationHealth.deadFraction(shape, values) : Double.NaN;
        double saturated = ActivationHealth.saturatedFraction(activation, values);
        Parameter[] group = parameters.get(id);
        WeightHistogram histogram = WeightHistogram.EMPTY;
        if (group != null) {
            histogram = WeightHistogram.of(concat(group), settings.histogramBins());
        }
        return new LayerHealth(id, kinds.get(id), activation, stats.mean(), stats.std(), stats.zeroFraction(), dead,
                saturated, gradientNorms.getOrDefault(id, Double.NaN), weightNorms.getOrDefault(id, Double.NaN),
                updateRatios.getOrDefault(id, Double.NaN), histogram);
    }

    private static float[] concat(Parameter[] group) {
        if (group.length == 1) {
            return group[0].getArray().toFloatArray();
        }
        float[][] parts = new float[group.length][];
        int total = 0;
        for (int i = 0; i < group.length; i++) {
            parts[i] = group[i].getArray().toFloatArray();
            total += parts[i].length;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static int[] dims(NDArray array) {
        long[] s = array.getShape().getShape();
        int[] dims = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            dims[i] = (int) s[i];
        }
        return dims;
    }
}
