package org.layerloom.engine.export.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.layerloom.engine.compile.LossSpec;
import org.layerloom.engine.export.ExportedTraining;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The text of {@code train.py}: the project's training settings as named constants a student can change, then
 * the same code for every export ({@code train.py.txt} beside this class): LayerLoom's shuffling, optimizers,
 * learning-rate schedule, loss, weight average and best-epoch checkpointing, ported operation for operation, and
 * the set-up for one process or {@code torchrun}. Stateless; any thread.
 */
final class TrainingScript {

    private static final String BODY = "train.py.txt";

    private TrainingScript() {
    }

    static String of(String projectName, ExportedTraining training) {
        TrainingSettings settings = training.settings();
        OptimizerSettings optimizer = settings.optimizer();
        ScheduleSettings schedule = settings.schedule();
        LossSpec loss = training.loss();
        boolean classification = loss == LossSpec.SOFTMAX_CROSS_ENTROPY
                || loss == LossSpec.SIGMOID_BINARY_CROSS_ENTROPY;
        String name = projectName.replaceAll("[\"\\\\\\s]+", " ").strip();
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"Trains ").append(name).append(" as LayerLoom trains it, on one process or many (torchrun).\n\n")
                .append("    python3 train.py                      trains on this machine (a GPU when there is one)\n")
                .append("    python3 train.py --evaluate           measures weights.npz on the test split\n")
                .append("    torchrun --nproc_per_node=2 train.py  trains on 2 processes (see README.md)\n\n")
                .append("The settings below are the project's; change them here. LayerLoom's optimizer and schedule are\n")
                .append("ported step for step, so from the same weights and data this script takes the same steps.\n")
                .append("\"\"\"\n\n");
        py.append("# ---- The project's training settings ----------------------------------------------------------------\n");
        py.append("PROJECT = ").append(Py.str(name)).append('\n');
        py.append("OPTIMIZER = ").append(Py.str(optimizer.kind().id()))
                .append("  # sgd, adam, adamw, rmsprop or adagrad\n");
        py.append("LEARNING_RATE = ").append(Py.real(optimizer.learningRate())).append('\n');
        py.append("MOMENTUM = ").append(Py.real(optimizer.momentum())).append("  # SGD and RMSprop; 0 = none\n");
        py.append("NESTEROV = ").append(Py.bool(optimizer.nesterov())).append("  # SGD\n");
        py.append("BETA1 = ").append(Py.real(optimizer.beta1())).append("  # Adam, AdamW\n");
        py.append("BETA2 = ").append(Py.real(optimizer.beta2())).append("  # Adam, AdamW; RMSprop's decay\n");
        py.append("EPSILON = ").append(Py.real(optimizer.epsilon())).append('\n');
        py.append("WEIGHT_DECAY = ").append(Py.real(optimizer.weightDecay()))
                .append("  # L2 penalty; decoupled for AdamW\n");
        py.append("GRADIENT_CLIP = ").append(Py.real(optimizer.gradientClip()))
                .append("  # clip gradients to this global norm; 0 = off\n");
        py.append("SCHEDULE = ").append(Py.str(schedule.kind().id())).append("  # fixed, step, cosine or warmup\n");
        py.append("STEP_EPOCHS = ").append(schedule.stepEpochs()).append("  # step: epochs between reductions\n");
        py.append("GAMMA = ").append(Py.real(schedule.gamma())).append("  # step: the factor of each reduction\n");
        py.append("WARMUP_EPOCHS = ").append(schedule.warmupEpochs()).append("  # warmup: epochs of the ramp\n");
        py.append("MIN_LEARNING_RATE = ").append(Py.real(schedule.minLearningRate()))
                .append("  # cosine: the rate at the end\n");
        py.append("BATCH_SIZE = ").append(settings.batchSize())
                .append("  # the global batch: shared among the processes under torchrun\n");
        py.append("EPOCHS = ").append(settings.epochs()).append('\n');
        py.append("SEED = ").append(settings.seed()).append("  # the shuffling of every epoch\n");
        py.append("WEIGHT_AVERAGE = ").append(Py.real(settings.weightAverage()))
                .append("  # decay of the moving average of the weights; 0 = off\n");
        py.append("PATIENCE = ").append(settings.patience())
                .append("  # stop after this many epochs without a better validation loss; 0 = off\n");
        py.append("LOSS = ").append(Py.str(loss.id()))
                .append("  # softmax_cross_entropy, sigmoid_binary_cross_entropy, mse or l1\n");
        py.append("CLASSIFICATION = ").append(Py.bool(classification)).append('\n');
        py.append(body());
        return py.toString();
    }

    private static String body() {
        try (InputStream in = TrainingScript.class.getResourceAsStream(BODY)) {
            if (in == null) {
                throw new IllegalStateException(BODY + " is missing from the engine's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
