package org.layerloom.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.layerloom.app.start.MeasuredSampleTime;
import org.layerloom.app.start.SampleTimeEstimator;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.train.EngineInfo;
import org.layerloom.samples.SampleCatalog;

/**
 * What the app takes from the machine it runs on: the user's folders, how the PyTorch engine is loaded
 * (in the background at start-up), the clock, and how the samples' training times are measured on this
 * computer. The app uses {@link #standard()}; tests give their own folders and a quick engine loader (and,
 * unless they say otherwise, measure no training times). Immutable; any thread.
 */
public record AppEnvironment(UserFolders folders, Supplier<EngineInfo> engineLoader, Clock clock,
                             SampleTimeEstimator sampleTimes) {

    /** Measures no sample training times: the cards keep the catalog's figures. */
    public static final SampleTimeEstimator NO_SAMPLE_TIMES = (sample, cancelled) -> OptionalDouble.empty();

    /** As above, measuring no sample training times. */
    public AppEnvironment(UserFolders folders, Supplier<EngineInfo> engineLoader, Clock clock) {
        this(folders, engineLoader, clock, NO_SAMPLE_TIMES);
    }

    /**
     * This user's folders (or, with {@code -Dlayerloom.home=DIR}, folders under DIR as on Linux), the real
     * engine and the system clock.
     */
    public static AppEnvironment standard() {
        String home = System.getProperty("layerloom.home");
        UserFolders folders = home == null ? UserFolders.standard()
                : UserFolders.forHome(Path.of(home), "Linux", Map.of());
        return new AppEnvironment(folders, EngineInfo::load, Clock.systemDefaultZone(),
                new MeasuredSampleTime(SampleCatalog.standard()));
    }
}
