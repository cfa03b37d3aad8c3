package org.layerloom.engine.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * One known-answer case of the kernel self-test: named operands of fixed shapes, the native operation
 * (what LayerLoom's layers run through DJL) and a plain-Java reference of the same operation. Stateless;
 * any thread.
 */
interface KernelCase {

    /** Readable and stable, e.g. "conv2d 20→8 channels, 6×6". */
    String name();

    /** The operands, in the order both computations take them. */
    List<Operand> operands();

    /** The native operation on float32 arrays with gradients attached. */
    NDArray engine(NDList operands);

    /**
     * False for a case run as inference runs, without recording gradients (oneDNN may take other kernels
     * then): only its forward output is checked.
     */
    default boolean recordsGradients() {
        return true;
    }

    /** The same operation in double precision. */
    double[] reference(List<double[]> operands);

    /** One operand: its name and shape. */
    record Operand(String name, long... shape) {

        int size() {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            return Math.toIntExact(size);
        }
    }
}
