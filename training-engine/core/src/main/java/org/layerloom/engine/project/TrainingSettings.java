package org.layerloom.engine.project;

/**
 * How a project trains: optimizer, learning-rate schedule, batch size, epochs, the fraction of the
 * training data held out for validation, the seed (initialisation and shuffling), the device, and the
 * weight average, and early stopping. {@code weightAverage} is the decay of an exponential moving average of the weights
 * (Polyak averaging; 0 = off, e.g. 0.999 ≈ the last thousand steps): when on, the network that is
 * validated, kept as the best epoch and tested is that average, while training itself steps the raw
 * weights exactly as without it. {@code patience} turns on early stopping: the run ends after that many epochs
 * without a better validation loss (0 = off). Immutable; any thread.
 */
public record TrainingSettings(OptimizerSettings optimizer, ScheduleSettings schedule, int batchSize, int epochs,
                               double validationSplit, long seed, DeviceChoice device, double weightAverage,
                               int patience) {

    public TrainingSettings {
        if (!(weightAverage >= 0 && weightAverage < 1)) {
            throw new IllegalArgumentException("the weight average's decay must lie in [0, 1), not " + weightAverage);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("the early-stopping patience must be at least 0, not " + patience);
        }
    }

    /** Settings without early stopping. */
    public TrainingSettings(OptimizerSettings optimizer, ScheduleSettings schedule, int batchSize, int epochs,
                            double validationSplit, long seed, DeviceChoice device, double weightAverage) {
        this(optimizer, schedule, batchSize, epochs, validationSplit, seed, device, weightAverage, 0);
    }

    /** Settings without a weight average or early stopping. */
    public TrainingSettings(OptimizerSettings optimizer, ScheduleSettings schedule, int batchSize, int epochs,
                            double validationSplit, long seed, DeviceChoice device) {
        this(optimizer, schedule, batchSize, epochs, validationSplit, seed, device, 0, 0);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(OptimizerSettings.adam(0.001), ScheduleSettings.fixed(), 64, 5, 0.1, 42,
                DeviceChoice.AUTO);
    }

    public TrainingSettings withOptimizer(OptimizerSettings newOptimizer) {
        return new TrainingSettings(newOptimizer, schedule, batchSize, epochs,
                validationSplit, seed, device, weightAverage, patience);
    }

    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(optimizer, schedule, size, epochs,
                validationSplit, seed, device, weightAverage, patience);
    }

    public TrainingSettings withEpochs(int count) {
        return new TrainingSettings(optimizer, schedule, batchSize, count,
                validationSplit, seed, device, weightAverage, patience);
    }

    public TrainingSettings withDevice(DeviceChoice choice) {
        return new TrainingSettings(optimizer, schedule, batchSize, epochs,
                validationSplit, seed, choice, weightAverage, patience);
    }

    /** These settings with early stopping after {@code epochs} epochs without a better validation loss (0 = off). */
    public TrainingSettings withPatience(int epochs) {
        return new TrainingSettings(optimizer, schedule, batchSize, this.epochs, validationSplit, seed, device,
                weightAverage, epochs);
    }

    /** These settings with the weight average's decay {@code decay} (0 = off). */
    public TrainingSettings withWeightAverage(double decay) {
        return new TrainingSettings(optimizer, schedule, batchSize, epochs,
                validationSplit, seed, device, decay, patience);
    }
}
