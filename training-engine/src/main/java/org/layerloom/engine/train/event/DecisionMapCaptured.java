package org.layerloom.engine.train.event;

/**
 * The live decision-boundary map of a network with 2-D inputs after step {@code step}: the class
 * probabilities over a {@code resolution} × {@code resolution} grid of the rectangle x ∈ [xMin, xMax],
 * y ∈ [yMin, yMax] (the training data's bounding box with a 10 % margin), row 0 at the top (yMax), cell
 * after cell, {@code classes} numbers each. Sent with the health captures when the job asks for it.
 * Immutable (the array is copied); any thread.
 */
public record DecisionMapCaptured(int epoch, int batch, long step, double xMin, double xMax, double yMin,
                                  double yMax, int resolution, int classes, float[] probabilities)
        implements TrainingEvent {

    public DecisionMapCaptured {
        probabilities = probabilities.clone();
        if (probabilities.length != resolution * resolution * classes) {
            throw new IllegalArgumentException("the probabilities do not fill the grid");
        }
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public String type() {
        return "decision_map";
    }
}
