package org.layerloom.engine.train.event;

/**
 * Receives the events of a run. Called on the training worker thread, in order; it must return
 * quickly (queue the event for the UI, print a line) and never block on the UI.
 */
@FunctionalInterface
public interface TrainingListener {

    void trainingEvent(TrainingEvent event);
}
