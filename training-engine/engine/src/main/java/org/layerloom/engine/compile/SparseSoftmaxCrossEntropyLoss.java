package org.layerloom.engine.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.Optional;

/**
 * Softmax cross-entropy on raw scores with class indices as labels, as PyTorch's {@code cross_entropy}
 * with mean reduction: {@code −Σ log_softmax(x)[y] / N}. DJL's {@code SoftmaxCrossEntropyLoss} computes the
 * same value with a general pick index (reshape, expand, gather, squeeze), a negation and a mean, seven
 * native operations and as many autograd nodes; this takes four ({@code log_softmax}, {@code gather},
 * {@code sum}, a division by −N), which on the MLP benchmark is a third of the loss phase and of its share of
 * the backward pass. Where it can ({@link CrossEntropyKernel}: float32 on the CPU, every class number in range)
 * it calls libtorch's {@code cross_entropy_loss} instead, one native call and PyTorch's own two autograd nodes.
 * Scores are (…, classes); labels are the class index of each row, in any shape with as many elements as rows.
 * Stateless apart from its name; one training run.
 */
final class SparseSoftmaxCrossEntropyLoss extends Loss {

    SparseSoftmaxCrossEntropyLoss(String name) {
        super(name);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray scores = predictions.singletonOrThrow();
        Shape shape = scores.getShape();
        int classAxis = shape.dimension() - 1;
        NDArray classes = labels.singletonOrThrow();
        if (classes.getDataType() != DataType.INT64) {
            classes = classes.toType(DataType.INT64, false);
        }
        long rows = shape.size() / shape.get(classAxis);
        Optional<CrossEntropyKernel> kernel = CrossEntropyKernel.find();
        if (kernel.isPresent() && classes.size() == rows) {
            NDArray flatScores = classAxis == 1 ? scores : scores.reshape(rows, shape.get(classAxis));
            NDArray flatClasses = classes.getShape().dimension() == 1 ? classes : classes.reshape(rows);
            Optional<NDArray> value = kernel.get().mean(flatScores, flatClasses);
            if (value.isPresent()) {
                return value.get();
            }
        }
        long[] indexShape = shape.getShape();
        indexShape[classAxis] = 1;
        NDArray picked = scores.logSoftmax(classAxis).gather(classes.reshape(indexShape), classAxis);
        return picked.sum().div(-(float) rows);
    }
}
