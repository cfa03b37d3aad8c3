package org.layerloom.engine.kernels;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One of the native libraries of the libtorch DJL loaded ({@code torch_cpu}, {@code c10}), opened through JNA to
 * reach symbols DJL does not expose: the oneDNN switch, the log level, the fused optimizer kernels, the loss and
 * the gradient take. Any thread, after the engine is loaded.
 */
public final class LibtorchLibrary {

    private LibtorchLibrary() {
    }

    /**
     * A caller of C++ functions of the library {@code name} through JNA, on x86-64 Linux only (the calling convention
     * its arguments are laid out for), unless the system property {@code switchOff} is true: {@code make} looks its
     * symbols up, and {@code works} must then pass (a known-answer check). Empty where any of that fails.
     */
    public static <T> Optional<T> caller(String name, String switchOff, Function<NativeLibrary, T> make,
                                         Predicate<T> works) {
        if (!(Platform.isLinux() && Platform.isIntel() && Platform.is64Bit()) || Boolean.getBoolean(switchOff)) {
            return Optional.empty();
        }
        try {
            return find(name).map(make).filter(works);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
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
