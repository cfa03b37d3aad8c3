package org.layerloom.engine.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A real self-test case with a fault added on the native side, to its output and/or its input (forward
 * or gradient), while {@code active} says so: what a faulty kernel does. The reference stays right.
 */
record FaultyCase(KernelCase real, UnaryOperator<NDArray> onOutput, UnaryOperator<NDArray> onInput,
        BooleanSupplier active) implements KernelCase {

    FaultyCase(KernelCase real, UnaryOperator<NDArray> onOutput) {
        this(real, onOutput, null, () -> true);
    }

    FaultyCase(KernelCase real, UnaryOperator<NDArray> onOutput, UnaryOperator<NDArray> onInput) {
        this(real, onOutput, onInput, () -> true);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public List<Operand> operands() {
        return real.operands();
    }

    @Override
    public NDArray engine(NDList operands) {
        boolean faulty = active.getAsBoolean();
        NDList inputs = operands;
        if (faulty && onInput != null) {
            inputs = new NDList(operands);
            inputs.set(0, onInput.apply(operands.get(0)));
        }
        NDArray out = real.engine(inputs);
        return faulty && onOutput != null ? onOutput.apply(out) : out;
    }

    @Override
    public double[] reference(List<double[]> operands) {
        return real.reference(operands);
    }
}
