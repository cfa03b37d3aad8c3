package org.layerloom.engine.project;

/**
 * How a project trains: optimizer, learning-rate schedule, batch size, epochs, the fraction of the
 * training data held out for validation, the seed (initialisation and shuffling) and the device.
 * Immutable; any thread.
 */
public record TrainingSettings(OptimizerSettings optimizer, ScheduleSettings schedule, int batchSize, int epochs,
                               double validationSplit, long seed, DeviceChoice device) {

    public static TrainingSettings defaults() {
        return new TrainingSettings(OptimizerSettings.adam(0.001), ScheduleSettings.fixed(), 64, 5, 0.1, 42,
                DeviceChoice.AUTO);
    }
}
