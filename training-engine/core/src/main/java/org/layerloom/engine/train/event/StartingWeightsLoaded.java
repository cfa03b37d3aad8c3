package org.layerloom.engine.train.event;

/**
 * A new run of a project with starting weights (an imported model's) took them: {@code loaded} of
 * {@code loaded + fresh} weights came from {@code file}, {@code fresh} kept the weights the seed drew (layers
 * added or resized since the import), and {@code unused} arrays of the file were left out. {@code summary} says
 * which, in a sentence for the student. Sent once, before the first batch.
 */
public record StartingWeightsLoaded(String file, int loaded, int fresh, int unused, String summary)
        implements TrainingEvent {

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.startingWeightsLoaded(this);
    }

    @Override
    public String type() {
        return "starting-weights";
    }
}
