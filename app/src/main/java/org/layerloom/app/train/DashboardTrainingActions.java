package org.layerloom.app.train;

import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.layerloom.app.ui.TrainingActions;

/**
 * The Train menu's and the window's {@link TrainingActions}, carried out by the dashboard's view-model:
 * running and paused follow the dashboard's phase. JavaFX thread only.
 */
public final class DashboardTrainingActions implements TrainingActions {

    private final TrainingDashboardViewModel model;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");

    public DashboardTrainingActions(TrainingDashboardViewModel model) {
        this.model = model;
        running.bind(Bindings.createBooleanBinding(() -> model.phaseProperty().get().isActive(),
                model.phaseProperty()));
        paused.bind(model.phaseProperty().isEqualTo(DashboardPhase.PAUSED));
    }

    @Override
    public void start() {
        model.train();
    }

    @Override
    public void pause() {
        model.pause();
    }

    @Override
    public void resume() {
        model.resume();
    }

    @Override
    public void step() {
        model.step();
    }

    @Override
    public void stop() {
        model.stop();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    @Override
    public boolean stopAndWait(Duration timeout) {
        return model.stopAndWait(timeout);
    }
}
