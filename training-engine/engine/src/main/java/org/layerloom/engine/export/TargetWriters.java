package org.layerloom.engine.export;

import org.layerloom.engine.export.djl.DjlWriter;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.export.support.ExportTarget;

/**
 * The writer of each export target, for the export dialog and the {@code layerloom export --to} command. The
 * switch names every {@link ExportTarget}, so a new target does not compile until it has a writer. Stateless;
 * any thread.
 */
public final class TargetWriters {

    private TargetWriters() {
    }

    public static TargetWriter of(ExportTarget target) {
        return switch (target) {
            case PYTORCH -> new PyTorchWriter();
            case ONNX -> new org.layerloom.engine.export.onnx.OnnxTargetWriter();
            case DJL -> new DjlWriter();
        };
    }
}
