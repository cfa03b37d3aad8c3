package org.layerloom.engine.compile;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.Random;
import org.layerloom.engine.kernels.LibtorchLibrary;

/**
 * libtorch's own {@code cross_entropy_loss} with mean reduction ({@code torch.nn.functional.cross_entropy}),
 * which DJL does not expose: one call from Java for {@code log_softmax} and {@code nll_loss}, and two autograd
 * nodes for the backward pass, as PyTorch records them. Built from DJL's operations the same loss took five
 * calls (reshape, log_softmax, gather, sum, a division by a scalar DJL first copies into a new array) and
 * four autograd nodes; on the MLP benchmark each native call costs a few microseconds of a 600 µs batch.
 *
 * <p>It is reached through JNA by the operator's C++ name in the loaded libtorch, as the fused Adam is; only
 * x86-64 Linux is used, whose calling convention the argument layout below follows (the result, an
 * {@code at::Tensor}, and the {@code SymInt} ignore index go by hidden pointers). A C++ error cannot pass back
 * through JNA, so {@link #mean} checks what the operator would check and refuses otherwise, the class numbers
 * included. {@link #find()} compares value and gradient with the same loss built from DJL's operations before
 * it offers the kernel. Any thread; it holds no state.
 */
final class CrossEntropyKernel {

    private static final String CROSS_ENTROPY =
            "_ZN2at4_ops18cross_entropy_loss4callERKNS_6TensorES4_RKSt8optionalIS2_ElN3c106SymIntEd";
    /** C++'s {@code operator new(size_t)}: the result must live where DJL's {@code delete} can free it. */
    private static final String NEW = "_Znwm";
    /** {@code at::Reduction::Mean}. */
    private static final long MEAN = 1;
    private static final long IGNORE_INDEX = -100;
    private static final double TOLERANCE = 1e-6;

    private final Function crossEntropy;
    private final Function allocate;
    /** An empty {@code std::optional<at::Tensor>} (no class weights): a null tensor pointer and a false flag. */
    private final Memory noWeights;
    /** The ignore index as the {@code c10::SymInt} the operator takes by reference: its one word is the value. */
    private final Memory ignoreIndex;

    private CrossEntropyKernel(Function crossEntropy, Function allocate) {
        this.crossEntropy = crossEntropy;
        this.allocate = allocate;
        this.noWeights = new Memory(16);
        noWeights.clear();
        this.ignoreIndex = new Memory(8);
        ignoreIndex.setLong(0, IGNORE_INDEX);
    }

    /** The kernel of the loaded libtorch (load the engine first), once per process; empty where it cannot be used. */
    static Optional<CrossEntropyKernel> find() {
        return Holder.KERNEL;
    }

    private static final class Holder {
        static final Optional<CrossEntropyKernel> KERNEL = locate();
    }

    private static Optional<CrossEntropyKernel> locate() {
        // dlsym on libtorch's handle also searches the libraries it was linked with, so this is the operator new of
        // the libstdc++ that libtorch and DJL's JNI library share.
        return LibtorchLibrary.caller("torch_cpu", "layerloom.noNativeLoss",
                torch -> new CrossEntropyKernel(torch.getFunction(CROSS_ENTROPY), torch.getFunction(NEW)),
                CrossEntropyKernel::agreesWithTheOperations);
    }

    /**
     * {@code −Σ log_softmax(scores)[row, classes[row]] / rows}, recorded for the backward pass when gradients are.
     *
     * @param scores  float32 CPU scores, (rows, classes), rows ≥ 1
     * @param classes int64 class numbers, (rows), each in [0, classes)
     * @return the loss, a scalar in {@code scores}' manager; empty, having run nothing, when the arrays do not fit
     */
    Optional<NDArray> mean(NDArray scores, NDArray classes) {
        if (!fits(scores, classes)) {
            return Optional.empty();
        }
        Pointer result = allocate.invokePointer(new Object[] {8L});
        // (hidden result pointer, self, target, weight, reduction, ignore_index, label_smoothing)
        crossEntropy.invokeVoid(new Object[] {result, handle(scores), handle(classes), noWeights, MEAN, ignoreIndex,
                0.0});
        return Optional.of(new PtNDArray((PtNDManager) scores.getManager(), Pointer.nativeValue(result)));
    }

    private static boolean fits(NDArray scores, NDArray classes) {
        if (!(scores instanceof PtNDArray && classes instanceof PtNDArray
                && scores.getManager() instanceof PtNDManager)) {
            return false;
        }
        Shape shape = scores.getShape();
        Shape labelShape = classes.getShape();
        if (shape.dimension() != 2 || labelShape.dimension() != 1 || shape.get(0) < 1 || shape.get(1) < 1
                || labelShape.get(0) != shape.get(0) || scores.getDataType() != DataType.FLOAT32
                || classes.getDataType() != DataType.INT64 || scores.isSparse() || classes.isSparse()
                || !onCpu(scores) || !onCpu(classes)) {
            return false;
        }
        long count = shape.get(1);
        for (long label : classes.toLongArray()) {
            if (label < 0 || label >= count) {
                return false;
            }
        }
        return true;
    }

    private static boolean onCpu(NDArray array) {
        return Device.Type.CPU.equals(array.getDevice().getDeviceType());
    }

    /** A DJL handle points at a heap {@code torch::Tensor}: what a {@code const at::Tensor&} parameter takes. */
    private static Pointer handle(NDArray array) {
        return new Pointer(((PtNDArray) array).getHandle());
    }

    /** Value and gradient on random scores, against log_softmax, gather, sum and a division by −rows. */
    private boolean agreesWithTheOperations() {
        Random random = new Random(23);
        int rows = 9;
        int count = 7;
        float[] values = new float[rows * count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        long[] labels = new long[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(count);
        }
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray classes = manager.create(labels);
            float[][] native_ = valueAndGradient(manager, values, rows, count, scores -> mean(scores, classes)
                    .orElseThrow());
            float[][] operations = valueAndGradient(manager, values, rows, count, scores -> scores.logSoftmax(1)
                    .gather(classes.reshape(rows, 1), 1).sum().div(-(float) rows));
            return close(native_[0], operations[0]) && close(native_[1], operations[1]);
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    private static float[][] valueAndGradient(NDManager manager, float[] values, int rows, int count,
                                              java.util.function.Function<NDArray, NDArray> loss) {
        NDArray scores = manager.create(values, new Shape(rows, count));
        scores.setRequiresGradient(true);
        NDArray value = loss.apply(scores);
        JniUtils.backward((PtNDArray) value, (PtNDArray) manager.ones(new Shape()), false, false);
        return new float[][] {{value.getFloat()}, scores.getGradient().toFloatArray()};
    }

    private static boolean close(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(actual[k] - expected[k]) <= TOLERANCE * Math.max(1, Math.abs(expected[k])))) {
                return false;
            }
        }
        return true;
    }
}
