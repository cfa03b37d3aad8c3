package org.layerloom.engine.train;

import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * Chooses the engine's intra-op threads for a run when the user did not: one thread for a small
 * network, every core for a large one. PyTorch splits each operation across its threads, which pays
 * only when an operation has enough work. Measured with {@code layerloom bench --threads 1|2} on this
 * project's 2-core AMD EPYC (libgomp's spin limited to 3,000 rounds, as the launchers set it):
 * <ul>
 *   <li>the MLP 784-64-64-10 at batch 64 (3.5 M multiply-adds a batch) trains its timed epoch at 78 k
 *   samples/s on one thread against 62 k on two: two threads spend their time waking each other, and lose
 *   most while the JVM is still compiling (its first epochs: 72 k against 30 k);</li>
 *   <li>the benchmark LSTM at batch 32 (99 M) gains 1.4× from a second thread (2,259 against 1,627), and
 *   no longer loses when other programs keep both cores busy (921 against 1,011 samples/s);</li>
 *   <li>the CNN at batch 64 (160 M) gains 1.4× (3,159 against 2,243).</li>
 * </ul>
 * So networks from {@value #PARALLEL_FROM} multiply-adds a batch get every core. The measure is estimated
 * from the validated graph: each layer's parameters times the positions they are applied at (pixels of
 * a feature map, steps of a sequence); embeddings are look-ups and count nothing. Stateless.
 */
public final class ThreadPlan {

    /** Multiply-adds per batch from which more threads pay (the MLP has 3.5 M, the LSTM 99 M, the CNN 160 M). */
    static final long PARALLEL_FROM = 30_000_000L;

    private ThreadPlan() {
    }

    /**
     * @param report    the validated graph
     * @param batchSize examples per batch
     * @param cores     the processors available to the engine, at least 1
     * @return the intra-op threads to use, between 1 and {@code cores}
     */
    public static int threadsFor(ValidationReport report, int batchSize, int cores) {
        long work = multiplyAddsPerExample(report) * Math.max(1, batchSize);
        return work >= PARALLEL_FROM ? Math.max(1, cores) : 1;
    }

    /** An estimate of one example's multiply-adds in the forward pass. */
    public static long multiplyAddsPerExample(ValidationReport report) {
        long total = 0;
        for (Node node : report.graph().nodes()) {
            if (node.kind() == LayerKind.EMBEDDING) {
                continue;
            }
            Optional<NodeReport> nodeReport = report.node(node.id());
            if (nodeReport.isEmpty() || nodeReport.get().parameters() <= 0) {
                continue;
            }
            long positions = nodeReport.get().output().map(ThreadPlan::positions).orElse(1L);
            for (TensorShape input : nodeReport.get().inputs()) {
                positions = Math.max(positions, positions(input));
            }
            total += nodeReport.get().parameters() * positions;
        }
        return total;
    }

    /** Where a layer's weights are applied: every pixel of an image, every step of a sequence, once for a vector. */
    private static long positions(TensorShape shape) {
        if (shape.isImage()) {
            return (long) shape.dim(1) * shape.dim(2);
        }
        if (shape.isSequence() || shape.isTokenIds()) {
            return shape.dim(0);
        }
        return 1;
    }
}
