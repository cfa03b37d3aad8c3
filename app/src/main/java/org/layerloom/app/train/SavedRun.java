package org.layerloom.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.train.event.EpochEnded;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.history.RunFiles;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * A run read back from its folder for the dashboard: its result (with the test metrics it saved) and its epochs.
 * {@link #newest} reads files, so call it on a background thread; the record itself is immutable.
 */
public record SavedRun(RunResult result, List<EpochEnded> epochs) {

    public SavedRun {
        epochs = List.copyOf(epochs);
    }

    /**
     * The newest run in {@code runsRoot} that was tested (it finished or was stopped and saved its test metrics), or
     * empty when there is none (no folder, no runs, or only failed or damaged ones).
     */
    public static Optional<SavedRun> newest(Path runsRoot) throws IOException {
        for (RunSummary run : RunHistory.list(runsRoot)) {
            Optional<TestMetrics> test = RunFiles.open(run.folder()).readJson("test", TestMetrics.class);
            if (test.isPresent()) {
                return Optional.of(new SavedRun(new RunResult(test.get(), run.bestEpoch(), run.bestValidationLoss(),
                        run.epochsDone(), run.status() + " (saved run " + run.id() + ")", run.folder(), run.seconds()),
                        run.epochs()));
            }
        }
        return Optional.empty();
    }
}
