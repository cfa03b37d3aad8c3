package org.layerloom.charts.confusion;

/** Told when the student clicks a cell of a {@link ConfusionMatrixView}; called on the JavaFX thread. */
@FunctionalInterface
public interface ConfusionCellListener {

    /** The cell of examples of class {@code actual} that the network predicted as {@code predicted} (0-based). */
    void cellChosen(int actual, int predicted);
}
