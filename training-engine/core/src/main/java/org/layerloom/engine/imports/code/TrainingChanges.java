package org.layerloom.engine.imports.code;

import java.util.Optional;
import java.util.OptionalInt;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The training settings that pasted code sets ({@code compile(optimizer=...)}, {@code fit(epochs=...,
 * batch_size=...)}, {@code optim.Adam(..., lr=...)}); everything it does not set stays as the project has it,
 * including the optimizer fields that the code's optimizer does not use.
 * Immutable; any thread.
 */
public record TrainingChanges(Optional<OptimizerSettings> optimizer, OptionalInt epochs, OptionalInt batchSize,
                              Optional<Double> validationSplit) {

    public static TrainingChanges none() {
        return new TrainingChanges(Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    }

    public TrainingSettings applyTo(TrainingSettings settings) {
        TrainingSettings result = settings;
        if (optimizer.isPresent()) {
            result = result.withOptimizer(keepingUnused(settings.optimizer(), optimizer.get()));
        }
        if (epochs.isPresent()) {
            result = result.withEpochs(epochs.getAsInt());
        }
        if (batchSize.isPresent()) {
            result = result.withBatchSize(batchSize.getAsInt());
        }
        if (validationSplit.isPresent()) {
            result = new TrainingSettings(result.optimizer(), result.schedule(), result.batchSize(), result.epochs(),
                    validationSplit.get(), result.seed(), result.device(), result.weightAverage(), result.patience());
        }
        return result;
    }

    /** {@code code}'s settings, with the fields its optimizer does not use kept from {@code base}. */
    private static OptimizerSettings keepingUnused(OptimizerSettings base, OptimizerSettings code) {
        OptimizerKind kind = code.kind();
        boolean momentum = kind == OptimizerKind.SGD || kind == OptimizerKind.RMSPROP;
        boolean betas = kind == OptimizerKind.ADAM || kind == OptimizerKind.ADAMW;
        return new OptimizerSettings(kind, code.learningRate(), momentum ? code.momentum() : base.momentum(),
                kind == OptimizerKind.SGD ? code.nesterov() : base.nesterov(), betas ? code.beta1() : base.beta1(),
                betas || kind == OptimizerKind.RMSPROP ? code.beta2() : base.beta2(),
                kind == OptimizerKind.SGD ? base.epsilon() : code.epsilon(), code.weightDecay(), code.gradientClip());
    }

    TrainingChanges withOptimizer(OptimizerSettings settings) {
        return new TrainingChanges(Optional.of(settings), epochs, batchSize, validationSplit);
    }

    TrainingChanges withEpochs(int count) {
        return new TrainingChanges(optimizer, OptionalInt.of(count), batchSize, validationSplit);
    }

    TrainingChanges withBatchSize(int size) {
        return new TrainingChanges(optimizer, epochs, OptionalInt.of(size), validationSplit);
    }

    TrainingChanges withValidationSplit(double fraction) {
        return new TrainingChanges(optimizer, epochs, batchSize, Optional.of(fraction));
    }
}
