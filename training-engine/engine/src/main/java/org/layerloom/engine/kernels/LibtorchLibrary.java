package org.layerloom.engine.kernels;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One of the native libraries of the libtorch DJL loaded ({@code torch_cpu}, {@code c10}), opened through JNA to
 * reach symbols DJL does not expose: the oneDNN switch, the log level, the fused optimizer kernels. Any thread,
 * after the engine is loaded.
 */
public final class LibtorchLibrary {

    private LibtorchLibrary() {
    }

    /** The library {@code name} (without prefix or suffix) beside the loaded libtorch, or empty where it is not. */
    public static Optional<NativeLibrary> find(String name) {
        try {
            Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName(name));
            return Files.isRegularFile(library) ? Optional.of(NativeLibrary.getInstance(library.toString()))
                    : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
