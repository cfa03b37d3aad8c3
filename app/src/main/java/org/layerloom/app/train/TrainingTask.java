package org.layerloom.app.train;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.layerloom.app.ui.TaskSource;
import org.layerloom.engine.text.Numbers;

/**
 * The training of the Train area as a background task for the status bar and its task list: it runs while a
 * run is active (loading its data, training, paused, stopping and testing), says where the run is ("Epoch 3 of
 * 20 · batch 40 of 938 · about 2:10 left", "Testing the kept network · 1,200 of 10,000 test examples"), shows
 * the run's progress, and is stopped with Stop. It reads the dashboard's properties, which the event pump
 * changes once per pulse. Stateless; JavaFX thread only.
 */
public final class TrainingTask {

    private TrainingTask() {
    }

    /** The training of {@code dashboard} as a task called "Training". */
    public static TaskSource of(TrainingDashboardViewModel dashboard) {
        RunProgressTexts progress = dashboard.live().progress();
        StringBinding detail = Bindings.createStringBinding(() -> describe(dashboard.phaseProperty().get(),
                        progress.epochTextProperty().get(), progress.batchTextProperty().get(),
                        progress.etaTextProperty().get(), progress.fractionProperty().get()),
                dashboard.phaseProperty(), progress.epochTextProperty(), progress.batchTextProperty(),
                progress.etaTextProperty(), progress.fractionProperty());
        return TaskSource.of("Training", dashboard.whilePhase(DashboardPhase::isActive))
                .withDetail(detail)
                .withProgress(progress.fractionProperty())
                .cancelledBy("Stop", dashboard::stop, dashboard.whilePhase(DashboardPhase::canStop))
                .failedWhen(dashboard.whilePhase(phase -> phase == DashboardPhase.FAILED));
    }

    static String describe(DashboardPhase phase, String epoch, String batch, String eta, double fraction) {
        boolean testing = epoch.startsWith("Testing");
        return switch (phase) {
            case LOADING -> "Loading the dataset…" + (fraction > 0 ? " " + Numbers.percent(fraction) : "");
            case STARTING -> "Starting the run…";
            case PAUSED -> "Paused at " + epoch.toLowerCase(Locale.ROOT);
            case STOPPING -> testing ? line(epoch, batch, eta) : "Stopping after this batch…";
            case RUNNING -> line(epoch, batch, eta);
            default -> "";
        };
    }

    private static String line(String epoch, String batch, String eta) {
        StringBuilder text = new StringBuilder(epoch);
        if (!batch.contains("–")) {
            text.append(" · ").append(batch);
        }
        if (!eta.equals("–") && !eta.isBlank()) {
            text.append(" · ").append(eta);
        }
        return text.toString();
    }
}
