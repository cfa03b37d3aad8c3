package org.layerloom.engine.kernels;

import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keeps libtorch's internal C++ log ({@code LOG(WARNING)} and below) off the console, as
 * {@code TORCH_CPP_LOG_LEVEL=ERROR} would. libtorch 2.7.1 writes "Could not initialize NNPACK! Reason: Unsupported
 * hardware." on every convolution it runs on its own kernels where NNPACK does not support the processor (an AMD
 * EPYC of family 26: about 150 lines a second while a CNN trains), which buries the messages a student should read.
 * PyTorch's user-facing warnings ({@code TORCH_WARN}) and errors are not affected. It sets c10's global
 * {@code FLAGS_caffe2_log_level} through JNA; where {@code TORCH_CPP_LOG_LEVEL} is set, that choice stands.
 * Process-wide; any thread, after the engine is loaded.
 */
public final class LibtorchLog {

    private static final int ERROR = 2;

    private LibtorchLog() {
    }

    /** Lowers libtorch's log to errors unless {@code TORCH_CPP_LOG_LEVEL} says otherwise; false when it did not. */
    public static boolean quiet() {
        if (System.getenv("TORCH_CPP_LOG_LEVEL") != null) {
            return false;
        }
        Optional<Pointer> level = level();
        if (level.isEmpty()) {
            return false;
        }
        if (level.get().getInt(0) < ERROR) {
            level.get().setInt(0, ERROR);
        }
        return true;
    }

    /** The lowest severity libtorch logs now (0 info, 1 warning, 2 error), or empty where it cannot be read. */
    static OptionalInt currentLevel() {
        return level().map(pointer -> OptionalInt.of(pointer.getInt(0))).orElse(OptionalInt.empty());
    }

    private static Optional<Pointer> level() {
        try {
            return LibtorchLibrary.find("c10").map(c10 -> c10.getGlobalVariableAddress("FLAGS_caffe2_log_level"));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
