package org.layerloom.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.train.EngineInfo;

/**
 * What the app takes from the machine it runs on: the user's folders, how the PyTorch engine is loaded
 * (in the background at start-up) and the clock. The app uses {@link #standard()}; tests give their own
 * folders and a quick engine loader. Immutable; any thread.
 */
public record AppEnvironment(UserFolders folders, Supplier<EngineInfo> engineLoader, Clock clock) {

    /**
     * This user's folders (or, with {@code -Dlayerloom.home=DIR}, folders under DIR as on Linux), the real
     * engine and the system clock.
     */
    public static AppEnvironment standard() {
        String home = System.getProperty("layerloom.home");
        UserFolders folders = home == null ? UserFolders.standard()
                : UserFolders.forHome(Path.of(home), "Linux", Map.of());
        return new AppEnvironment(folders, EngineInfo::load, Clock.systemDefaultZone());
    }
}
