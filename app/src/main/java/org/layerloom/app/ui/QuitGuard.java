package org.layerloom.app.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decides whether the window may close: a running training needs the student's yes first (it is then
 * stopped cleanly and keeps its checkpoint), and unsaved changes need the editor's question answered (and,
 * when the student chose to save, the project written). The questions are passed in, so the rule is
 * testable without a toolkit. JavaFX thread only.
 */
public final class QuitGuard {

    private final TrainingActions training;
    private final BooleanSupplier askStopTraining;
    private final Consumer<Runnable> confirmUnsavedWork;

    /**
     * @param askStopTraining    asks "stop the training and quit?"; true means yes
     * @param confirmUnsavedWork asks about unsaved changes (saving them if wanted) and runs what it is given once
     *                           the window may close; it does not run it when the student cancels
     */
    public QuitGuard(TrainingActions training, BooleanSupplier askStopTraining, Consumer<Runnable> confirmUnsavedWork) {
        this.training = training;
        this.askStopTraining = askStopTraining;
        this.confirmUnsavedWork = confirmUnsavedWork;
    }

    /** Runs {@code close} once the window may close; asks only the questions that apply, training first. */
    public void ifMayClose(Runnable close) {
        if (training.runningProperty().get() && !askStopTraining.getAsBoolean()) {
            return;
        }
        confirmUnsavedWork.accept(close);
    }
}
