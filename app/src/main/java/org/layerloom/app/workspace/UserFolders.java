package org.layerloom.app.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where LayerLoom keeps the user's things: the config folder (settings, recent projects, recovery files),
 * the projects folder (samples are copied there) and the dataset cache. Follows each system's convention:
 * {@code $XDG_CONFIG_HOME/layerloom} or {@code ~/.config/layerloom} on Linux, {@code %APPDATA%\LayerLoom} on
 * Windows, {@code ~/Library/Application Support/LayerLoom} on macOS; projects in {@code ~/LayerLoom}.
 * Immutable; any thread. Nothing is created until it is written.
 */
public record UserFolders(Path config, Path projects, Path datasetCache) {

    public UserFolders {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(datasetCache, "datasetCache");
    }

    /** The folders for this user on this system. */
    public static UserFolders standard() {
        return forHome(Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""), System.getenv());
    }

    /** The folders under {@code home} on the system named {@code osName}, with {@code environment}. */
    public static UserFolders forHome(Path home, String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            config = (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData)).resolve("LayerLoom");
        } else if (os.contains("mac")) {
            config = home.resolve("Library").resolve("Application Support").resolve("LayerLoom");
        } else {
            String xdg = environment.get("XDG_CONFIG_HOME");
            config = (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("layerloom");
        }
        return new UserFolders(config, home.resolve("LayerLoom"), home.resolve(".layerloom").resolve("datasets"));
    }

    /** Where unsaved work is kept until it is saved or discarded. */
    public Path recovery() {
        return config.resolve("recovery");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    /** Where each window was and how big ({@link WindowPlacementStore}). */
    public Path windowsFile() {
        return config.resolve("windows.properties");
    }

    /** The samples' training times measured on this computer ({@code SampleTimeCache}). */
    public Path sampleTimesFile() {
        return config.resolve("sample-times.properties");
    }

    /** The recent projects, one path a line (the editor's {@code RecentFiles} format). */
    public Path recentFile() {
        return config.resolve("recent-projects.txt");
    }
}
