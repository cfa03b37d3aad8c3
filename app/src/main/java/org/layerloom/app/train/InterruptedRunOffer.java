package org.layerloom.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.app.workspace.Moments;
import org.layerloom.engine.train.InterruptedRun;
import org.layerloom.engine.train.RunFolder;

/**
 * Offers to continue a training that a crash cut short: when a project opens, looks (on {@code files}) for
 * interrupted runs beside its file ({@link InterruptedRun}) and offers the newest: "Training of moons stopped
 * unexpectedly at epoch 3 of 10 (checkpoint from 14:02)." Continue hands it to {@code continueRun} (the Train
 * area's ordinary resume); Dismiss marks it (on {@code files}) so it is not offered again. JavaFX thread only,
 * apart from the reads and writes it hands to {@code files}.
 */
public final class InterruptedRunOffer {

    /** Finds the interrupted runs in a project's runs folder ({@link InterruptedRun#find} in the app). */
    @FunctionalInterface
    public interface Finder {
        List<InterruptedRun> find(Path runsRoot) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(InterruptedRunOffer.class.getName());

    private final Finder finder;
    private final Executor files;
    private final Executor fx;
    private final Consumer<InterruptedRun> continueRun;
    private final ReadOnlyObjectWrapper<Optional<InterruptedRun>> run = new ReadOnlyObjectWrapper<>(this, "run",
            Optional.empty());
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Optional<Path> project = Optional.empty();

    public InterruptedRunOffer(Finder finder, Executor files, Executor fx, Consumer<InterruptedRun> continueRun) {
        this.finder = Objects.requireNonNull(finder, "finder");
        this.files = Objects.requireNonNull(files, "files");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.continueRun = Objects.requireNonNull(continueRun, "continueRun");
    }

    /** The project in {@code file} was opened (empty: a project never saved, which has no runs). */
    public void projectOpened(Optional<Path> file) {
        project = file;
        offer(Optional.empty());
        file.ifPresent(opened -> files.execute(() -> {
            Optional<InterruptedRun> newest;
            try {
                newest = finder.find(RunFolder.runsRootOf(opened)).stream().findFirst();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not look for interrupted runs of " + opened + ": "
                        + e.getMessage());
                newest = Optional.empty();
            }
            Optional<InterruptedRun> found = newest;
            fx.execute(() -> {
                if (project.equals(file)) {
                    offer(found);
                }
            });
        }));
    }

    /** The run on offer, empty when there is none. */
    public ReadOnlyObjectProperty<Optional<InterruptedRun>> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** What the offer says, "" when there is none. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Continues the run on offer from its checkpoint. */
    public void continueRun() {
        run.get().ifPresent(interrupted -> {
            offer(Optional.empty());
            continueRun.accept(interrupted);
        });
    }

    /** Declines the offer for good: the run is marked interrupted (it stays in the run history). */
    public void dismiss() {
        run.get().ifPresent(interrupted -> {
            offer(Optional.empty());
            files.execute(() -> {
                try {
                    interrupted.dismiss();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not mark " + interrupted.folder() + " as interrupted: "
                            + e.getMessage());
                }
            });
        });
    }

    /** "Training of moons stopped unexpectedly at epoch 3 of 10 (checkpoint from 14:02)." */
    public static String describe(InterruptedRun run, Instant now, java.time.ZoneId zone) {
        String when = Moments.describe(run.checkpointAt(), now, zone);
        return "Training of " + run.projectName() + " stopped unexpectedly at epoch " + run.epochsDone() + " of "
                + run.epochs() + " (checkpoint from " + (when.startsWith("today at ") ? when.substring(9) : when)
                + ").";
    }

    private void offer(Optional<InterruptedRun> found) {
        run.set(found);
        text.set(found.map(r -> describe(r, Instant.now(), java.time.ZoneId.systemDefault())).orElse(""));
    }
}
