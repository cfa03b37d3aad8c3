package org.layerloom.engine.compile;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.layerloom.engine.kernels.OneDnnBatch;
import org.layerloom.engine.train.GradientLock;

/**
 * Whether a network's own convolutions come out of oneDNN as they come out of libtorch's own kernels, so that its
 * training batches may run on oneDNN ({@link OneDnnBatch}) on a processor where oneDNN is wrong for other shapes.
 * Each Conv1D and Conv2D runs forward and backward with the network's own weights on random inputs of the shape a
 * training batch gives it, for each batch size the run uses, on both kernels: the output, the gradients of its
 * weights and bias, and the gradient of its input where the backward pass needs it must agree (forward within
 * 1e-4 and gradients within 1e-3 of their size, the kernel self-test's tolerances; NaN never agrees). The
 * gradients it leaves are zeroed. Takes the gradient turn; the training worker, before its first batch.
 */
public final class ConvolutionKernelCheck {

    static final double FORWARD_TOLERANCE = 1e-4;
    static final double GRADIENT_TOLERANCE = 1e-3;

    /** What the check found: whether every convolution agreed, and the first that did not. */
    public record Result(boolean agrees, String firstDifference) {
    }

    private ConvolutionKernelCheck() {
    }

    /**
     * Checks {@code block}'s convolutions for batches of {@code batchSize} and for the last, shorter batch of an
     * epoch of {@code examples}; empty when there is nothing to decide (no convolution, training on a GPU, or no
     * oneDNN batches on this processor: the kernel guard's choice stands).
     */
    public static Optional<Result> check(GraphBlock block, NDManager manager, int batchSize, long examples) {
        if (!OneDnnBatch.available() || !Device.Type.CPU.equals(manager.getDevice().getDeviceType())) {
            return Optional.empty();
        }
        return check(block, manager, batchSize, examples, OneDnnBatch::bothWays);
    }

    /** Runs a check on libtorch's own kernels and on oneDNN ({@link OneDnnBatch#bothWays}; a stand-in in tests). */
    interface TwoKernels {
        <T> Optional<List<T>> bothWays(Supplier<T> check);
    }

    static Optional<Result> check(GraphBlock block, NDManager manager, int batchSize, long examples,
                                  TwoKernels kernels) {
        if (block.getInputShapes() == null) {
            return Optional.empty();
        }
        Set<Long> sizes = new LinkedHashSet<>();
        sizes.add((long) Math.max(1, Math.min(batchSize, examples)));
        if (examples > batchSize && examples % batchSize != 0) {
            sizes.add(examples % batchSize);
        }
        Shape example = block.getInputShapes()[0].slice(1);
        List<GraphBlock.ConvolutionCall> calls = block.convolutionCalls(new Shape(1).addAll(example));
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        if (block.offOneDnn().isPresent()) {
            return Optional.of(new Result(false, block.offOneDnn().get()));
        }
        try (GradientLock.Turn turn = GradientLock.acquire(); NDManager scratch = manager.newSubManager()) {
            for (long size : sizes) {
                for (GraphBlock.ConvolutionCall call : block.convolutionCalls(new Shape(size).addAll(example))) {
                    Optional<String> difference = compare(call, scratch, kernels);
                    if (difference.isPresent()) {
                        return Optional.of(new Result(false, call.nodeId() + " on " + call.input() + ": "
                                + difference.get()));
                    }
                }
            }
        } finally {
            for (GraphBlock.ConvolutionCall call : calls) {
                zeroGradients(call);
            }
        }
        return Optional.of(new Result(true, null));
    }

    /** The training loop's gradients start at zero, whatever a failed check left. */
    private static void zeroGradients(GraphBlock.ConvolutionCall call) {
        for (Parameter parameter : call.block().getParameters().values()) {
            if (parameter.requiresGradient() && parameter.getArray() instanceof PtNDArray array) {
                JniUtils.zeroGrad(array);
            }
        }
    }

    private static Optional<String> compare(GraphBlock.ConvolutionCall call, NDManager manager,
                                            TwoKernels kernels) {
        Random random = new Random(call.input().size() * 31 + call.nodeId().hashCode());
        NDArray input = random(manager, call.input(), random);
        NDArray weights = random(manager, call.block().getOutputShapes(new Shape[] {call.input()})[0], random);
        Optional<List<List<float[]>>> results;
        try {
            results = kernels.bothWays(() -> run(call, input, weights, manager));
        } catch (RuntimeException e) {
            return Optional.of("the engine failed (" + e.getMessage() + ")");
        }
        if (results.isEmpty()) {
            return Optional.of("oneDNN could not be switched on");
        }
        List<float[]> plain = results.get().get(0);
        List<float[]> oneDnn = results.get().get(1);
        List<String> names = names(call);
        for (int k = 0; k < plain.size(); k++) {
            double tolerance = k == 0 ? FORWARD_TOLERANCE : GRADIENT_TOLERANCE;
            double error = relativeError(oneDnn.get(k), plain.get(k), k == 0);
            if (Double.isNaN(error)) {
                return Optional.of(names.get(k) + " is not a number on oneDNN");
            }
            if (!(error <= tolerance)) {
                return Optional.of(names.get(k) + " differs by " + String.format(java.util.Locale.ROOT, "%.3g", error)
                        + " of its size on oneDNN");
            }
        }
        return Optional.empty();
    }

    /** Output, then each trainable parameter's gradient, then the input's where needed; gradients zeroed after. */
    private static List<float[]> run(GraphBlock.ConvolutionCall call, NDArray input, NDArray weights,
                                     NDManager manager) {
        List<float[]> values = new ArrayList<>();
        try (NDManager scope = manager.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray x = input.duplicate();
            x.attach(scope);
            if (call.inputGradient()) {
                x.setRequiresGradient(true);
            }
            NDArray output = call.block().forward(new ParameterStore(scope, false), new NDList(x), true)
                    .singletonOrThrow();
            collector.backward(output.mul(weights).sum());
            values.add(output.toFloatArray());
            for (Parameter parameter : call.block().getParameters().values()) {
                if (parameter.requiresGradient()) {
                    try (NDArray gradient = parameter.getArray().getGradient()) {
                        values.add(gradient.toFloatArray());
                    }
                }
            }
            zeroGradients(call);
            if (call.inputGradient()) {
                values.add(x.getGradient().toFloatArray());
            }
        }
        return values;
    }

    private static List<String> names(GraphBlock.ConvolutionCall call) {
        List<String> names = new ArrayList<>();
        names.add("the output");
        call.block().getParameters().forEach(pair -> {
            if (pair.getValue().requiresGradient()) {
                names.add("the gradient of " + pair.getKey());
            }
        });
        names.add("the gradient of the input");
        return names;
    }

    /** max |a − b| relative to max(1, max |b|) for values, to max |b| for gradients; NaN if either has one. */
    private static double relativeError(float[] actual, float[] reference, boolean values) {
        double largest = 0;
        double scale = values ? 1 : 1e-6;
        for (int i = 0; i < reference.length; i++) {
            double difference = Math.abs((double) actual[i] - reference[i]);
            if (Double.isNaN(difference) || Double.isInfinite(difference)) {
                return Double.NaN;
            }
            largest = Math.max(largest, difference);
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return actual.length == reference.length ? largest / scale : Double.NaN;
    }

    private static NDArray random(NDManager manager, Shape shape, Random random) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }
}
