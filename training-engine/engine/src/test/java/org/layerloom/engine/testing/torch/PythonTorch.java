package org.layerloom.engine.testing.torch;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code /usr/bin/python3} with torch and NumPy, for tests that run generated Python (the PyTorch
 * export). Where it is missing such a test is skipped on a developer's machine but fails when the
 * environment variable {@code CI} is {@code true}, because CI installs {@code python3-torch} and
 * {@code python3-numpy} and a silent skip there would hide a broken export. Test code only; the answer to
 * "is it there" is computed once per JVM; any test thread.
 */
public final class PythonTorch {

    /** {@code /usr/bin/python3}, or the system property {@code layerloom.python} (to try the skip and the CI failure). */
    public static final Path PYTHON = Path.of(System.getProperty("layerloom.python", "/usr/bin/python3"));
    /** The folder of the test scripts (fixture_io.py, verify_export.py), from the module's folder. */
    public static final Path SCRIPTS = Path.of("src/test/python");

    private static String missing; // null: not asked yet; "": available

    private PythonTorch() {
    }

    /** Whether {@link #PYTHON} imports torch and NumPy (asked once per JVM). */
    public static synchronized boolean available() {
        if (missing == null) {
            missing = probe();
        }
        return missing.isEmpty();
    }

    /** Skips the calling test where Python with torch is missing, or fails it when {@code CI=true}. */
    public static synchronized void assumeAvailable() {
        if (available()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, but " + missing + ": install python3-torch and python3-numpy");
        }
        Assumptions.abort(missing + "; skipped here (it fails when CI=true)");
    }

    /**
     * Runs {@code script} from {@link #SCRIPTS} with {@code args} and returns its output.
     *
     * @throws AssertionError when it fails or takes longer than {@code timeoutSeconds}, with its output
     */
    public static String run(String script, List<String> args, long timeoutSeconds) throws IOException,
            InterruptedException {
        return run(SCRIPTS.resolve(script), args, timeoutSeconds);
    }

    /** Runs the Python file {@code script} (anywhere) with {@code args}; as {@link #run(String, List, long)}. */
    public static String run(Path script, List<String> args, long timeoutSeconds) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        command.addAll(args);
        Path log = Files.createTempFile("python-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " took longer than " + timeoutSeconds + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(script + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String probe() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing";
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, numpy")
                    .redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return PYTHON + " did not import torch within 120 s";
            }
            return process.exitValue() == 0 ? "" : PYTHON + " cannot import torch and numpy";
        } catch (IOException e) {
            return PYTHON + " cannot start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking " + PYTHON + " for torch";
        }
    }
}
