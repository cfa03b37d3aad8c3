package org.layerloom.engine.train.event;

/**
 * Phase 0 of a run started from a project: its dataset is loading. {@code done} out of {@code total} units
 * of {@code step} (e.g. "Reading train-images-idx3-ubyte.gz"; bytes for files, examples for generated data);
 * {@code total} is 0 or less when unknown. Sent at most about ten times a second, and at the end of each step.
 */
public record DataProgress(String step, long done, long total) implements TrainingEvent {

    /** How far the step is, from 0 to 1, or NaN when its total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1, (double) done / total) : Double.NaN;
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.dataProgress(this);
    }

    @Override
    public String type() {
        return "data";
    }
}
