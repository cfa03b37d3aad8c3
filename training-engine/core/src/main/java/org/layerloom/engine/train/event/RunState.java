package org.layerloom.engine.train.event;

/** The life of a training run, as the run controls show it. */
public enum RunState {
    STARTING, RUNNING, PAUSED, STOPPING, FINISHED, FAILED, STOPPED
}
