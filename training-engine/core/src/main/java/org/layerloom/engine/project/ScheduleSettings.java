package org.layerloom.engine.project;

/**
 * How the learning rate changes over a run. Fields a schedule does not use are kept.
 * Immutable; any thread.
 *
 * @param stepEpochs STEP: epochs between two reductions
 * @param gamma STEP: the factor of each reduction
 * @param warmupEpochs WARMUP: epochs of the linear ramp
 * @param minLearningRate COSINE: the rate reached at the end
 */
public record ScheduleSettings(ScheduleKind kind, int stepEpochs, double gamma, int warmupEpochs,
                               double minLearningRate) {

    public static ScheduleSettings fixed() {
        return new ScheduleSettings(ScheduleKind.FIXED, 10, 0.1, 1, 0);
    }
}
