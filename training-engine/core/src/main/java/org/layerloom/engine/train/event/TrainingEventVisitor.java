package org.layerloom.engine.train.event;

/**
 * Does something for some kinds of {@link TrainingEvent}: override the methods of the events you care
 * about; the others do nothing (as DJL's {@code TrainingListenerAdapter}). Pass it to
 * {@link TrainingEvent#accept(TrainingEventVisitor)}, which calls the one method that matches the event.
 * A new kind of event adds a method here, so every visitor compiles unchanged and ignores it.
 * Called on whichever thread calls {@code accept}.
 */
public interface TrainingEventVisitor {

    default void runStarted(RunStarted event) {
    }

    default void testProgress(TestProgress event) {
    }

    default void batchEnded(BatchEnded event) {
    }

    default void epochEnded(EpochEnded event) {
    }

    default void checkpointSaved(CheckpointSaved event) {
    }

    default void stateChanged(StateChanged event) {
    }

    default void learningRateChanged(LearningRateChanged event) {
    }

    default void runFinished(RunFinished event) {
    }

    default void runFailed(RunFailed event) {
    }

    default void layerHealthCaptured(LayerHealthCaptured event) {
    }

    default void activationsCaptured(ActivationsCaptured event) {
    }

    default void decisionMapCaptured(DecisionMapCaptured event) {
    }

    default void embeddingProjected(EmbeddingProjected event) {
    }

    default void outputNotFinite(OutputNotFinite event) {
    }

    default void dataProgress(DataProgress event) {
    }

    default void dataLoaded(DataLoaded event) {
    }

    default void startingWeightsLoaded(StartingWeightsLoaded event) {
    }

    default void batchStepped(BatchStepped event) {
    }
}
