package org.layerloom.engine.train.event;

/**
 * The end of phase 0: the run's dataset {@code dataset} (its display name) loaded in {@code seconds}, with
 * this many training, validation and test examples. Training starts next.
 */
public record DataLoaded(String dataset, int trainExamples, int validationExamples, int testExamples,
                         double seconds) implements TrainingEvent {

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.dataLoaded(this);
    }

    @Override
    public String type() {
        return "data-loaded";
    }
}
