package org.layerloom.app.data;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import org.layerloom.app.ui.TaskSource;
import org.layerloom.editor.fx.LatestResult;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.standard.DownloadListener;
import org.layerloom.engine.data.standard.DownloadProgress;
import org.layerloom.engine.data.standard.StandardSource;

/**
 * The Data area's Download button: fetches a standard dataset (MNIST, Fashion-MNIST, CIFAR-10) into the cache
 * folder on the {@code background} executor, showing bytes, percent and speed, and stops (deleting the partial
 * file) on Cancel. Progress is coalesced: at most one hand-over to the {@code ui} executor is pending. Call its
 * methods on the JavaFX thread.
 */
public final class DatasetDownloadViewModel {

    private final Executor ui;
    private final LatestResult<Path> downloading;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper failed =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "failed");

    public DatasetDownloadViewModel(Executor background, Executor ui) {
        this.ui = ui;
        this.downloading = new LatestResult<>("Downloading a dataset", background, ui);
    }

    /**
     * Downloads what {@code source} lacks into {@code folder}; {@code options} may name a "mirror".
     * {@code done} runs on the UI thread once every file is there and verified.
     */
    public void start(StandardSource source, Path folder, DatasetOptions options, Runnable done) {
        message.set("");
        failed.set(false);
        progress.set(-1);
        detail.set("Connecting…");
        String title = source.dataset().title();
        downloading.submit(ticket -> {
            source.download(folder, options, new Listener(ticket));
            return folder;
        }, ignored -> {
            progress.set(1);
            detail.set("");
            message.set(title + " is downloaded and checked; it stays in " + folder + ".");
            done.run();
        }, e -> {
            detail.set("");
            progress.set(0);
            if (e instanceof DatasetCancelledException) {
                message.set("The download was cancelled; nothing was kept.");
            } else {
                failed.set(true);
                message.set(e instanceof DatasetException ? e.getMessage()
                        : "The download of " + title + " failed: " + e);
            }
        });
    }

    /** Stops the download; the partial file is deleted. */
    public void cancel() {
        if (downloading.busyProperty().get()) {
            downloading.cancel();
            detail.set("");
            progress.set(0);
            message.set("The download was cancelled; nothing was kept.");
        }
    }

    /** True while a download runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return downloading.busyProperty();
    }

    /** The download, for the status bar's task list. */
    public LatestResult<Path> work() {
        return downloading;
    }

    /**
     * The download as a background task for the task list ("train-images-idx3-ubyte.gz: 3.2 of 9.9 MB (32 %),
     * 1.4 MB/s", its progress, and Cancel) and the status bar ("Downloading train-images-idx3-ubyte.gz: …").
     */
    public TaskSource asTask() {
        return TaskSource.of(downloading.name(), downloading.busyProperty())
                .withDetail(detail.getReadOnlyProperty())
                .withSummary(Bindings.createStringBinding(() -> {
                    String text = detail.get();
                    return text.isBlank() || text.endsWith("…") ? text : "Downloading " + text;
                }, detail))
                .withProgress(progress)
                .cancelledBy("Cancel", this::cancel, null)
                .failedWhen(failed.getReadOnlyProperty());
    }

    /** 0 to 1 while downloading, −1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "train-images-idx3-ubyte.gz: 3.2 of 9.9 MB (32 %), 1.4 MB/s" while downloading, else "". */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** How the last download ended (done, cancelled, or what went wrong), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Hands the latest progress to the UI thread; asks the download to stop once cancelled. */
    private final class Listener implements DownloadListener {
        private final LatestResult.Ticket ticket;
        private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();

        Listener(LatestResult.Ticket ticket) {
            this.ticket = ticket;
        }

        @Override
        public void downloadDidProgress(DownloadProgress value) {
            if (latest.getAndSet(value) == null) {
                ui.execute(() -> {
                    DownloadProgress shown = latest.getAndSet(null);
                    if (shown != null && ticket.isCurrent()) {
                        progress.set(shown.percent() < 0 ? -1 : shown.percent() / 100);
                        detail.set(shown.describe().replaceFirst("^Downloading ", ""));
                    }
                });
            }
        }

        @Override
        public void progressDidChange(String step, long done, long total) {
            // the details arrive through downloadDidProgress
        }

        @Override
        public boolean isCancelled() {
            return !ticket.isCurrent();
        }
    }
}
