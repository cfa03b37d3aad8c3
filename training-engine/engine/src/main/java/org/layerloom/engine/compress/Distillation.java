package org.layerloom.engine.compress;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.train.DistillationLoss;
import org.layerloom.engine.train.MaskedFineTune;
import org.layerloom.engine.train.SavedRun;

/**
 * Trains a student network (a saved run, usually of a smaller project) to learn from a teacher (another saved
 * run of the same task): each batch's teacher logits come from the teacher's network on the same inputs, and
 * the loss is {@link DistillationLoss}. The student's parameters change in place; save them with
 * {@link VariantRuns}. Classification with a softmax cross-entropy only. Runs on the calling thread, which
 * must own both runs (a worker, never the JavaFX thread).
 */
public final class Distillation {

    private Distillation() {
    }

    /**
     * @return the mean training loss
     * @throws IllegalArgumentException when the runs do not fit each other or the task, with the reason
     */
    public static double distil(CompressibleRun student, SavedRun teacher, Dataset dataset, int epochs,
                                double learningRate, double temperature, double alpha,
                                java.util.function.IntConsumer batchesDone) {
        SavedRun run = student.run();
        if (run.block().lossSpec() != LossSpec.SOFTMAX_CROSS_ENTROPY
                || teacher.block().lossSpec() != LossSpec.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalArgumentException("Distillation needs two classifiers with a softmax cross-entropy"
                    + " output; " + run.runId() + " or " + teacher.runId() + " has another loss.");
        }
        if (!run.exampleShape().equals(teacher.exampleShape())) {
            throw new IllegalArgumentException("The student takes examples of shape " + run.exampleShape().tuple()
                    + " but the teacher " + teacher.exampleShape().tuple() + ": they must read the same data.");
        }
        ParameterStore teacherStore = new ParameterStore(teacher.manager(), false);
        DistillationLoss loss = new DistillationLoss(temperature, alpha);
        return MaskedFineTune.train(run, dataset, epochs, learningRate, loss, (inputs, labels) -> {
            NDList logits = teacher.block().forward(teacherStore, inputs, false);
            return new NDList(labels.head(), logits.head().stopGradient());
        }, block -> { }, batchesDone);
    }
}
