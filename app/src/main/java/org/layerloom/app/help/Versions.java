package org.layerloom.app.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerloom.engine.train.EngineInfo;

/**
 * The versions LayerLoom runs with, for About and bug reports: LayerLoom itself, Java, JavaFX, and (once
 * the engine has loaded) DJL and PyTorch. Stateless; any thread.
 */
public final class Versions {

    private Versions() {
    }

    /** "LayerLoom 0.1.0" or "LayerLoom (development build)". */
    public static String layerLoom() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return "LayerLoom " + (version == null ? "(development build)" : version);
    }

    /** One line per component, e.g. "JavaFX 21.0.9". */
    public static List<String> lines(Optional<EngineInfo> engine) {
        List<String> lines = new ArrayList<>();
        lines.add(layerLoom());
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        lines.add("JavaFX " + System.getProperty("javafx.runtime.version", "(not started)"));
        if (engine.isPresent()) {
            lines.add("DJL " + engine.get().djlVersion());
            lines.add("PyTorch " + engine.get().pytorchVersion() + (engine.get().gpus() == 0 ? " (CPU)"
                    : " (" + engine.get().gpus() + " GPU" + (engine.get().gpus() == 1 ? ")" : "s)")));
            lines.add("CPU kernels: " + engine.get().kernels());
        } else {
            lines.add("DJL and PyTorch: the engine is still loading");
        }
        lines.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "), " + Runtime.getRuntime().availableProcessors() + " cores");
        return lines;
    }
}
