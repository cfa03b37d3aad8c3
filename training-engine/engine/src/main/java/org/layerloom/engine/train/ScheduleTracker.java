package org.layerloom.engine.train;

import ai.djl.training.tracker.Tracker;

/**
 * Hands DJL's optimizer the learning rate of the current step from our {@link LearningRateSchedule},
 * so a rate the student changes mid-run takes effect at once. The worker sets the step before each
 * optimizer step; DJL reads the rate on the same thread.
 */
final class ScheduleTracker implements Tracker {

    private final LearningRateSchedule schedule;
    private long step;

    ScheduleTracker(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    void setStep(long step) {
        this.step = step;
    }

    double currentRate() {
        return schedule.rateAt(step);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) schedule.rateAt(step);
    }
}
