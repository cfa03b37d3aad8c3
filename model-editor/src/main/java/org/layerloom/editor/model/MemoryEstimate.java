package org.layerloom.editor.model;

import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * A rough estimate of the memory one training batch needs, for the summary bar: every layer's output
 * (and its gradient) for each example of the batch, plus the parameters with their gradients and two
 * optimizer moments, all as 4-byte floats. Stateless; any thread.
 */
public final class MemoryEstimate {

    private static final long FLOAT = 4;

    private MemoryEstimate() {
    }

    public static long bytesPerBatch(ValidationReport report, int batchSize) {
        long activations = 0;
        for (NodeReport node : report.nodes().values()) {
            activations += node.output().map(TensorShape::size).orElse(0L);
        }
        return activations * 2 * FLOAT * Math.max(1, batchSize) + report.totalParameters() * 4 * FLOAT;
    }

    /** E.g. "3.2 MB" or "940 KB". */
    public static String format(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%,d KB", Math.max(1, bytes / 1024));
        }
        double mb = bytes / (1024.0 * 1024.0);
        if (mb < 1024) {
            return String.format(java.util.Locale.ROOT, mb < 10 ? "%.1f MB" : "%,.0f MB", mb);
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", mb / 1024);
    }
}
