package org.layerloom.app.workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.layerloom.app.ui.WindowPlacement;
import org.layerloom.engine.project.AtomicFileWriter;

/**
 * Remembers where each window was, how big, and whether it was maximised, in {@code windows.properties} in
 * the config folder (one line per window: {@code main=120,80,1360,860,false}). Read once at start; a
 * missing or damaged file or line just means the window opens at its default place. {@link #put} writes the
 * whole file on the {@code files} executor. Create, {@link #get} and {@link #put} on the JavaFX thread.
 */
public final class WindowPlacementStore {

    private static final System.Logger LOG = System.getLogger(WindowPlacementStore.class.getName());

    private final Path file;
    private final Executor files;
    private final Map<String, WindowPlacement> placements = new TreeMap<>();

    /** Reads the file (small; at start, like the settings). */
    public WindowPlacementStore(UserFolders folders, Executor files) {
        this.file = folders.windowsFile();
        this.files = files;
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Window sizes not read from " + file + ": " + e.getMessage());
            return;
        }
        for (String key : read.stringPropertyNames()) {
            WindowPlacement.parse(read.getProperty(key)).ifPresent(p -> placements.put(key, p));
        }
    }

    /** Where the window called {@code key} was last time. */
    public Optional<WindowPlacement> get(String key) {
        return Optional.ofNullable(placements.get(key));
    }

    /** Remembers {@code placement} for {@code key} and writes the file in the background. */
    public void put(String key, WindowPlacement placement) {
        if (placement.equals(placements.get(key))) {
            return;
        }
        placements.put(key, placement);
        StringWriter text = new StringWriter();
        text.append("# Where LayerLoom's windows were: x,y,width,height,maximised. Delete to reset.\n");
        placements.forEach((name, p) -> text.append(name).append('=').append(p.format()).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            files.execute(() -> write(bytes));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Window sizes not saved: the app is shutting down.");
        }
    }

    private void write(byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFileWriter.write(file, bytes);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Window sizes not saved to " + file + ": " + e.getMessage());
        }
    }
}
