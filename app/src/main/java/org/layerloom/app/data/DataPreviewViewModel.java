package org.layerloom.app.data;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.preview.DatasetPreview;
import org.layerloom.engine.data.preview.DatasetPreviews;
import org.layerloom.engine.data.preview.OutputExpectation;
import org.layerloom.engine.text.Numbers;

/**
 * Loads a dataset and builds its preview on the {@code background} executor, then publishes the preview or
 * the error message through the {@code ui} executor ({@code Platform::runLater} in the app,
 * {@code Runnable::run} in tests). Progress text is coalesced: at most one hand-over to the UI is pending at
 * a time. A newer {@link #load} supersedes an older one, whose result is dropped and whose loading is asked
 * to stop ({@link LatestResult}). Call its methods on the JavaFX thread.
 */
public final class DataPreviewViewModel {

    private final DatasetRegistry registry;
    private final Executor background;
    private final Executor ui;
    private final LatestResult<DatasetPreview> loading;
    private final ReadOnlyObjectWrapper<DatasetPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public DataPreviewViewModel(DatasetRegistry registry, Executor background, Executor ui) {
        this.registry = registry;
        this.background = background;
        this.ui = ui;
        this.loading = new LatestResult<>("Loading the dataset", background, ui);
    }

    /** The datasets this view-model loads from; the Data area lists its entries. */
    public DatasetRegistry registry() {
        return registry;
    }

    /** Starts loading {@code request}; with an expectation, the labels are also checked against the network. */
    public void load(DatasetRequest request, Optional<OutputExpectation> expectation) {
        error.set(null);
        notice.set("");
        progress.set("Loading " + request.source() + "…");
        loading.submit(ticket -> DatasetPreviews.of(registry.load(request, new ProgressText(ticket)), expectation),
                done -> publish(done, null), this::failed);
    }

    /**
     * Shows what the student has to do before the choice can load ("Choose a CSV file…") in place of a
     * preview; any load under way is dropped.
     */
    public void showNotice(String text) {
        loading.cancel();
        progress.set("");
        preview.set(null);
        error.set(null);
        notice.set("");
        notice.set(text);
    }

    /** What to do before the choice can be previewed, or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    Executor background() {
        return background;
    }

    Executor ui() {
        return ui;
    }

    /** Asks the current load to stop; its outcome is dropped. */
    public void cancel() {
        loading.cancel();
        progress.set("");
    }

    private void failed(Exception e) {
        if (e instanceof DatasetCancelledException) {
            return;
        }
        publish(null, e instanceof DatasetException ? e.getMessage()
                : "LayerLoom could not load this dataset: " + e);
    }

    /** Sets the outcome; the busy flag clears after it, so busy listeners see the new preview. */
    private void publish(DatasetPreview result, String message) {
        preview.set(result);
        error.set(message);
        progress.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return loading.busyProperty();
    }

    /** The loading, for the status bar's task list. */
    public LatestResult<DatasetPreview> loading() {
        return loading;
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
        private final LatestResult.Ticket ticket;
        private final java.util.concurrent.atomic.AtomicReference<String> latest =
                new java.util.concurrent.atomic.AtomicReference<>();

        ProgressText(LatestResult.Ticket ticket) {
            this.ticket = ticket;
        }

        @Override
        public void progressDidChange(String step, long done, long total) {
            String text = total > 0 ? step + " (" + Numbers.percent((double) done / total) + ")"
                    : step;
            if (latest.getAndSet(text) == null) {
                ui.execute(() -> {
                    String value = latest.getAndSet(null);
                    if (ticket.isCurrent() && value != null) {
                        progress.set(value);
                    }
                });
            }
        }

        @Override
        public boolean isCancelled() {
            return !ticket.isCurrent();
        }
    }
}
