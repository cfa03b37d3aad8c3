package org.layerloom.engine.train.event;

import java.util.List;
import java.util.Objects;
import org.layerloom.engine.data.DataUse;

/**
 * The end of phase 0: the run's dataset {@code dataset} (its display name) loaded in {@code seconds}, with
 * this many training, validation and test examples; {@code use}: how many examples the loader used and what it
 * left out, counted by reason with the first few places; and the loader's {@code notes}: what it left out or
 * changed and why, as sentences (rows skipped, files that could not be read, columns read in another number
 * style), so that a run never trains on less than the student thinks without saying so. Training starts next.
 */
public record DataLoaded(String dataset, int trainExamples, int validationExamples, int testExamples,
                         double seconds, List<String> notes, DataUse use) implements TrainingEvent {

    public DataLoaded {
        notes = List.copyOf(notes);
        Objects.requireNonNull(use, "use");
    }

    /** A dataset whose loader did not count what it left out. */
    public DataLoaded(String dataset, int trainExamples, int validationExamples, int testExamples, double seconds,
                      List<String> notes) {
        this(dataset, trainExamples, validationExamples, testExamples, seconds, notes,
                DataUse.uncounted(trainExamples + validationExamples + testExamples));
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
