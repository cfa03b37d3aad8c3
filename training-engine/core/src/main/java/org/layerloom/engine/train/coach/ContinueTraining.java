package org.layerloom.engine.train.coach;

/**
 * A suggestion to go on training a finished run for {@code moreEpochs} more epochs, from its last checkpoint
 * with its optimizer state, up to {@code totalEpochs} in all; {@code runFolder} is the run's folder (as
 * {@code layerloom train --resume RUN_FOLDER --epochs TOTAL} takes it). Immutable; any thread.
 */
public record ContinueTraining(int moreEpochs, int totalEpochs, String runFolder) implements CoachAction {

    public ContinueTraining {
        if (moreEpochs < 1 || totalEpochs < moreEpochs) {
            throw new IllegalArgumentException("more epochs must be at least 1 and at most the total");
        }
        runFolder = runFolder == null ? "" : runFolder;
    }

    @Override
    public String label() {
        return "Train " + moreEpochs + " more epochs";
    }
}
