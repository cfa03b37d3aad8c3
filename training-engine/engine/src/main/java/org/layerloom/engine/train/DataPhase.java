package org.layerloom.engine.train;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunState;
import org.layerloom.engine.train.event.StateChanged;
import org.layerloom.engine.train.event.TrainingListener;

/**
 * Phase 0 of a run started from a {@link TrainingRequest}: loads its dataset, telling the listener how far it
 * got ({@link DataProgress}, at most about ten times a second and at the end of each step) and when it is done
 * ({@link DataLoaded}). A stop asked for while it loads cancels the load; then, or when the data cannot be
 * read, the run ends here with {@link RunFailed}. Single use, on the run's worker thread.
 */
final class DataPhase implements ProgressListener {

    static final String STOPPED = "Stopped before training began.";
    private static final long REPORT_NANOS = 100_000_000;

    private final TrainingRequest request;
    private final RunControl control;
    private final TrainingListener listener;
    private String lastStep;
    private long lastReport;

    DataPhase(TrainingRequest request, RunControl control, TrainingListener listener) {
        this.request = request;
        this.control = control;
        this.listener = listener;
    }

    /**
     * Loads the dataset and completes {@code loaded} with it; or ends the run (a stop, or data that cannot be
     * read), completes {@code loaded} exceptionally and returns nothing.
     */
    Optional<Dataset> load(CompletableFuture<Dataset> loaded) {
        long start = System.nanoTime();
        try {
            Dataset dataset = ProjectData.load(request.trainedProject(), request.projectFolder(), request.settings(),
                    request.trainingLimit(), this);
            if (control.isStopRequested()) {
                throw new DatasetCancelledException();
            }
            listener.trainingEvent(new DataLoaded(dataset.name(), dataset.train().size(),
                    dataset.validation().size(), dataset.test().size(), (System.nanoTime() - start) / 1e9,
                    dataset.report().notes(), use(dataset)));
            loaded.complete(dataset);
            return Optional.of(dataset);
        } catch (DatasetCancelledException e) {
            loaded.cancel(false);
            end(RunState.STOPPED, STOPPED, "");
        } catch (DatasetException e) {
            loaded.completeExceptionally(e);
            end(RunState.FAILED, "The dataset could not be loaded: " + e.getMessage(), "");
        } catch (RuntimeException | LinkageError e) {
            loaded.completeExceptionally(e);
            end(RunState.FAILED, "The dataset could not be loaded: " + e.getMessage(), e.toString());
        }
        return Optional.empty();
    }

    /** What the loader counted, or (where it did not count what it left out) the examples it gave. */
    static DataUse use(Dataset dataset) {
        return dataset.report().use().orElseGet(() -> DataUse.uncounted(dataset.train().size()
                + dataset.validation().size() + dataset.test().size()));
    }

    private void end(RunState state, String reason, String detail) {
        listener.trainingEvent(new StateChanged(state, 0, 0));
        listener.trainingEvent(new RunFailed(reason, detail, 0, 0));
    }

    @Override
    public void progressDidChange(String step, long done, long total) {
        long now = System.nanoTime();
        boolean newStep = !step.equals(lastStep);
        boolean stepDone = total > 0 && done >= total;
        if (newStep || stepDone || now - lastReport >= REPORT_NANOS) {
            lastStep = step;
            lastReport = now;
            listener.trainingEvent(new DataProgress(step, done, total));
        }
    }

    @Override
    public boolean isCancelled() {
        return control.isStopRequested();
    }
}
