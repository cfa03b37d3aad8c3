package org.layerloom.app.train.settings;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.app.train.settings.TrainingSettingField.Kind;

/**
 * Every value of {@link TrainingSettings} that the engine trains with, as the settings panel lists them, in four
 * groups: the run (epochs, batches, validation, early stopping, weight average), optimizer, learning-rate schedule and
 * reproducibility (seed, device); the panel shows the run first. The ranges are those the project file
 * accepts. Which optimizer uses which hyper-parameter follows the engine's optimizer factory: momentum for SGD and RMSProp, Nesterov for SGD, beta1
 * for Adam and AdamW, beta2 for Adam, AdamW and RMSProp (its decay rho), epsilon for all but SGD. Any thread.
 */
public final class TrainingSettingFields {

    public static final String OPTIMIZER = "Optimizer";
    public static final String SCHEDULE = "Learning-rate schedule";
    public static final String RUN = "The run";
    public static final String SEED_AND_DEVICE = "Seed and device";
    private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    private TrainingSettingFields() {
    }

    /**
     * The fields in panel order; GPU is among the device choices only when {@code gpuSeen} (DJL reports one).
     */
    public static List<TrainingSettingField> all(boolean gpuSeen) {
        return List.of(
                choice("optimizer", OPTIMIZER, "Optimizer", "How the weights move along the gradient; Adam is a"
                        + " safe start, SGD with momentum often ends best.", List.of(OptimizerKind.values()),
                        s -> s.optimizer().kind(), (s, v) -> optimizer(s, o -> kind(o, (OptimizerKind) v)), s -> true),
                real("learning-rate", OPTIMIZER, "Learning rate", "The size of each step: too high and the loss"
                        + " jumps or explodes, too low and it crawls.", Range.leftOpen(0, 10),
                        s -> s.optimizer().learningRate(), (s, v) -> optimizer(s, o -> o.withLearningRate(v)),
                        s -> true),
                real("momentum", OPTIMIZER, "Momentum", "How much of the last step carries into the next (0: none).",
                        Range.rightOpen(0, 1), s -> s.optimizer().momentum(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), v, o.nesterov(), o.beta1(), o.beta2(),
                                o.epsilon(), o.weightDecay(), o.gradientClip())),
                        uses(OptimizerKind.SGD, OptimizerKind.RMSPROP)),
                new TrainingSettingField("nesterov", OPTIMIZER, "Nesterov momentum", "Takes the gradient a step ahead"
                        + " along the momentum; often a little faster.", Kind.FLAG, null, List.of(),
                        s -> s.optimizer().nesterov(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), (Boolean) v, o.beta1(), o.beta2(),
                                o.epsilon(), o.weightDecay(), o.gradientClip())),
                        uses(OptimizerKind.SGD)),
                real("beta1", OPTIMIZER, "Beta 1", "How slowly the running average of the gradients forgets"
                        + " (Adam's momentum).", Range.rightOpen(0, 1), s -> s.optimizer().beta1(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), o.nesterov(), v, o.beta2(),
                                o.epsilon(), o.weightDecay(), o.gradientClip())),
                        uses(OptimizerKind.ADAM, OptimizerKind.ADAMW)),
                real("beta2", OPTIMIZER, "Beta 2", "How slowly the running average of the squared gradients forgets"
                        + " (RMSProp's rho).", Range.rightOpen(0, 1), s -> s.optimizer().beta2(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), o.nesterov(), o.beta1(), v,
                                o.epsilon(), o.weightDecay(), o.gradientClip())),
                        uses(OptimizerKind.ADAM, OptimizerKind.ADAMW, OptimizerKind.RMSPROP)),
                real("epsilon", OPTIMIZER, "Epsilon", "A tiny number that keeps the step finite where gradients"
                        + " are near zero.", Range.leftOpen(0, 1), s -> s.optimizer().epsilon(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), o.nesterov(), o.beta1(), o.beta2(),
                                v, o.weightDecay(), o.gradientClip())),
                        uses(OptimizerKind.ADAM, OptimizerKind.ADAMW, OptimizerKind.RMSPROP, OptimizerKind.ADAGRAD)),
                real("weight-decay", OPTIMIZER, "Weight decay", "Pulls every weight a little towards zero at each"
                        + " step, against overfitting (0: off).", Range.closed(0, NO_LIMIT),
                        s -> s.optimizer().weightDecay(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), o.nesterov(), o.beta1(), o.beta2(),
                                o.epsilon(), v, o.gradientClip())), s -> true),
                real("gradient-clip", OPTIMIZER, "Gradient clipping", "Shrinks a gradient whose overall size is above"
                        + " this, against sudden jumps (0: off).", Range.closed(0, NO_LIMIT),
                        s -> s.optimizer().gradientClip(),
                        (s, v) -> optimizer(s, o -> copy(o, o.kind(), o.momentum(), o.nesterov(), o.beta1(), o.beta2(),
                                o.epsilon(), o.weightDecay(), v)), s -> true),
                choice("schedule", SCHEDULE, "Schedule", "How the learning rate changes over the epochs; the plot"
                        + " shows it.", List.of(ScheduleKind.values()), s -> s.schedule().kind(),
                        (s, v) -> schedule(s, c -> new ScheduleSettings((ScheduleKind) v, c.stepEpochs(), c.gamma(),
                                c.warmupEpochs(), c.minLearningRate())), s -> true),
                whole("step-epochs", SCHEDULE, "Epochs per step", "The rate is multiplied by the factor below every"
                        + " this many epochs.", Range.closed(1, 100_000), s -> s.schedule().stepEpochs(),
                        (s, v) -> schedule(s, c -> new ScheduleSettings(c.kind(), v, c.gamma(), c.warmupEpochs(),
                                c.minLearningRate())), schedule(ScheduleKind.STEP)),
                real("gamma", SCHEDULE, "Step factor", "What each step multiplies the rate by (0.1: ten times"
                        + " smaller).", Range.leftOpen(0, 1), s -> s.schedule().gamma(),
                        (s, v) -> schedule(s, c -> new ScheduleSettings(c.kind(), c.stepEpochs(), v, c.warmupEpochs(),
                                c.minLearningRate())), schedule(ScheduleKind.STEP)),
                whole("warmup-epochs", SCHEDULE, "Warm-up epochs", "The rate grows from almost 0 to the learning rate"
                        + " over this many epochs.", Range.closed(0, 100_000), s -> s.schedule().warmupEpochs(),
                        (s, v) -> schedule(s, c -> new ScheduleSettings(c.kind(), c.stepEpochs(), c.gamma(), v,
                                c.minLearningRate())), schedule(ScheduleKind.WARMUP)),
                real("min-learning-rate", SCHEDULE, "Final learning rate", "The rate the cosine reaches at the"
                        + " last epoch.", Range.closed(0, NO_LIMIT), s -> s.schedule().minLearningRate(),
                        (s, v) -> schedule(s, c -> new ScheduleSettings(c.kind(), c.stepEpochs(), c.gamma(),
                                c.warmupEpochs(), v)), schedule(ScheduleKind.COSINE)),
                whole("epochs", RUN, "Epochs", "How many times the training goes through all its examples.",
                        Range.closed(1, 100_000), TrainingSettings::epochs, TrainingSettings::withEpochs, s -> true),
                whole("batch-size", RUN, "Batch size", "Examples per step: larger batches are smoother and faster"
                        + " per example, smaller ones noisier.", Range.closed(1, 65_536), TrainingSettings::batchSize,
                        TrainingSettings::withBatchSize, s -> true),
                real("validation-split", RUN, "Validation split", "The share of the training data held back to"
                        + " check progress on examples not trained on.", Range.closed(0, 0.9),
                        TrainingSettings::validationSplit,
                        (s, v) -> new TrainingSettings(s.optimizer(), s.schedule(), s.batchSize(), s.epochs(), v,
                                s.seed(), s.device(), s.weightAverage(), s.patience()), s -> true),
                whole("patience", RUN, "Early stopping", "Stops the run after this many epochs without a better"
                        + " validation loss (0: off); the best epoch is kept.", Range.closed(0, 100_000),
                        TrainingSettings::patience, TrainingSettings::withPatience, s -> true),
                real("weight-average", RUN, "Weight average", "Tests a moving average of the weights, often steadier"
                        + " (0: off; 0.999 ≈ the last 1,000 steps).", Range.rightOpen(0, 1),
                        TrainingSettings::weightAverage, TrainingSettings::withWeightAverage, s -> true),
                new TrainingSettingField("seed", SEED_AND_DEVICE, "Seed", "Fixes the starting weights and the"
                        + " shuffling: the same seed trains the same way again.", Kind.WHOLE, null, List.of(),
                        TrainingSettings::seed,
                        (s, v) -> new TrainingSettings(s.optimizer(), s.schedule(), s.batchSize(), s.epochs(),
                                s.validationSplit(), ((Number) v).longValue(), s.device(), s.weightAverage(),
                                s.patience()),
                        s -> true),
                new TrainingSettingField("device", SEED_AND_DEVICE, "Device", gpuSeen
                        ? "Where to train: Automatic takes the GPU." : "Where to train; no GPU was found on this"
                        + " computer.", Kind.CHOICE, null, devices(gpuSeen),
                        TrainingSettings::device, (s, v) -> s.withDevice((DeviceChoice) v), s -> true));
    }

    private static List<DeviceChoice> devices(boolean gpuSeen) {
        return gpuSeen ? List.of(DeviceChoice.values()) : List.of(DeviceChoice.AUTO, DeviceChoice.CPU);
    }

    private static TrainingSettingField whole(String id, String category, String name, String help, Range range,
                                              Function<TrainingSettings, Integer> get,
                                              BiFunction<TrainingSettings, Integer, TrainingSettings> set,
                                              Predicate<TrainingSettings> shown) {
        return new TrainingSettingField(id, category, name, help, Kind.WHOLE, range, List.of(), get::apply,
                (s, v) -> set.apply(s, ((Number) v).intValue()), shown);
    }

    private static TrainingSettingField real(String id, String category, String name, String help, Range range,
                                             Function<TrainingSettings, Double> get,
                                             BiFunction<TrainingSettings, Double, TrainingSettings> set,
                                             Predicate<TrainingSettings> shown) {
        return new TrainingSettingField(id, category, name, help, Kind.REAL, range, List.of(), get::apply,
                (s, v) -> set.apply(s, ((Number) v).doubleValue()), shown);
    }

    private static TrainingSettingField choice(String id, String category, String name, String help, List<?> choices,
                                               Function<TrainingSettings, Object> get,
                                               BiFunction<TrainingSettings, Object, TrainingSettings> set,
                                               Predicate<TrainingSettings> shown) {
        return new TrainingSettingField(id, category, name, help, Kind.CHOICE, null, choices, get, set, shown);
    }

    private static Predicate<TrainingSettings> uses(OptimizerKind first, OptimizerKind... more) {
        Set<OptimizerKind> kinds = EnumSet.of(first, more);
        return s -> kinds.contains(s.optimizer().kind());
    }

    private static Predicate<TrainingSettings> schedule(ScheduleKind kind) {
        return s -> s.schedule().kind() == kind;
    }

    private static TrainingSettings optimizer(TrainingSettings s,
                                              java.util.function.UnaryOperator<OptimizerSettings> change) {
        return s.withOptimizer(change.apply(s.optimizer()));
    }

    private static TrainingSettings schedule(TrainingSettings s,
                                             java.util.function.UnaryOperator<ScheduleSettings> change) {
        return new TrainingSettings(s.optimizer(), change.apply(s.schedule()), s.batchSize(), s.epochs(),
                s.validationSplit(), s.seed(), s.device(), s.weightAverage(), s.patience());
    }

    private static OptimizerSettings kind(OptimizerSettings o, OptimizerKind kind) {
        return copy(o, kind, o.momentum(), o.nesterov(), o.beta1(), o.beta2(), o.epsilon(), o.weightDecay(),
                o.gradientClip());
    }

    private static OptimizerSettings copy(OptimizerSettings o, OptimizerKind kind, double momentum, boolean nesterov,
                                          double beta1, double beta2, double epsilon, double weightDecay,
                                          double clip) {
        return new OptimizerSettings(kind, o.learningRate(), momentum, nesterov, beta1, beta2, epsilon, weightDecay,
                clip);
    }
}
