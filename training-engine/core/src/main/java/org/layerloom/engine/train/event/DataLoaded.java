package org.layerloom.engine.train.event;

import java.util.List;

/**
 * The end of phase 0: the run's dataset {@code dataset} (its display name) loaded in {@code seconds}, with
 * this many training, validation and test examples, and the loader's {@code notes}: what it left out or changed
 * and why (rows skipped, files that could not be read, columns read in another number style), so that a run
 * never trains on less than the student thinks without saying so. Training starts next.
 */
public record DataLoaded(String dataset, int trainExamples, int validationExamples, int testExamples,
                         double seconds, List<String> notes) implements TrainingEvent {

    public DataLoaded {
        notes = List.copyOf(notes);
    }

    /** A dataset loaded with nothing to report. */
    public DataLoaded(String dataset, int trainExamples, int validationExamples, int testExamples, double seconds) {
        this(dataset, trainExamples, validationExamples, testExamples, seconds, List.of());
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.dataLoaded(this);
    }

    @Override
    public String type() {
        return "data-loaded";
    }
}
