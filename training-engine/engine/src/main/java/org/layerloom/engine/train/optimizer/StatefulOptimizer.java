package org.layerloom.engine.train.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A DJL optimizer whose state (per parameter: the number of updates and the moment arrays) can be
 * written to a stream and read back, so that a stopped run goes on exactly where it was. DJL's own
 * optimizers keep that state private.
 *
 * <p>Each subclass is one update rule with PyTorch's semantics. Updates are in place: the gradient
 * passed to {@link #update} is used as scratch space and the parameter's gradient is zeroed afterwards
 * (as DJL's PyTorch optimizers do), so call {@code update} once per parameter per step, after the
 * backward pass. State is keyed by the {@code parameterId} given to {@code update}; the training loop
 * passes the parameter's name in the block, which is the same when the graph is compiled again, so
 * saved state fits a new run. Scalars (hyper-parameters, per-step factors) are kept as 0-d arrays in a
 * small cache instead of being created for every operation.
 *
 * <p>Optionally ({@link #averageWeights}) it also keeps an exponential moving average of every weight
 * (Polyak averaging), updated after each step with the decay {@code min(decay, (1+t)/(10+t))} at the
 * parameter's t-th update, so that the first steps do not stay in the average for long. The average is
 * saved with the rest of the state; the weights themselves are updated exactly as without it.
 *
 * <p>Life-cycle and thread: made for one run and used on its training worker thread only. The state
 * lives in a child of the first parameter's {@code NDManager}, so it is freed with the model at the
 * latest; {@link #close()} frees it earlier.
 */
public abstract class StatefulOptimizer extends Optimizer implements AutoCloseable {

    private static final String FORMAT = "LayerLoom optimizer state";
    private static final int VERSION = 1;
    private static final int SCALAR_CACHE = 32;
    /** Step numbers a float32 holds exactly, each one more than the last. */
    private static final long EXACT_FLOAT_STEPS = 1L << 24;

    private final String kind;
    private final Tracker learningRate;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<Float, NDArray> scalars = new LinkedHashMap<>(SCALAR_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Float, NDArray> eldest) {
            if (size() > SCALAR_CACHE) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private NDManager manager;
    private double averageDecay;
    /**
     * A 0-d array holding {@link #countedStep} (float32, int64 from 2^24 steps on), for kernels that read the step
     * number from an array.
     */
    private NDArray stepCount;
    private long countedStep;

    /**
     * @param kind        the name written into saved state (e.g. "adam"); state of another kind is refused
     * @param learningRate asked for the rate at every update
     * @param weightDecay the L2 penalty (decoupled for AdamW), 0 for none
     */
    protected StatefulOptimizer(String kind, Tracker learningRate, float weightDecay) {
        super(new Options().optWeightDecays(requireFinite(weightDecay, "weight decay")));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.learningRate = Objects.requireNonNull(learningRate, "learningRate");
    }

    /** The state arrays one parameter needs (e.g. 2 for Adam's moments), each shaped like the parameter. */
    protected abstract int stateArrays();

    /**
     * The names of the state arrays, one per {@link #stateArrays()} in their order, as a student reads them in
     * the update rule (e.g. {@code m} and {@code v}).
     */
    protected abstract java.util.List<String> stateNames();

    /** The rule's settings by name (e.g. {@code momentum}, {@code beta1}, {@code epsilon}), for explaining a step. */
    public abstract Map<String, Double> hyperParameters();

    /** The kind written into saved state, e.g. {@code "adam"}. */
    public final String kind() {
        return kind;
    }

    /**
     * A copy of the state of one element ({@code flatIndex} in row-major order) of {@code parameterId}: its
     * update count and each state value by {@link #stateNames() name}; zeros before its first update. Reads a
     * few numbers back from the engine: for explaining a step, not for every batch. Worker thread only.
     */
    public OptimizerState stateOf(String parameterId, long flatIndex) {
        Slot slot = slots.get(parameterId);
        java.util.List<String> names = stateNames();
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            values.put(names.get(k), slot == null ? 0.0 : element(slot.state[k], flatIndex));
        }
        return new OptimizerState(slot == null ? 0 : slot.steps, values);
    }

    /** The value at {@code flatIndex} of {@code array} flattened in row-major order. */
    public static double element(NDArray array, long flatIndex) {
        try (NDArray flat = array.reshape(-1); NDArray one = flat.get(flatIndex)) {
            return one.getFloat();
        }
    }

    /**
     * Applies one update to {@code weight} in place.
     *
     * @param grad  the gradient, which may be overwritten
     * @param state this parameter's state arrays, updated in place
     * @param step  the 1-based number of this update of this parameter
     * @param rate  the learning rate of this step
     */
    protected abstract void apply(NDArray weight, NDArray grad, NDArray[] state, long step, float rate);

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        Slot slot = slotFor(parameterId, weight);
        slot.steps++;
        float rate = rateOf(parameterId, slot.steps);
        withoutRecording(() -> {
            rescale(grad);
            apply(weight, grad, slot.state, slot.steps, rate);
            finish(slot, weight);
        });
    }

    /**
     * One step of every parameter: the same as {@link #update} for each {@code i} in turn, but a rule may update
     * them all at once ({@link #applyAll}) where they share the step number and learning rate, as the
     * parameters of one network do. The arrays are those {@code update} takes, index by index.
     */
    public final void updateAll(String[] parameterIds, NDArray[] weights, NDArray[] grads) {
        int n = parameterIds.length;
        if (weights.length != n || grads.length != n) {
            throw new IllegalArgumentException("one weight and one gradient per parameter");
        }
        Slot[] batch = new Slot[n];
        NDArray[][] states = new NDArray[n][];
        float rate = Float.NaN;
        boolean shared = true;
        for (int i = 0; i < n; i++) {
            batch[i] = slotFor(parameterIds[i], weights[i]);
            states[i] = batch[i].state;
            float own = rateOf(parameterIds[i], batch[i].steps + 1);
            shared &= i == 0 || batch[i].steps == batch[0].steps && own == rate;
            rate = own;
        }
        if (n == 0 || !shared) {
            for (int i = 0; i < n; i++) {
                update(parameterIds[i], weights[i], grads[i]);
            }
            return;
        }
        float sharedRate = rate;
        withoutRecording(() -> {
            for (NDArray grad : grads) {
                rescale(grad);
            }
            long step = batch[0].steps + 1;
            boolean together = applyAll(weights, grads, states, step, sharedRate);
            for (int i = 0; i < n; i++) {
                batch[i].steps = step;
                if (!together) {
                    apply(weights[i], grads[i], states[i], step, sharedRate);
                }
                finish(batch[i], weights[i]);
            }
        });
    }

    /** Runs {@code update} with this thread's gradient recording off: in-place changes of parameters are not graph. */
    private static void withoutRecording(Runnable update) {
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            update.run();
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /**
     * Updates all parameters of a step at once where the rule can ({@code apply} for each otherwise): the same
     * values as {@link #apply} up to float rounding. Called with gradient recording off.
     *
     * @return false, having changed nothing, when it cannot; the default cannot
     */
    protected boolean applyAll(NDArray[] weights, NDArray[] grads, NDArray[][] states, long step, float rate) {
        return false;
    }

    /** This parameter's slot, made (zero state) on its first update; a slot of another shape is refused. */
    private Slot slotFor(String parameterId, NDArray weight) {
        Slot slot = slots.get(parameterId);
        if (slot == null) {
            slot = new Slot(newState(weight));
            if (averagesWeights()) {
                slot.state[stateArrays()].addi(weight);
            }
            slots.put(parameterId, slot);
        } else if (slot.state.length > 0 && !slot.state[0].getShape().equals(weight.getShape())) {
            throw new IllegalStateException("the optimizer state of " + parameterId + " has shape "
                    + slot.state[0].getShape() + ", but the parameter has shape " + weight.getShape());
        }
        return slot;
    }

    /** The learning rate of {@code parameterId}'s {@code step}-th update, which must be a number. */
    private float rateOf(String parameterId, long step) {
        float rate = learningRate.getNewValue(parameterId, (int) Math.min(Integer.MAX_VALUE, step));
        if (!Float.isFinite(rate)) {
            throw new IllegalArgumentException("the learning rate is not a finite number: " + rate);
        }
        return rate;
    }

    private void rescale(NDArray grad) {
        if (rescaleGrad != 1f) {
            grad.muli(scalar(rescaleGrad));
        }
    }

    /** After an update: the gradient zeroed for the next backward pass, and the weight average moved. */
    private void finish(Slot slot, NDArray weight) {
        zeroGradient(weight);
        if (averagesWeights()) {
            updateAverage(slot.state[stateArrays()], weight, slot.steps);
        }
    }

    /**
     * Also keeps a moving average of the weights with {@code decay} (0 = none, the default). Call before
     * the first update; a saved state only loads into an optimizer that averages (or not) the same way.
     */
    public StatefulOptimizer averageWeights(double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the weight average's decay must lie in [0, 1), not " + decay);
        }
        if (!slots.isEmpty()) {
            throw new IllegalStateException("the weight average must be chosen before the first update");
        }
        this.averageDecay = decay;
        return this;
    }

    /** Whether this optimizer keeps a moving average of the weights. */
    public boolean averagesWeights() {
        return averageDecay > 0;
    }

    /**
     * The moving average of {@code parameterId}'s weights, owned by this optimizer (do not close it), or
     * null when there is none (no averaging, or no update yet).
     */
    public NDArray averagedWeights(String parameterId) {
        Slot slot = slots.get(parameterId);
        return slot == null || !averagesWeights() ? null : slot.state[stateArrays()];
    }

    /** The number of updates of {@code parameterId} so far (0 if none). */
    public long steps(String parameterId) {
        Slot slot = slots.get(parameterId);
        return slot == null ? 0 : slot.steps;
    }

    /** A 0-d array holding {@code value}, on the parameters' device; owned by this optimizer, do not close it. */
    protected final NDArray scalar(float value) {
        NDArray cached = scalars.get(value);
        if (cached == null) {
            cached = manager.create(value);
            scalars.put(value, cached);
        }
        return cached;
    }

    /**
     * A 0-d float32 array holding {@code step}, on the parameters' device; owned by this optimizer, do not close or
     * change it. Kept from step to step: the next step adds one to it in place, where a new array would be copied
     * from a Java buffer. Call with gradient recording off.
     */
    protected final NDArray stepCount(long step) {
        if (step >= EXACT_FLOAT_STEPS) {
            // Past 2^24 a float32 no longer counts by one: a new int64 array every step.
            if (stepCount != null) {
                stepCount.close();
            }
            stepCount = manager.create(step);
        } else if (stepCount != null && countedStep == step - 1) {
            stepCount.addi(scalar(1f));
        } else if (stepCount == null || countedStep != step) {
            if (stepCount != null) {
                stepCount.close();
            }
            stepCount = manager.create((float) step);
        }
        countedStep = step;
        return stepCount;
    }

    /** {@code average −= (1 − d)·(average − weight)}, with d warming up to the decay over the first steps. */
    private void updateAverage(NDArray average, NDArray weight, long step) {
        double decay = Math.min(averageDecay, (1.0 + step) / (10.0 + step));
        try (NDArray difference = average.sub(weight)) {
            difference.muli(scalar((float) (1 - decay)));
            average.subi(difference);
        }
    }

    /** {@code grad += weightDecay · weight} (coupled L2 weight decay); nothing when the decay is 0. */
    protected final void addWeightDecay(NDArray weight, NDArray grad) {
        float decay = getWeightDecay();
        if (decay != 0f) {
            try (NDArray penalty = weight.mul(scalar(decay))) {
                grad.addi(penalty);
            }
        }
    }

    /** The weight decay this optimizer was made with. */
    protected final float weightDecay() {
        return getWeightDecay();
    }

    /** Writes every parameter's update count and state arrays. */
    public void saveState(DataOutputStream out) throws IOException {
        out.writeUTF(FORMAT);
        out.writeInt(VERSION);
        out.writeUTF(kind);
        out.writeInt(totalArrays());
        out.writeInt(slots.size());
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeLong(entry.getValue().steps);
            for (NDArray array : entry.getValue().state) {
                byte[] bytes = array.encode();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    /**
     * Replaces the state with what {@link #saveState} wrote, checking that it is this kind of optimizer
     * and that every array fits its parameter.
     *
     * @param parent   the manager whose child will own the state (the model's)
     * @param expected the shape of every parameter, by the id {@code update} will be called with
     * @throws IOException when the state is damaged or belongs to another optimizer or network
     */
    public void loadState(DataInputStream in, NDManager parent, Map<String, Shape> expected) throws IOException {
        if (!FORMAT.equals(in.readUTF()) || in.readInt() != VERSION) {
            throw new IOException("it is not an optimizer state LayerLoom can read");
        }
        String savedKind = in.readUTF();
        if (!kind.equals(savedKind)) {
            throw new IOException("it belongs to the optimizer " + savedKind + ", not " + kind);
        }
        int arrays = in.readInt();
        if (arrays != totalArrays()) {
            throw new IOException("it holds " + arrays + " arrays per parameter instead of " + totalArrays()
                    + (arrays == stateArrays() + 1 || totalArrays() == arrays + 1
                            ? " (one run averages the weights and the other does not)" : ""));
        }
        int count = in.readInt();
        if (count < 0 || count > expected.size()) {
            throw new IOException("it holds state for " + count + " parameters, but the network has "
                    + expected.size());
        }
        requireManager(parent);
        Map<String, Slot> loaded = new LinkedHashMap<>();
        try (NDManager staging = manager.newSubManager()) {
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                long steps = in.readLong();
                Shape shape = expected.get(id);
                if (shape == null || steps < 0) {
                    throw new IOException("it names a parameter the network does not have: " + id);
                }
                NDArray[] state = new NDArray[arrays];
                for (int k = 0; k < arrays; k++) {
                    int length = in.readInt();
                    if (length < 0 || length > 1 << 30) {
                        throw new IOException("it is damaged (an array of " + length + " bytes)");
                    }
                    byte[] bytes = in.readNBytes(length);
                    if (bytes.length != length) {
                        throw new IOException("it ends too early");
                    }
                    state[k] = staging.decode(bytes);
                    if (!state[k].getShape().equals(shape)) {
                        throw new IOException("the state of " + id + " has shape " + state[k].getShape()
                                + ", but the parameter has shape " + shape);
                    }
                }
                loaded.put(id, new Slot(state, steps));
            }
            for (Slot slot : loaded.values()) {
                for (NDArray array : slot.state) {
                    array.attach(manager);
                }
            }
        }
        for (Slot slot : slots.values()) {
            slot.close();
        }
        slots.clear();
        slots.putAll(loaded);
    }

    /** Frees the state and the cached scalars; the optimizer must not be used afterwards. */
    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
        slots.clear();
        scalars.clear();
        stepCount = null;
    }

    private NDArray[] newState(NDArray weight) {
        requireManager(weight.getManager());
        NDArray[] state = new NDArray[totalArrays()];
        for (int i = 0; i < state.length; i++) {
            state[i] = manager.zeros(weight.getShape(), weight.getDataType());
        }
        return state;
    }

    /** The state arrays per parameter: the rule's own, and the weight average when there is one. */
    private int totalArrays() {
        return stateArrays() + (averagesWeights() ? 1 : 0);
    }

    private void requireManager(NDManager parent) {
        if (manager == null || !manager.isOpen()) {
            manager = parent.newSubManager();
            scalars.clear();
            stepCount = null;
        }
    }

    /** Zeroes the parameter's own gradient, ready for the next backward pass. */
    private static void zeroGradient(NDArray weight) {
        if (weight instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
            return;
        }
        try (NDArray live = weight.getGradient()) {
            live.subi(live);
        }
    }

    private static float requireFinite(float value, String what) {
        if (!Float.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("the " + what + " must be a finite number >= 0, not " + value);
        }
        return value;
    }

    /** Checks a decay factor such as beta1 or rho. */
    static float requireUnit(double value, String what) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must lie in [0, 1), not " + value);
        }
        return (float) value;
    }

    /** Checks epsilon. */
    static float requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a positive number, not " + value);
        }
        return (float) value;
    }

    /** One parameter's update count and state arrays. */
    private static final class Slot {
        final NDArray[] state;
        long steps;

        Slot(NDArray[] state) {
            this(state, 0);
        }

        Slot(NDArray[] state, long steps) {
            this.state = state;
            this.steps = steps;
        }

        void close() {
            for (NDArray array : state) {
                array.close();
            }
        }
    }

    /** DJL's optimizer constructor needs a builder; only the weight decay is taken from it. */
    private static final class Options extends OptimizerBuilder<Options> {
        @Override
        protected Options self() {
            return this;
        }
    }
}
