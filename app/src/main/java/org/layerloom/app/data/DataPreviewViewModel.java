package org.layerloom.app.data;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.preview.DatasetPreview;
import org.layerloom.engine.data.preview.DatasetPreviews;
import org.layerloom.engine.data.preview.OutputExpectation;

/**
 * Loads a dataset and builds its preview on the {@code background} executor, then publishes the preview or
 * the error message through the {@code ui} executor ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests). Progress text is coalesced: at most one hand-over to the UI is pending at
 * a time. A newer {@link #load} supersedes an older one, whose result is dropped and whose loading is asked
 * to stop. Call its methods on the JavaFX thread.
 */
public final class DataPreviewViewModel {

    private final DatasetRegistry registry;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<DatasetPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private volatile long generation;

    public DataPreviewViewModel(DatasetRegistry registry, Executor background, Executor ui) {
        this.registry = registry;
        this.background = background;
        this.ui = ui;
    }

    /** Starts loading {@code request}; with an expectation, the labels are also checked against the network. */
    public void load(DatasetRequest request, Optional<OutputExpectation> expectation) {
        long ticket = ++generation;
        busy.set(true);
        error.set(null);
        progress.set("Loading " + request.source() + "…");
        ProgressText text = new ProgressText(ticket);
        background.execute(() -> {
            DatasetPreview result = null;
            String failure = null;
            try {
                Dataset dataset = registry.load(request, text);
                result = DatasetPreviews.of(dataset, expectation);
            } catch (DatasetCancelledException e) {
                return;
            } catch (DatasetException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "LayerLoom could not load this dataset: " + e;
            }
            DatasetPreview done = result;
            String message = failure;
            ui.execute(() -> publish(ticket, done, message));
        });
    }

    /** Asks the current load to stop; its outcome is dropped. */
    public void cancel() {
        generation++;
        busy.set(false);
        progress.set("");
    }

    private void publish(long ticket, DatasetPreview result, String message) {
        if (ticket != generation) {
            return;
        }
        preview.set(result);
        error.set(message);
        progress.set("");
        busy.set(false);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last preview built; null before the first, or after a failed load. */
    public ReadOnlyObjectProperty<DatasetPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The last load's error message for the student, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the current load is doing ("Downloading …: 3.2 of 9.9 MB"), or empty. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Hands progress to the UI thread, one pending update at a time; asks the load to stop once superseded. */
    private final class ProgressText implements ProgressListener {
        private final long ticket;
        private final java.util.concurrent.atomic.AtomicReference<String> latest =
                new java.util.concurrent.atomic.AtomicReference<>();

        ProgressText(long ticket) {
            this.ticket = ticket;
        }

        @Override
        public void progressDidChange(String step, long done, long total) {
            String text = total > 0 ? String.format(java.util.Locale.ROOT, "%s (%.0f %%)", step,
                    100.0 * done / total) : step;
            if (latest.getAndSet(text) == null) {
                ui.execute(() -> {
                    String value = latest.getAndSet(null);
                    if (ticket == generation && value != null) {
                        progress.set(value);
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return ticket != generation;
        }
    }
}
