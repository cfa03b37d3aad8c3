package org.layerloom.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Knowledge distillation: a student learns from a teacher's logits as well as from the labels,
 * {@code α · T² · KL(softmax(teacher / T) ‖ softmax(student / T)) + (1 − α) · CE(student, labels)}, the KL
 * term averaged over the batch (PyTorch's {@code kl_div(..., reduction="batchmean")}) and the cross-entropy
 * averaged too. The labels list holds the class labels first and the teacher's logits second; the
 * predictions are the student's logits. Stateless apart from T and α; used on the training thread.
 */
public final class DistillationLoss extends Loss {

    private final double temperature;
    private final double alpha;

    /**
     * @param temperature T, greater than 0: higher softens both distributions
     * @param alpha       α, 0 to 1: the weight of the teacher's term
     */
    public DistillationLoss(double temperature, double alpha) {
        super("DistillationLoss");
        if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Distillation needs a temperature above 0 and an alpha from 0 to 1,"
                    + " not T = " + temperature + ", alpha = " + alpha + ".");
        }
        this.temperature = temperature;
        this.alpha = alpha;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray student = predictions.head();
        NDArray teacher = labels.get(1);
        long classes = student.getShape().get(1);
        NDArray studentLog = student.div(scalar(student, temperature)).logSoftmax(1);
        NDArray teacherLog = teacher.toType(student.getDataType(), false).div(scalar(student, temperature)).logSoftmax(1);
        NDArray kl = teacherLog.exp().mul(teacherLog.sub(studentLog)).sum(new int[] {1}).mean();
        NDArray oneHot = labels.head().toType(DataType.INT32, false).oneHot((int) classes)
                .toType(student.getDataType(), false);
        NDArray crossEntropy = student.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
        return kl.mul(scalar(student, alpha * temperature * temperature)).add(crossEntropy.mul(scalar(student, 1 - alpha)));
    }

    /** A scalar of the logits' precision, so that a float32 loss stays float32 (a Java double would widen it). */
    private static Number scalar(NDArray like, double value) {
        return like.getDataType() == DataType.FLOAT64 ? (Number) value : (Number) (float) value;
    }
}
