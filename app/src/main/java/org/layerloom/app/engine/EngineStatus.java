package org.layerloom.app.engine;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layerloom.engine.train.EngineInfo;

/**
 * The PyTorch engine as the window sees it: loading in the background from start-up (so pressing Train
 * never waits for it), then ready with its versions, devices and the CPU kernels its self-test chose, or
 * failed with the reason. Properties
 * change on the JavaFX thread; {@link #startLoading} may be called from it once.
 */
public final class EngineStatus {

    /** Where the engine is; UNVERIFIED: ready, but even the chosen CPU kernels failed their self-test. */
    public enum State { LOADING, READY, UNVERIFIED, FAILED }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Loading the PyTorch engine…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper brief = new ReadOnlyStringWrapper("Loading the engine…");
    private final ReadOnlyObjectWrapper<Optional<EngineInfo>> info = new ReadOnlyObjectWrapper<>(Optional.empty());

    /** Loads the engine with {@code loader} on {@code background} and reports on {@code fx}. */
    public void startLoading(Supplier<EngineInfo> loader, Executor background, Executor fx) {
        long start = System.nanoTime();
        background.execute(() -> {
            try {
                EngineInfo loaded = loader.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                fx.execute(() -> {
                    info.set(Optional.of(loaded));
                    text.set("Engine ready: " + loaded.describe() + ", " + loaded.threads() + " threads, "
                            + shortKernels(loaded.kernels())
                            + String.format(java.util.Locale.ROOT, " (loaded in %.1f s)", seconds));
                    detail.set(loaded.kernelsDetail());
                    brief.set(brief(loaded));
                    state.set(loaded.kernelsVerified() ? State.READY : State.UNVERIFIED);
                });
            } catch (RuntimeException | LinkageError e) {
                fx.execute(() -> {
                    text.set("The PyTorch engine could not be loaded: " + e.getMessage()
                            + ". Training is not possible; the editor still works.");
                    brief.set("No engine: training is off");
                    state.set(State.FAILED);
                });
            }
        });
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "CPU, 2 threads" or "1 GPU, 8 threads" once ready; short, for the status bar (the full line is its tooltip). */
    public ReadOnlyStringProperty briefProperty() {
        return brief.getReadOnlyProperty();
    }

    static String brief(EngineInfo info) {
        String device = info.gpus() == 0 ? "CPU" : info.gpus() == 1 ? "1 GPU" : info.gpus() + " GPUs";
        return device + ", " + info.threads() + (info.threads() == 1 ? " thread" : " threads")
                + (info.kernelsVerified() ? "" : ", kernels failed their self-test: values may be wrong");
    }

    /** The CPU kernels in full (why oneDNN is off, what failed), for the status bar's tooltip. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** "libtorch kernels, oneDNN off, self-test passed" without the reason in brackets. */
    static String shortKernels(String kernels) {
        int reason = kernels.indexOf(" (");
        return reason < 0 ? kernels : kernels.substring(0, reason);
    }

    /** The engine's description once it is ready. */
    public ReadOnlyObjectProperty<Optional<EngineInfo>> infoProperty() {
        return info.getReadOnlyProperty();
    }
}
