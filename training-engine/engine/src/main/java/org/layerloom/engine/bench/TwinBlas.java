package org.layerloom.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The BLAS the PyTorch twins run with. Debian's {@code python3-torch} links the system's
 * {@code libblas.so.3}, which is the slow reference BLAS unless an optimised one is installed; a fair
 * comparison puts OpenBLAS first on {@code LD_LIBRARY_PATH} instead, as {@code shared/bench/run.sh}'s
 * {@code pt-openblas} does. {@link #find} looks for OpenBLAS's {@code libblas.so.3}: in the folder named by
 * {@code LAYERLOOM_OPENBLAS_DIR}, Debian's {@code openblas-openmp} and {@code openblas-pthread} folders, and
 * where {@code apt-get download libopenblas0-openmp && dpkg -x} into {@code /tmp/bench-openblas/root} puts it.
 * Immutable; any thread.
 *
 * @param folder the folder holding the {@code libblas.so.3} to load first, or empty for the system's
 */
public record TwinBlas(Optional<Path> folder) {

    private static final List<String> FOLDERS = List.of(
            "/usr/lib/x86_64-linux-gnu/openblas-openmp",
            "/usr/lib/x86_64-linux-gnu/openblas-pthread",
            "/usr/lib/aarch64-linux-gnu/openblas-openmp",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread",
            "/tmp/bench-openblas/root/usr/lib/x86_64-linux-gnu/openblas-openmp");

    /** The system's own BLAS, whatever {@code libblas.so.3} resolves to. */
    public static TwinBlas system() {
        return new TwinBlas(Optional.empty());
    }

    /** OpenBLAS in {@code folder}; the folder must hold {@code libblas.so.3}. */
    public static TwinBlas in(Path folder) {
        if (!Files.isRegularFile(folder.resolve("libblas.so.3"))) {
            throw new IllegalArgumentException("there is no libblas.so.3 in " + folder);
        }
        return new TwinBlas(Optional.of(folder));
    }

    /** OpenBLAS where it is found, else the system's BLAS. */
    public static TwinBlas find() {
        String named = System.getenv("LAYERLOOM_OPENBLAS_DIR");
        if (named != null && !named.isBlank() && Files.isRegularFile(Path.of(named, "libblas.so.3"))) {
            return new TwinBlas(Optional.of(Path.of(named)));
        }
        return FOLDERS.stream().map(Path::of).filter(f -> Files.isRegularFile(f.resolve("libblas.so.3")))
                .findFirst().map(f -> new TwinBlas(Optional.of(f))).orElse(system());
    }

    /** What the twins' BLAS is, in words, e.g. "OpenBLAS (/usr/lib/x86_64-linux-gnu/openblas-openmp)". */
    public String describe() {
        return folder.map(f -> "OpenBLAS (" + f + ")").orElse("the system's libblas.so.3");
    }

    /**
     * Sets up a twin's environment: OpenBLAS first on the library path; thread variables and LayerLoom's kernel
     * choice cleared, so that PyTorch runs as it would on its own.
     */
    void configure(ProcessBuilder builder) {
        var env = builder.environment();
        for (String name : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                "GOMP_SPINCOUNT", "OMP_WAIT_POLICY", "ATEN_CPU_CAPABILITY")) {
            env.remove(name);
        }
        folder.ifPresent(f -> {
            String existing = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", f + (existing == null || existing.isBlank() ? "" : ":" + existing));
        });
    }
}
