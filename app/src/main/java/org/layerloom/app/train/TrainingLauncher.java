package org.layerloom.app.train;

import org.layerloom.engine.train.TrainingRequest;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * Starts a training run: in the app {@link TrainingSession#start(TrainingRequest, TrainingListener)}, the one
 * launch path that the command line and the smoke test use too; tests may wrap it. Called on the JavaFX thread;
 * returns at once, the run loads its data and trains on its own worker.
 */
@FunctionalInterface
public interface TrainingLauncher {

    /** The engine's launch path. */
    TrainingLauncher ENGINE = TrainingSession::start;

    TrainingSession start(TrainingRequest request, TrainingListener listener);
}
