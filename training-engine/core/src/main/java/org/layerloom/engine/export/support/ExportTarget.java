package org.layerloom.engine.export.support;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a network can be exported to: each target names the files it writes and brings its own check of
 * which nodes it can express ({@link #support()}).  Immutable; any thread.
 */
public enum ExportTarget {
    /** A PyTorch project: {@code model.py} (an {@code nn.Module}) and {@code weights.npz}. */
    PYTORCH("pytorch", "PyTorch", new PyTorchSupport()),
    /** An ONNX model (opset 17, IR 8), {@code model.onnx}, with the weights inside. */
    ONNX("onnx", "ONNX", new OnnxNodeSupport()),
    /** A Maven project that rebuilds the network with DJL's API and loads {@code weights.npz} by name. */
    DJL("djl", "DJL (Java)", new DjlSupport());

    private final String id;
    private final String displayName;
    private final NodeSupport support;

    ExportTarget(String id, String displayName, NodeSupport support) {
        this.id = id;
        this.displayName = displayName;
        this.support = support;
    }

    /** The name on the command line ({@code --to pytorch}). */
    public String id() {
        return id;
    }

    /** The name in messages ("PyTorch"). */
    public String displayName() {
        return displayName;
    }

    /** The target with this command-line name, compared without regard to case. */
    public static Optional<ExportTarget> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equalsIgnoreCase(id)).findFirst();
    }

    /** Which nodes this target can express. */
    public NodeSupport support() {
        return support;
    }
}
