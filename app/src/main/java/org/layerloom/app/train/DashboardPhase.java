package org.layerloom.app.train;

/** Where the dashboard's run is, as its buttons and status show it. */
public enum DashboardPhase {
    IDLE("Ready to train"),
    LOADING("Loading the dataset…"),
    STARTING("Starting…"),
    RUNNING("Training"),
    PAUSED("Paused"),
    STOPPING("Stopping…"),
    FINISHED("Finished"),
    STOPPED("Stopped"),
    FAILED("Failed");

    private final String text;

    DashboardPhase(String text) {
        this.text = text;
    }

    /** The status text shown for this phase. */
    public String text() {
        return text;
    }

    /** Whether a run is loading or training now (so Train is not offered). */
    public boolean isActive() {
        return this == LOADING || this == STARTING || this == RUNNING || this == PAUSED || this == STOPPING;
    }

    public boolean canTrain() {
        return !isActive();
    }

    public boolean canPause() {
        return this == RUNNING;
    }

    /** Whether the run may resume, or take a new learning rate typed in (both while paused). */
    public boolean canResume() {
        return this == PAUSED;
    }

    /** Whether Step is offered: to train one batch and pause (with no run on, a new run pauses after one batch). */
    public boolean canStep() {
        return this != STOPPING;
    }

    public boolean canStop() {
        return isActive() && this != STOPPING;
    }
}
