package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A parameter-free tensor function together with its shape rule (shapes include the batch axis), such
 * as an activation, a reshape or a pooling window. Immutable; the function itself runs on the thread
 * that runs the block using it.
 *
 * @param name  a short name for {@code toString} and block descriptions
 * @param apply the function on one array
 * @param shape the output shape for an input shape, without touching any array
 */
record ArrayFunction(String name, UnaryOperator<NDArray> apply, UnaryOperator<Shape> shape) {

    ArrayFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(shape, "shape");
    }

    /** A function that keeps the shape, as every element-wise one does. */
    static ArrayFunction elementwise(String name, UnaryOperator<NDArray> apply) {
        return new ArrayFunction(name, apply, UnaryOperator.identity());
    }

    /** This function, then {@code next}. */
    ArrayFunction then(ArrayFunction next) {
        UnaryOperator<NDArray> first = apply;
        UnaryOperator<Shape> firstShape = shape;
        return new ArrayFunction(name + "+" + next.name,
                a -> next.apply.apply(first.apply(a)), s -> next.shape.apply(firstShape.apply(s)));
    }
}
