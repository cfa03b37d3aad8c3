package org.layerloom.engine.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder written in full before it appears: files go into a hidden temporary folder beside the target (in
 * the same parent, so the final move is a rename), {@link #commit()} moves it into place, and closing without
 * a commit deletes it. An existing target is moved aside first and deleted only once the new folder is in
 * place, and put back if that fails. One thread.
 */
final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** A new, empty staging folder for {@code target}; the parent folders are created if needed. */
    static StagedFolder beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        return new StagedFolder(absolute, Files.createTempDirectory(parent, "." + absolute.getFileName() + ".writing-"));
    }

    /** Where to write. */
    Path path() {
        return staging;
    }

    /** Moves the written folder to the target, replacing an existing one. */
    void commit() throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(aside);
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        committed = true;
        if (aside != null) {
            deleteTree(aside);
        }
    }

    /** Deletes the staging folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
