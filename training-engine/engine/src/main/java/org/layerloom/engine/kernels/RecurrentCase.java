package org.layerloom.engine.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.RNN;
import java.util.List;
import org.layerloom.engine.kernels.ReferenceKernels.RecurrentShape;

/**
 * A one-layer, batch-first SimpleRNN (tanh), LSTM or GRU case with biases and a zero initial state,
 * through the same DJL operations as the recurrent layers, and the same route to the kernels
 * ({@link RecurrentOneDnn}: the LSTM's may be oneDNN while it records gradients). The output is every
 * step's hidden state. Either it records gradients, as training does, or not, as inference does: oneDNN runs
 * other kernels then. Immutable.
 */
record RecurrentCase(RecurrentShape shape, boolean recordsGradients) implements KernelCase {

    static RecurrentCase of(RecurrentShape.Kind kind, int input, int hidden, int steps) {
        return of(kind, input, hidden, steps, 3);
    }

    static RecurrentCase of(RecurrentShape.Kind kind, int input, int hidden, int steps, int batch) {
        return new RecurrentCase(new RecurrentShape(kind, batch, steps, input, hidden), true);
    }

    /** The same layer run without recording gradients, as inference runs it. */
    static RecurrentCase inference(RecurrentShape.Kind kind, int input, int hidden, int steps, int batch) {
        return new RecurrentCase(new RecurrentShape(kind, batch, steps, input, hidden), false);
    }

    @Override
    public String name() {
        String kind = switch (shape.kind()) {
            case RNN_TANH -> "simple RNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
        return String.format("%s %d units, %d inputs, %d steps%s%s", kind, shape.hidden(), shape.input(),
                shape.steps(), shape.batch() == 3 ? "" : ", batch " + shape.batch(),
                recordsGradients ? "" : ", inference");
    }

    @Override
    public List<Operand> operands() {
        RecurrentShape s = shape;
        int rows = s.kind().gates() * s.hidden();
        return List.of(new Operand("input", s.batch(), s.steps(), s.input()),
                new Operand("weight_ih", rows, s.input()), new Operand("weight_hh", rows, s.hidden()),
                new Operand("bias_ih", rows), new Operand("bias_hh", rows));
    }

    @Override
    public NDArray engine(NDList operands) {
        NDArray x = operands.get(0);
        NDList weights = new NDList(operands.get(1), operands.get(2), operands.get(3), operands.get(4));
        NDArray zeros = x.getManager().zeros(new Shape(1, shape.batch(), shape.hidden()));
        NDArrayEx ex = x.getNDArrayInternal();
        return switch (shape.kind()) {
            case RNN_TANH -> RecurrentOneDnn.nativeKernels(() -> ex.rnn(x, zeros, weights, true, 1,
                    RNN.Activation.TANH, 0, recordsGradients, false, true).head());
            case GRU -> RecurrentOneDnn.nativeKernels(() -> ex.gru(x, zeros, weights, true, 1, 0, recordsGradients,
                    false, true).head());
            case LSTM -> RecurrentOneDnn.recurrent(() -> ex.lstm(x, new NDList(zeros, zeros.duplicate()), weights,
                    true, 1, 0, recordsGradients, false, true).head());
        };
    }

    @Override
    public double[] reference(List<double[]> operands) {
        return ReferenceKernels.recurrent(shape, operands.get(0), operands.get(1), operands.get(2), operands.get(3),
                operands.get(4));
    }
}
