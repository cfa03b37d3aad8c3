package org.layerloom.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python 3 that can import torch, to run PyTorch exports here: {@code python3} on the PATH, then
 * {@code /usr/bin/python3} (the candidates are injectable, so tests can point at a missing one). Immutable; call
 * {@link #find()} off the JavaFX thread (it starts Python).
 */
public final class PythonTorch {

    private final List<Path> candidates;

    public PythonTorch(List<Path> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The app's lookup: every {@code python3} on the PATH, then {@code /usr/bin/python3}. */
    public static PythonTorch system() {
        List<Path> found = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    found.add(Path.of(dir, "python3"));
                }
            }
        }
        found.add(Path.of("/usr/bin/python3"));
        return new PythonTorch(found);
    }

    /** Where it looks, in order. */
    public List<Path> candidates() {
        return candidates;
    }

    /** The first candidate that exists and imports torch. */
    public Optional<Path> find() {
        for (Path python : candidates) {
            if (Files.isExecutable(python) && importsTorch(python)) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    private static boolean importsTorch(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import torch, numpy")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
