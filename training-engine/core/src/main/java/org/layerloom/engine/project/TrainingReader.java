package org.layerloom.engine.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.layerloom.engine.graph.Range;

/**
 * Reads the {@code training} settings of a project. Every setting is optional and defaults to
 * {@link TrainingSettings#defaults()}; a setting that is present must lie in its range. Single use;
 * confined to the thread reading the file.
 */
final class TrainingReader {

    private static final double UNBOUNDED = Double.POSITIVE_INFINITY;

    private final JsonCursor training;
    private final TrainingSettings defaults = TrainingSettings.defaults();

    TrainingReader(JsonCursor training) {
        this.training = training;
    }

    TrainingSettings read() throws ProjectFileException {
        if (!training.isPresent()) {
            return defaults;
        }
        training.object("The training settings are an object like { \"batchSize\" : 64, \"epochs\" : 5 }.");
        training.allowOnly(Keys.TRAINING_KEYS, "the training settings");
        OptimizerSettings optimizer = readOptimizer(training.field(Keys.OPTIMIZER), defaults.optimizer());
        ScheduleSettings schedule = readSchedule(training.field(Keys.SCHEDULE), defaults.schedule());
        int batchSize = whole(training.field(Keys.BATCH_SIZE), defaults.batchSize(), 1, 65_536, "the batch size");
        int epochs = whole(training.field(Keys.EPOCHS), defaults.epochs(), 1, 100_000, "the number of epochs");
        double validationSplit = real(training.field(Keys.VALIDATION_SPLIT), defaults.validationSplit(),
                Range.closed(0, 0.9), "the validation split (the share of the data held back to check progress)");
        JsonCursor seedField = training.field(Keys.SEED);
        long seed = seedField.isPresent() ? seedField.wholeLong("The seed is a whole number such as 42.")
                : defaults.seed();
        DeviceChoice device = kind(training.field(Keys.DEVICE), defaults.device(), DeviceChoice::fromId,
                ids(DeviceChoice.values(), DeviceChoice::id), "device", "devices");
        double weightAverage = real(training.field(Keys.WEIGHT_AVERAGE), defaults.weightAverage(), Range.rightOpen(0, 1),
                "the weight average (the decay of a moving average of the weights, 0 for none, e.g. 0.999)");
        int patience = whole(training.field(Keys.PATIENCE), defaults.patience(), 0, 100_000,
                "the early-stopping patience (epochs without a better validation loss before the run stops; 0: off)");
        return new TrainingSettings(optimizer, schedule, batchSize, epochs, validationSplit, seed, device,
                weightAverage, patience);
    }

    private static OptimizerSettings readOptimizer(JsonCursor field, OptimizerSettings d) throws ProjectFileException {
        if (!field.isPresent()) {
            return d;
        }
        field.object("The optimizer is an object like { \"kind\" : \"adam\", \"learningRate\" : 0.001 }.");
        field.allowOnly(Keys.OPTIMIZER_KEYS, "the optimizer");
        OptimizerKind kind = kind(field.field(Keys.KIND), d.kind(), OptimizerKind::fromId,
                ids(OptimizerKind.values(), OptimizerKind::id), "optimizer", "optimizers");
        double rate = real(field.field(Keys.LEARNING_RATE), d.learningRate(), Range.leftOpen(0, 10),
                "the learning rate");
        double momentum = real(field.field(Keys.MOMENTUM), d.momentum(), Range.rightOpen(0, 1), "the momentum");
        JsonCursor nesterovField = field.field(Keys.NESTEROV);
        boolean nesterov = nesterovField.isPresent()
                ? nesterovField.flag("Nesterov momentum is switched on or off with true or false.") : d.nesterov();
        double beta1 = real(field.field(Keys.BETA1), d.beta1(), Range.rightOpen(0, 1), "beta1");
        double beta2 = real(field.field(Keys.BETA2), d.beta2(), Range.rightOpen(0, 1), "beta2");
        double epsilon = real(field.field(Keys.EPSILON), d.epsilon(), Range.leftOpen(0, 1), "epsilon");
        double weightDecay = real(field.field(Keys.WEIGHT_DECAY), d.weightDecay(), Range.closed(0, UNBOUNDED),
                "the weight decay");
        double clip = real(field.field(Keys.GRADIENT_CLIP), d.gradientClip(), Range.closed(0, UNBOUNDED),
                "the gradient clipping norm (0 for no clipping)");
        return new OptimizerSettings(kind, rate, momentum, nesterov, beta1, beta2, epsilon, weightDecay, clip);
    }

    private static ScheduleSettings readSchedule(JsonCursor field, ScheduleSettings d) throws ProjectFileException {
        if (!field.isPresent()) {
            return d;
        }
        field.object("The schedule is an object like { \"kind\" : \"fixed\" }.");
        field.allowOnly(Keys.SCHEDULE_KEYS, "the schedule");
        ScheduleKind kind = kind(field.field(Keys.KIND), d.kind(), ScheduleKind::fromId,
                ids(ScheduleKind.values(), ScheduleKind::id), "schedule", "schedules");
        int stepEpochs = whole(field.field(Keys.STEP_EPOCHS), d.stepEpochs(), 1, Integer.MAX_VALUE,
                "the number of epochs between two steps");
        double gamma = real(field.field(Keys.GAMMA), d.gamma(), Range.leftOpen(0, 1), "the step factor gamma");
        int warmup = whole(field.field(Keys.WARMUP_EPOCHS), d.warmupEpochs(), 0, Integer.MAX_VALUE,
                "the number of warm-up epochs");
        double minRate = real(field.field(Keys.MIN_LEARNING_RATE), d.minLearningRate(), Range.closed(0, UNBOUNDED),
                "the final learning rate");
        return new ScheduleSettings(kind, stepEpochs, gamma, warmup, minRate);
    }

    private static int whole(JsonCursor field, int fallback, int min, int max, String what)
            throws ProjectFileException {
        if (!field.isPresent()) {
            return fallback;
        }
        String allowed = max == Integer.MAX_VALUE ? "at least " + Words.whole(min)
                : "between " + Words.whole(min) + " and " + Words.whole(max);
        int value = field.wholeInt(capitalised(what) + " is a whole number " + allowed + ".");
        if (value < min || value > max) {
            throw field.fail(what + " must be " + allowed + ", but it is " + Words.whole(value) + ". LayerLoom's"
                    + " default is " + Words.whole(fallback) + ".");
        }
        return value;
    }

    private static double real(JsonCursor field, double fallback, Range range, String what)
            throws ProjectFileException {
        if (!field.isPresent()) {
            return fallback;
        }
        String allowed = range.max() == UNBOUNDED ? (range.minOpen() ? "greater than " : "at least ")
                + Words.number(range.min()) : range.describe(false);
        double value = field.number(capitalised(what) + " is a number " + allowed + ".");
        if (!range.contains(value)) {
            throw field.fail(what + " must be " + allowed + ", but it is " + Words.number(value) + ". LayerLoom's"
                    + " default is " + Words.number(fallback) + ".");
        }
        return value;
    }

    private static <E> E kind(JsonCursor field, E fallback, Function<String, Optional<E>> byId, List<String> ids,
                              String noun, String plural) throws ProjectFileException {
        if (!field.isPresent()) {
            return fallback;
        }
        String id = field.text("The " + noun + " is named in double quotes, one of " + Words.quotedList(ids) + ".");
        return byId.apply(id).orElseThrow(() -> field.fail("there is no " + noun + " " + Words.quoted(id) + "."
                + Words.didYouMean(id, ids) + " The " + plural + " are " + Words.quotedList(ids) + "."));
    }

    private static <E> List<String> ids(E[] values, Function<E, String> id) {
        return Arrays.stream(values).map(id).toList();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
