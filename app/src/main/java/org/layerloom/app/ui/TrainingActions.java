package org.layerloom.app.ui;

import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What the Train menu and the window ask of the training dashboard: start, pause, resume and stop the
 * training of the open project, whether one is running (closing the window asks first) and a clean stop
 * when the app quits (the run keeps its checkpoint). The dashboard in {@code app.train} implements it; the
 * composition root passes {@link #idle()} while no dashboard is wired. Every method is called on the
 * JavaFX thread, and the properties change on it.
 */
public interface TrainingActions {

    /** Starts training the open project (the engine loads in the background, so this never waits for it). */
    void start();

    void pause();

    void resume();

    /** Trains one batch and pauses (with no run on, starts one that pauses after its first batch). */
    default void step() {
    }

    /** Asks the running training to stop after its current batch; its checkpoint is kept. */
    void stop();

    /** True from {@link #start()} until the run has finished, failed or stopped. */
    ReadOnlyBooleanProperty runningProperty();

    /** True while a running training is paused. */
    ReadOnlyBooleanProperty pausedProperty();

    /**
     * For quitting: stops a running training and waits at most {@code timeout} for its worker to write the
     * checkpoint and end. Returns whether it ended in time (true when nothing was running).
     */
    boolean stopAndWait(Duration timeout);

    /** Training actions for a window without a dashboard: nothing ever runs, every command does nothing. */
    static TrainingActions idle() {
        ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(false);
        return new TrainingActions() {
            @Override
            public void start() {
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void stop() {
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return never.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty pausedProperty() {
                return never.getReadOnlyProperty();
            }

            @Override
            public boolean stopAndWait(Duration timeout) {
                return true;
            }
        };
    }
}
