package org.layerloom.engine.train.event;

/**
 * The run's training has ended and its kept parameters are being measured on the test split: {@code examplesDone}
 * of {@code examples} test examples so far (0 when the test starts). Sent on the worker after each test batch, so a
 * long test (10,000 MNIST images) shows its progress. Immutable.
 */
public record TestProgress(int examplesDone, int examples) implements TrainingEvent {

    public TestProgress {
        if (examplesDone < 0 || examples < 0 || examplesDone > examples) {
            throw new IllegalArgumentException("examples done must lie in [0, examples]");
        }
    }

    /** The share of the test done, from 0 to 1 (1 for an empty test split). */
    public double fraction() {
        return examples == 0 ? 1 : examplesDone / (double) examples;
    }

    @Override
    public void accept(TrainingEventVisitor visitor) {
        visitor.testProgress(this);
    }

    @Override
    public String type() {
        return "testing";
    }
}
