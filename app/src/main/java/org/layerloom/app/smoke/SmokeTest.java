package org.layerloom.app.smoke;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.EngineInfo;

/**
 * {@code layerloom --smoke-test}: checks that an installed LayerLoom works end to end. Starts JavaFX and
 * shows the start screen, then loads the PyTorch engine in the background (after the first frame, so the
 * two do not compete for the processor) while it opens the spirals sample through the start screen; trains
 * one epoch, saves the project atomically and reads it back. Prints every step with its time, then exits
 * 0; any failure prints what went wrong and gives a non-zero code.
 * Call {@link #run} once per process, from the main thread (it starts and ends the JavaFX toolkit).
 */
public final class SmokeTest {

    /** The exit code when a step failed. */
    public static final int EXIT_FAILED = 1;

    private final SmokeOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SmokeReport report;

    public SmokeTest(SmokeOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.report = SmokeReport.forThisProcess(out);
    }

    /** Runs the whole smoke test under a watchdog; returns the exit code. */
    public int run() {
        Watchdog watchdog = new Watchdog(TimeUnit.SECONDS.toMillis(options.timeoutSeconds()), report, err,
                Runtime.getRuntime()::halt);
        watchdog.start();
        ExecutorService background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "layerloom-smoke-background");
            thread.setDaemon(true);
            return thread;
        });
        try {
            steps(background);
            report.note("PASSED");
            return 0;
        } catch (SmokeFailure e) {
            return failed(e.getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", e);
        } catch (RuntimeException | LinkageError e) {
            return failed(e.toString(), e);
        } finally {
            background.shutdownNow();
            Platform.exit();
            watchdog.cancel();
        }
    }

    private int failed(String what, Throwable cause) {
        err.println("smoke test FAILED at the step '" + report.currentStep() + "': " + what);
        if (cause != null) {
            cause.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILED;
    }

    private void steps(ExecutorService background) throws SmokeFailure, InterruptedException {
        UserFolders folders = UserFolders.standard();
        report.note("home " + System.getProperty("user.home") + ", projects in " + folders.projects()
                + ", Java " + Runtime.version() + " from " + System.getProperty("java.home"));

        report.begin("start JavaFX");
        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        await(toolkit, "JavaFX did not start");
        report.done("");

        report.begin("show the start screen");
        StartScreenProbe probe = new StartScreenProbe(folders, background);
        Platform.runLater(() -> probe.show(options.sampleId(), options.screenshot()));
        await(probe.shown(), "the start screen was not shown");
        report.done(probe.breakdown());
        report.sinceStart().ifPresent(ms -> report.note(String.format(Locale.ROOT,
                "startup: start screen shown %d ms after the process started", ms)));
        // Lazy engine load: libtorch (450 MB) is mapped once the first frame is up, not while it is drawn.
        EngineLoad engine = EngineLoad.start(background);

        report.begin("open the " + options.sampleId() + " sample");
        Path file = await(probe.opened(), "the sample was not opened");
        report.done(file.toString());
        options.screenshot().ifPresent(png -> report.note("screenshot of the start screen: " + png.toAbsolutePath()));

        report.begin("load the PyTorch engine");
        EngineInfo info = engine.await(options.timeoutSeconds());
        if (!info.kernelsVerified()) {
            throw new SmokeFailure("the CPU kernels failed their self-test: " + info.kernels());
        }
        report.done(info.describe() + ", " + info.kernels() + String.format(Locale.ROOT,
                " (loaded in %.2f s, in the background)", engine.seconds()));

        report.begin("train one epoch");
        OneEpochTraining.Result trained = new OneEpochTraining(options.timeoutSeconds()).train(file);
        report.done(String.format(Locale.ROOT, "loss %.4f, accuracy %s, epoch %.2f s, run in %s",
                trained.epoch().trainLoss(), Numbers.percent(trained.epoch().trainAccuracy(), 1), trained.epoch().seconds(),
                trained.finished().runFolder()));

        report.begin("save the project");
        saveAndReadBack(trained.project(), file);
        report.done(file.getFileName() + " saved atomically and read back unchanged");

        Platform.runLater(probe::close);
    }

    private static void saveAndReadBack(Project project, Path file) throws SmokeFailure {
        try {
            ProjectFiles.save(project, file);
            Project back = ProjectFiles.load(file);
            if (!ProjectFiles.toJson(back).equals(ProjectFiles.toJson(project))) {
                throw new SmokeFailure("the saved project reads back different from what was saved");
            }
            try (var leftovers = Files.list(file.getParent())) {
                if (leftovers.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    throw new SmokeFailure("saving left a temporary file behind in " + file.getParent());
                }
            }
        } catch (IOException e) {
            throw new SmokeFailure("the project cannot be saved to " + file + ": " + e.getMessage(), e);
        } catch (ProjectFileException e) {
            throw new SmokeFailure("the saved project cannot be read back: " + e.getMessage(), e);
        }
    }

    private <T> T await(CompletableFuture<T> future, String what) throws SmokeFailure, InterruptedException {
        try {
            return future.get(options.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SmokeFailure failure) {
                throw failure;
            }
            throw new SmokeFailure(what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SmokeFailure(what + " within " + options.timeoutSeconds() + " s", e);
        }
    }
}
