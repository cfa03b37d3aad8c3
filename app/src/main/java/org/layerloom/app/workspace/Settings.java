package org.layerloom.app.workspace;

import java.nio.file.Path;
import java.util.Objects;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DeviceChoice;

/**
 * The user's preferences: theme, font size, default device, engine threads (0: chosen per network), the
 * dataset cache folder and the autosave interval. Immutable; any thread.
 */
public record Settings(Theme theme, int fontSize, DeviceChoice device, int threads, Path datasetCache,
                       int autosaveSeconds) {

    /** The font size of a new installation, in pixels; sizes drawn in code scale by the setting over it. */
    public static final int DEFAULT_FONT = 14;
    public static final int MIN_FONT = 10;
    public static final int MAX_FONT = 24;
    public static final int MIN_AUTOSAVE = 5;
    public static final int MAX_AUTOSAVE = 600;

    public Settings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(datasetCache, "datasetCache");
        if (fontSize < MIN_FONT || fontSize > MAX_FONT) {
            throw new IllegalArgumentException("The font size must be between " + MIN_FONT + " and " + MAX_FONT
                    + " points, not " + fontSize + ".");
        }
        if (threads < 0 || threads > 256) {
            throw new IllegalArgumentException("Threads must be between 0 (automatic) and 256, not " + threads + ".");
        }
        if (autosaveSeconds < MIN_AUTOSAVE || autosaveSeconds > MAX_AUTOSAVE) {
            throw new IllegalArgumentException("The autosave interval must be between " + MIN_AUTOSAVE + " and "
                    + MAX_AUTOSAVE + " seconds, not " + autosaveSeconds + ".");
        }
    }

    /** The settings of a new installation. */
    public static Settings defaults(UserFolders folders) {
        return new Settings(Theme.LIGHT, DEFAULT_FONT, DeviceChoice.AUTO, 0, folders.datasetCache(), 30);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, fontSize, device, threads, datasetCache, autosaveSeconds);
    }

    public Settings withFontSize(int size) {
        return new Settings(theme, size, device, threads, datasetCache, autosaveSeconds);
    }

    public Settings withDevice(DeviceChoice choice) {
        return new Settings(theme, fontSize, choice, threads, datasetCache, autosaveSeconds);
    }

    public Settings withThreads(int count) {
        return new Settings(theme, fontSize, device, count, datasetCache, autosaveSeconds);
    }

    public Settings withDatasetCache(Path folder) {
        return new Settings(theme, fontSize, device, threads, folder, autosaveSeconds);
    }

    public Settings withAutosaveSeconds(int seconds) {
        return new Settings(theme, fontSize, device, threads, datasetCache, seconds);
    }
}
