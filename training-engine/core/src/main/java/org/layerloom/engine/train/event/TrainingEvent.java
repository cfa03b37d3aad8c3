package org.layerloom.engine.train.event;

/**
 * Something that happened in a training run, as plain immutable numbers: what the worker tells the
 * charts, the command line and the run history. Never holds an engine array or the trainer.
 * Created on the training worker; any thread may read it.
 */
public sealed interface TrainingEvent permits RunStarted, BatchEnded, EpochEnded, CheckpointSaved,
        StateChanged, LearningRateChanged, RunFinished, RunFailed, LayerHealthCaptured, ActivationsCaptured,
        DecisionMapCaptured, EmbeddingProjected, OutputNotFinite, DataProgress, DataLoaded, TestProgress,
        StartingWeightsLoaded, BatchStepped {

    /** The stable name used for JSON lines, e.g. "batch" or "finished". */
    String type();

    /** Calls the method of {@code visitor} that matches this event's type, e.g. {@code batchEnded} for a {@link BatchEnded}. */
    void accept(TrainingEventVisitor visitor);
}
