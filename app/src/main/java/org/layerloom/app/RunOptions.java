package org.layerloom.app;

import java.util.function.Supplier;
import org.layerloom.app.workspace.Settings;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingJob;

/**
 * What the app adds to every run the dashboard starts: the device (a project that says "auto" follows the
 * user's default device), the engine threads from the settings (0: chosen per network), early stopping when
 * the coach turned it on, and training-health inspection for the health view, the graph previews, the
 * live decision map and the embedding: about five captures per epoch, between every 5th and every 50th
 * batch (one capture costs about half a batch, so at most ~10 % of the time). Called on the background
 * executor; the patience may be set from the JavaFX thread.
 */
final class RunOptions {

    private final Supplier<Settings> settings;
    private volatile int patience;

    RunOptions(Supplier<Settings> settings) {
        this.settings = settings;
    }

    /** Early stopping for the next runs: stop after {@code epochs} epochs without a better validation loss. */
    void setPatience(int epochs) {
        patience = Math.max(0, epochs);
    }

    int patience() {
        return patience;
    }

    TrainingJob apply(TrainingJob job) {
        Settings user = settings.get();
        TrainingJob out = job;
        TrainingSettings training = job.settings();
        if (user != null && training.device() == DeviceChoice.AUTO && user.device() != DeviceChoice.AUTO) {
            out = out.withSettings(new TrainingSettings(training.optimizer(), training.schedule(),
                    training.batchSize(), training.epochs(), training.validationSplit(), training.seed(),
                    user.device()));
        }
        if (user != null && user.threads() > 0) {
            out = out.withThreads(user.threads());
        }
        if (patience > 0) {
            out = out.withPatience(patience);
        }
        return out.withInspection(InspectionSettings.every(captureInterval(job)));
    }

    /** About five captures per epoch, between every 5th and every 50th batch. */
    static int captureInterval(TrainingJob job) {
        int batches = (int) Math.ceil(job.dataset().train().size() / (double) Math.max(1, job.settings().batchSize()));
        return Math.max(5, Math.min(50, batches / 5));
    }
}
