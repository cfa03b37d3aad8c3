package org.layerloom.app;

import java.util.function.Supplier;
import org.layerloom.app.train.TrainableProject;
import org.layerloom.app.workspace.Settings;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.TrainingRequest;

/**
 * What the app adds to every run the dashboard starts: the device (a project that says "auto" follows the
 * user's default device), the engine threads from the settings (0: chosen per network), and training-health
 * inspection for the health view, the graph previews, the live decision map and the embedding: about five
 * captures per epoch, between every 5th and every 50th batch (one capture costs about half a batch, so at most
 * ~10 % of the time). Early stopping is the project's setting. JavaFX thread only: the settings are read there,
 * into the immutable {@link TrainingRequest} that the run's worker gets.
 */
final class RunOptions {

    private final Supplier<Settings> settings;

    RunOptions(Supplier<Settings> settings) {
        this.settings = settings;
    }

    /** The request for a run of {@code project}, with the user's settings as they are now. */
    TrainingRequest request(TrainableProject project) {
        Settings user = settings.get();
        TrainingSettings training = project.project().training();
        TrainingRequest.Builder request = TrainingRequest.builder(project.project(), project.file());
        if (user != null && training.device() == DeviceChoice.AUTO && user.device() != DeviceChoice.AUTO) {
            request.optSettings(training.withDevice(user.device()));
        }
        if (user != null && user.threads() > 0) {
            request.optThreads(user.threads());
        }
        int batchSize = training.batchSize();
        return request.optInspection(dataset -> InspectionSettings.every(captureInterval(dataset.train().size(),
                batchSize))).build();
    }

    /** About five captures per epoch, between every 5th and every 50th batch. */
    static int captureInterval(int trainingExamples, int batchSize) {
        int batches = (int) Math.ceil(trainingExamples / (double) Math.max(1, batchSize));
        return Math.max(5, Math.min(50, batches / 5));
    }
}
