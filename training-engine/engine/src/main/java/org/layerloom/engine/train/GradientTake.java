package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.Arrays;
import java.util.Optional;
import org.layerloom.engine.kernels.LibtorchLibrary;

/**
 * Takes a parameter's gradient out of it after the backward pass, as PyTorch's {@code zero_grad(set_to_none=True)}
 * leaves it: the parameter has no gradient until the next backward pass, which then stores its result as the
 * gradient instead of adding it to a zeroed one. DJL can only read a gradient (a new reference) and zero it in
 * place, which costs a pass over every gradient to zero it and another to add the next one in.
 *
 * <p>libtorch keeps a parameter's gradient in its autograd metadata, reached by {@code TensorImpl::mutable_grad()}
 * (through JNA by its C++ name, on x86-64 Linux only). {@link #take} moves that reference into a new DJL array and
 * leaves libtorch's "undefined tensor" in its place: no count changes hands, nothing is copied. {@link #find()}
 * checks on a real parameter that the reference it reads is the one DJL's {@code getGradient} returns and that two
 * backward passes with a take between them leave the second gradient alone, before it offers itself.
 *
 * <p>Call it where the gradient is no longer recorded into: between the backward pass and the next one, on the
 * thread that trains. It holds no state.
 */
final class GradientTake {

    private static final String MUTABLE_GRAD = "_ZN3c1010TensorImpl12mutable_gradEv";
    private static final String UNDEFINED = "_ZN3c1019UndefinedTensorImpl10_singletonE";
    /** C++'s {@code operator new(size_t)}: the new array's {@code torch::Tensor} must be one DJL can delete. */
    private static final String NEW = "_Znwm";

    private final Function mutableGrad;
    private final Function allocate;
    private final long undefined;

    private GradientTake(Function mutableGrad, Function allocate, long undefined) {
        this.mutableGrad = mutableGrad;
        this.allocate = allocate;
        this.undefined = undefined;
    }

    /** The loaded libtorch's (load the engine first), once per process; empty where it cannot be used. */
    static Optional<GradientTake> find() {
        return Holder.TAKE;
    }

    private static final class Holder {
        static final Optional<GradientTake> TAKE = locate();
    }

    private static Optional<GradientTake> locate() {
        // dlsym on c10's handle also searches the libraries it was linked with: operator new is libstdc++'s.
        return LibtorchLibrary.caller("c10", "layerloom.zeroGradients",
                c10 -> new GradientTake(c10.getFunction(MUTABLE_GRAD), c10.getFunction(NEW),
                        Pointer.nativeValue(c10.getGlobalVariableAddress(UNDEFINED))),
                GradientTake::worksOnAParameter);
    }

    /**
     * The gradient the backward passes left in {@code weight}, moved into a new array of {@code scope}; the
     * weight keeps none. Where it has none (a parameter the loss does not reach), zeros of its shape, as DJL's
     * {@code getGradient} gives.
     *
     * @param weight a libtorch array that records its gradient
     */
    NDArray take(NDArray weight, NDManager scope) {
        Pointer field = gradientField(weight);
        long gradient = field.getLong(0);
        if (gradient == undefined) {
            return scope.zeros(weight.getShape(), weight.getDataType());
        }
        Pointer tensor = allocate.invokePointer(new Object[] {8L});
        tensor.setLong(0, gradient);
        field.setLong(0, undefined);
        return new PtNDArray((PtNDManager) scope, Pointer.nativeValue(tensor));
    }

    /** The weight's {@code at::Tensor grad_}, whose one word is its {@code TensorImpl} pointer. */
    private Pointer gradientField(NDArray weight) {
        Pointer impl = new Pointer(((PtNDArray) weight).getHandle()).getPointer(0);
        return mutableGrad.invokePointer(new Object[] {impl});
    }

    /** Reads, takes and backpropagates again on a real parameter, checking each step against DJL. */
    private boolean worksOnAParameter() {
        boolean recording = JniUtils.isGradMode();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray weight = manager.create(new float[] {1f, 2f, 3f});
            weight.setRequiresGradient(true);
            if (gradientField(weight).getLong(0) != undefined) {
                return false;
            }
            backward(weight, new float[] {4f, 5f, 6f});
            try (NDArray live = weight.getGradient()) {
                long djl = new Pointer(((PtNDArray) live).getHandle()).getLong(0);
                if (gradientField(weight).getLong(0) != djl) {
                    return false;
                }
            }
            float[] first;
            try (NDArray taken = take(weight, manager)) {
                first = taken.toFloatArray();
            }
            boolean gone = gradientField(weight).getLong(0) == undefined;
            backward(weight, new float[] {-1f, 0.5f, 2f});
            float[] second;
            try (NDArray taken = take(weight, manager)) {
                second = taken.toFloatArray();
            }
            float[] none;
            try (NDArray zeros = take(weight, manager)) {
                none = zeros.toFloatArray();
            }
            return gone && Arrays.equals(first, new float[] {4f, 5f, 6f})
                    && Arrays.equals(second, new float[] {-1f, 0.5f, 2f}) && Arrays.equals(none, new float[3]);
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    /** One backward pass of {@code Σ weight·factors}: the weight's gradient becomes (or adds) {@code factors}. */
    private static void backward(NDArray weight, float[] factors) {
        JniUtils.setGradMode(true);
        NDManager manager = weight.getManager();
        NDArray value = weight.mul(manager.create(factors)).sum();
        JniUtils.backward((PtNDArray) value, (PtNDArray) manager.ones(new Shape()), false, false);
        JniUtils.setGradMode(false);
    }
}
