package org.layerloom.engine.kernels;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Optional;

/**
 * libtorch's own switch for its oneDNN (MKL-DNN) CPU kernels, {@code at::globalContext().setUserEnabledMkldnn}
 * (what {@code torch.backends.mkldnn.enabled} sets in Python), which DJL does not expose. It is reached
 * through JNA by the C++ symbol names of the loaded libtorch build (Itanium names on Linux and macOS, MSVC
 * names on Windows); {@link #find()} is empty where they are missing. With oneDNN off, convolutions and
 * recurrences run on libtorch's native kernels; GPU kernels are not affected. Process-wide; any thread,
 * though only {@link KernelGuard} should change it, before training starts.
 */
final class OneDnnSwitch implements KernelSwitch {

    private static final List<String> GLOBAL_CONTEXT = List.of("_ZN2at13globalContextEv",
            "?globalContext@at@@YAAEAVContext@1@XZ");
    private static final List<String> SET_ENABLED = List.of("_ZN2at7Context20setUserEnabledMkldnnEb",
            "?setUserEnabledMkldnn@Context@at@@QEAAX_N@Z");
    private static final List<String> IS_ENABLED = List.of("_ZNK2at7Context17userEnabledMkldnnEv",
            "?userEnabledMkldnn@Context@at@@QEBA_NXZ");

    private final Pointer context;
    private final Function setEnabled;
    private final Function isEnabled;

    private OneDnnSwitch(Pointer context, Function setEnabled, Function isEnabled) {
        this.context = context;
        this.setEnabled = setEnabled;
        this.isEnabled = isEnabled;
    }

    /** The switch of the loaded libtorch (load the engine first), or empty when it cannot be reached. */
    static Optional<OneDnnSwitch> find() {
        Optional<NativeLibrary> library = LibtorchLibrary.find("torch_cpu");
        if (library.isEmpty()) {
            return Optional.empty();
        }
        try {
            NativeLibrary torch = library.get();
            Optional<Function> globalContext = function(torch, GLOBAL_CONTEXT);
            Optional<Function> set = function(torch, SET_ENABLED);
            Optional<Function> get = function(torch, IS_ENABLED);
            if (globalContext.isEmpty() || set.isEmpty() || get.isEmpty()) {
                return Optional.empty();
            }
            Pointer context = globalContext.get().invokePointer(new Object[0]);
            return context == null ? Optional.empty() : Optional.of(new OneDnnSwitch(context, set.get(), get.get()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Function> function(NativeLibrary library, List<String> names) {
        for (String name : names) {
            try {
                return Optional.of(library.getFunction(name));
            } catch (UnsatisfiedLinkError e) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    boolean enabled() {
        return (isEnabled.invokeInt(new Object[] {context}) & 0xff) != 0;
    }

    /** Switches oneDNN on or off and confirms the switch took. */
    @Override
    public boolean set(boolean on) {
        setEnabled.invokeVoid(new Object[] {context, (byte) (on ? 1 : 0)});
        return enabled() == on;
    }
}
