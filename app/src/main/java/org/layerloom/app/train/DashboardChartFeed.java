package org.layerloom.app.train;

import org.layerloom.engine.train.event.EpochEnded;

/**
 * Where the dashboard's view-model sends chart points while it reads a batch of events; the view
 * appends them to its charts and redraws once in {@link #flush()}. x is the run's progress in epochs
 * (2.5: half-way through epoch 3). Called on the JavaFX thread.
 */
public interface DashboardChartFeed {

    /** A feed that draws nothing. */
    DashboardChartFeed NONE = new DashboardChartFeed() {
        @Override
        public void reset() {
        }

        @Override
        public void batch(double x, double loss, double accuracy, double learningRate) {
        }

        @Override
        public void epoch(EpochEnded epoch) {
        }

        @Override
        public void marker(double x, String label) {
        }

        @Override
        public void flush() {
        }
    };

    /** A new run starts: forget the points of the last one. */
    void reset();

    /** One training batch: its loss, accuracy (NaN for a regression) and learning rate. */
    void batch(double x, double loss, double accuracy, double learningRate);

    /** One epoch's averages and validation results, at x = epoch. */
    void epoch(EpochEnded epoch);

    /** A labelled marker, e.g. "lr 0.01 → 0.001 at epoch 3". */
    void marker(double x, String label);

    /** The batch of events is read: redraw once. */
    void flush();

    /**
     * What the training loss of the next run is, when it is not the network's own: e.g. "distillation loss" for a
     * run that learns from a teacher (its validation loss stays the labels' loss); "" for the network's own.
     */
    default void trainingLossIs(String name) {
    }
}
