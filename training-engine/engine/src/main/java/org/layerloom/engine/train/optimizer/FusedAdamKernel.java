package org.layerloom.engine.train.optimizer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.Random;
import org.layerloom.engine.kernels.LibtorchLibrary;

/**
 * libtorch's fused Adam and AdamW updates on the CPU ({@code torch._fused_adam_} and {@code _fused_adamw_}, what
 * {@code torch.optim.Adam(fused=True)} runs), which DJL does not expose: one native call updates every
 * parameter of a step in a single pass over its values, instead of a dozen element-wise operations per
 * parameter. The rule is PyTorch's: {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code w −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε)}, with Adam's L2 decay added to {@code g} or AdamW's
 * {@code w *= 1 − lr·λ} first.
 *
 * <p>It is reached through JNA by the operators' C++ names in the loaded libtorch, like {@code OneDnnSwitch}.
 * The mangled name spells out the whole parameter list, so a libtorch whose operator differs has no such
 * symbol; only x86-64 Linux is used, whose calling convention the argument layout below follows. A C++
 * error cannot pass back through JNA, so {@link #update} checks everything the operator would check (same
 * count, shapes, float32 on the CPU) and refuses instead. {@link #find()} also compares two steps of both
 * rules on random numbers with the rule computed in Java before it offers the kernel.
 *
 * <p>Arrays must be dense and contiguous, as parameters, their gradients and {@code NDManager.zeros} are.
 * Any thread (it switches the thread's gradient recording off for the in-place update); it holds no state.
 */
final class FusedAdamKernel {

    private static final String ADAM = "_ZN2at4_ops12_fused_adam_4callEN3c108ArrayRefINS_6TensorEEES5_S5_S5_S5_S5_"
            + "dddddbbRKSt8optionalIS4_ES9_";
    private static final String ADAMW = "_ZN2at4_ops13_fused_adamw_4callEN3c108ArrayRefINS_6TensorEEES5_S5_S5_S5_S5_"
            + "dddddbbRKSt8optionalIS4_ES9_";
    private static final double TOLERANCE = 1e-6;

    private final Function adam;
    private final Function adamW;
    /** An empty {@code std::optional<at::Tensor>} (a null tensor pointer and a false flag), for both optionals. */
    private final Memory noTensor;

    private FusedAdamKernel(Function adam, Function adamW) {
        this.adam = adam;
        this.adamW = adamW;
        this.noTensor = new Memory(16);
        noTensor.clear();
    }

    /** The kernel of the loaded libtorch (load the engine first), once per process; empty where it cannot be used. */
    static Optional<FusedAdamKernel> find() {
        return Holder.KERNEL;
    }

    private static final class Holder {
        static final Optional<FusedAdamKernel> KERNEL = locate();
    }

    private static Optional<FusedAdamKernel> locate() {
        return LibtorchLibrary.caller("torch_cpu", "layerloom.noFusedAdam",
                torch -> new FusedAdamKernel(torch.getFunction(ADAM), torch.getFunction(ADAMW)),
                FusedAdamKernel::agreesWithTheRule);
    }

    /**
     * One step of every parameter in place: weights, first and second moments; the gradients are only read.
     *
     * @param step      the 1-based step number, the same for all of them
     * @param stepCount a 0-d array holding {@code step} on the CPU, or null to make one for this call
     * @param decoupled AdamW's weight decay instead of Adam's L2 penalty
     * @return false, touching nothing, when an array is not a float32 CPU array of libtorch or shapes differ
     */
    boolean update(NDArray[] weights, NDArray[] grads, NDArray[] means, NDArray[] variances, long step,
                   NDArray stepCount, double rate, double beta1, double beta2, double weightDecay, double epsilon,
                   boolean decoupled) {
        int n = weights.length;
        if (n == 0 || grads.length != n || means.length != n || variances.length != n || step < 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Shape shape = weights[i].getShape();
            if (!usable(weights[i], shape) || !usable(grads[i], shape) || !usable(means[i], shape)
                    || !usable(variances[i], shape)) {
                return false;
            }
        }
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        NDArray made = isCpuScalar(stepCount) ? null : weights[0].getManager().create(step);
        try {
            NDArray steps = made == null ? stepCount : made;
            // One block for the five tensor lists (weights, gradients, means, variances, step numbers).
            Memory lists = new Memory(8L * n * 5);
            long count = n;
            long bytes = 8L * n;
            for (int i = 0; i < n; i++) {
                lists.setLong(8L * i, impl(weights[i]));
                lists.setLong(bytes + 8L * i, impl(grads[i]));
                lists.setLong(2 * bytes + 8L * i, impl(means[i]));
                lists.setLong(3 * bytes + 8L * i, impl(variances[i]));
                lists.setLong(4 * bytes + 8L * i, impl(steps));
            }
            // (self, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, state_steps) as (pointer, length) pairs,
            // lr, beta1, beta2, weight_decay, eps, amsgrad, maximize, grad_scale, found_inf.
            (decoupled ? adamW : adam).invokeVoid(new Object[] {lists, count, lists.share(bytes), count,
                    lists.share(2 * bytes), count, lists.share(3 * bytes), count, Pointer.NULL, 0L,
                    lists.share(4 * bytes), count, rate, beta1, beta2, weightDecay, epsilon, 0, 0, noTensor, noTensor});
            return true;
        } finally {
            if (made != null) {
                made.close();
            }
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    private static boolean usable(NDArray array, Shape shape) {
        return array instanceof PtNDArray && array.getDataType() == DataType.FLOAT32
                && Device.Type.CPU.equals(array.getDevice().getDeviceType()) && !array.isSparse()
                && array.getShape().equals(shape);
    }

    private static boolean isCpuScalar(NDArray array) {
        return array instanceof PtNDArray && array.getShape().isScalar() && !array.isSparse()
                && Device.Type.CPU.equals(array.getDevice().getDeviceType());
    }

    /**
     * An element of an {@code at::Tensor} array (an {@code ArrayRef<Tensor>}): a DJL handle points at a
     * {@code torch::Tensor}, whose only field is its {@code TensorImpl} pointer; the list borrows the array, which
     * outlives the call.
     */
    private static long impl(NDArray array) {
        return new Pointer(((PtNDArray) array).getHandle()).getLong(0);
    }

    /** Two steps of Adam and AdamW (with decay) on random numbers, against the rule computed in Java. */
    private boolean agreesWithTheRule() {
        for (boolean decoupled : new boolean[] {false, true}) {
            if (!agrees(decoupled)) {
                return false;
            }
        }
        return true;
    }

    private boolean agrees(boolean decoupled) {
        double rate = 0.01;
        double beta1 = 0.9;
        double beta2 = 0.99;
        double decay = 0.1;
        double epsilon = 1e-6;
        Random random = new Random(19);
        int[] sizes = {7, 33};
        float[][] w = new float[sizes.length][];
        float[][] m = new float[sizes.length][];
        float[][] v = new float[sizes.length][];
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray[] weights = new NDArray[sizes.length];
            NDArray[] means = new NDArray[sizes.length];
            NDArray[] variances = new NDArray[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                w[i] = randoms(random, sizes[i]);
                m[i] = new float[sizes[i]];
                v[i] = new float[sizes[i]];
                weights[i] = manager.create(w[i]);
                means[i] = manager.zeros(new Shape(sizes[i]));
                variances[i] = manager.zeros(new Shape(sizes[i]));
            }
            for (int step = 1; step <= 2; step++) {
                NDArray[] grads = new NDArray[sizes.length];
                for (int i = 0; i < sizes.length; i++) {
                    float[] g = randoms(random, sizes[i]);
                    grads[i] = manager.create(g);
                    javaStep(w[i], g, m[i], v[i], step, rate, beta1, beta2, decay, epsilon, decoupled);
                }
                if (!update(weights, grads, means, variances, step, null, rate, beta1, beta2, decay, epsilon,
                        decoupled)) {
                    return false;
                }
            }
            for (int i = 0; i < sizes.length; i++) {
                if (!close(weights[i].toFloatArray(), w[i]) || !close(means[i].toFloatArray(), m[i])
                        || !close(variances[i].toFloatArray(), v[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void javaStep(float[] w, float[] g, float[] m, float[] v, int step, double rate, double beta1,
                                 double beta2, double decay, double epsilon, boolean decoupled) {
        double correction1 = 1 - Math.pow(beta1, step);
        double root2 = Math.sqrt(1 - Math.pow(beta2, step));
        for (int k = 0; k < w.length; k++) {
            double grad = g[k];
            double weight = w[k];
            if (decoupled) {
                weight *= 1 - rate * decay;
            } else {
                grad += decay * weight;
            }
            m[k] = (float) (beta1 * m[k] + (1 - beta1) * grad);
            v[k] = (float) (beta2 * v[k] + (1 - beta2) * grad * grad);
            w[k] = (float) (weight - rate / correction1 * m[k] / (Math.sqrt(v[k]) / root2 + epsilon));
        }
    }

    private static float[] randoms(Random random, int size) {
        float[] values = new float[size];
        for (int k = 0; k < size; k++) {
            values[k] = (float) random.nextGaussian();
        }
        return values;
    }

    private static boolean close(float[] actual, float[] expected) {
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(actual[k] - expected[k]) <= TOLERANCE * Math.max(1, Math.abs(expected[k])))) {
                return false;
            }
        }
        return true;
    }
}
