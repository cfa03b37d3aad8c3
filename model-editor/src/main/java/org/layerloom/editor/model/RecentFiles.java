package org.layerloom.editor.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The projects opened or saved most recently, newest first, kept in a small text file (one path per
 * line) when a store is given. Failing to read or write the store only loses the list. Not
 * thread-safe: the JavaFX thread; {@link #add(Path, Executor)} writes the store on the executor given.
 */
public final class RecentFiles {

    private static final int MAX = 8;
    private static final System.Logger LOG = System.getLogger(RecentFiles.class.getName());

    private final Optional<Path> store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Optional<Path> store) {
        this.store = store;
        store.filter(Files::isRegularFile).ifPresent(this::read);
    }

    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Lists {@code file} first and writes the store at once. */
    public void add(Path file) {
        add(file, Runnable::run);
    }

    /** Lists {@code file} first and writes the list as it is now to the store on {@code writer}. */
    public void add(Path file, Executor writer) {
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        List<Path> listed = List.copyOf(files);
        store.ifPresent(path -> writer.execute(() -> write(path, listed)));
    }

    private void read(Path path) {
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && files.size() < MAX) {
                    files.add(Path.of(line.strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the recent files list " + path + ": " + e);
        }
    }

    private static void write(Path path, List<Path> files) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not write the recent files list " + path + ": " + e);
        }
    }
}
