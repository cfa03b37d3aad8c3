package org.layerloom.app.ui;

import java.util.function.BooleanSupplier;

/**
 * Decides whether the window may close: a running training needs the student's yes first (it is then
 * stopped cleanly and keeps its checkpoint), and unsaved changes need the editor's question answered.
 * The questions are passed in, so the rule is testable without a toolkit. JavaFX thread only.
 */
public final class QuitGuard {

    private final TrainingActions training;
    private final BooleanSupplier askStopTraining;
    private final BooleanSupplier confirmUnsavedWork;

    /**
     * @param askStopTraining    asks "stop the training and quit?"; true means yes
     * @param confirmUnsavedWork asks about unsaved changes (saving them if wanted); true means go on
     */
    public QuitGuard(TrainingActions training, BooleanSupplier askStopTraining, BooleanSupplier confirmUnsavedWork) {
        this.training = training;
        this.askStopTraining = askStopTraining;
        this.confirmUnsavedWork = confirmUnsavedWork;
    }

    /** True when the window may close; asks only the questions that apply, training first. */
    public boolean mayClose() {
        if (training.runningProperty().get() && !askStopTraining.getAsBoolean()) {
            return false;
        }
        return confirmUnsavedWork.getAsBoolean();
    }
}
