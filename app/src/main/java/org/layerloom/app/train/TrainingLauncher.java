package org.layerloom.app.train;

import java.util.function.Consumer;
import org.layerloom.engine.train.RunControl;
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
    TrainingLauncher ENGINE = new TrainingLauncher() {
        @Override
        public TrainingSession start(TrainingRequest request, TrainingListener listener) {
            return TrainingSession.start(request, listener);
        }

        @Override
        public TrainingSession start(TrainingRequest request, TrainingListener listener,
                                     Consumer<RunControl> prepare) {
            return TrainingSession.start(request, listener, prepare);
        }
    };

    TrainingSession start(TrainingRequest request, TrainingListener listener);

    /**
     * Starts a run whose control {@code prepare} sets up first (a step for its first batch, slow motion): the
     * engine does so before its worker starts; a launcher that only wraps {@link #start(TrainingRequest,
     * TrainingListener)} does so just after.
     */
    default TrainingSession start(TrainingRequest request, TrainingListener listener, Consumer<RunControl> prepare) {
        TrainingSession session = start(request, listener);
        prepare.accept(session.control());
        return session;
    }
}
