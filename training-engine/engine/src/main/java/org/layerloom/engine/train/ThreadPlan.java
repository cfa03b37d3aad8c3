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
 * only when an operation has enough work: shared/bench measured the MLP 784-64-64-10 at batch 64 running
 * about twice as fast on one thread as on two (the threads spend their time waking each other), while
 * the CNN gains 1.5-2× from a second thread and the LSTM gains nothing. Worse, when other programs keep
 * the cores busy, PyTorch's worker threads wait for each other: on this project's shared 2-core machine a
 * small LSTM's epoch took 20 s with two threads and 1 s with one. So only clearly heavy networks get
 * more than one thread. The measure is the multiply-adds of one batch, estimated
 * from the validated graph: each layer's parameters times the positions they are applied at (pixels of
 * a feature map, steps of a sequence); embeddings are look-ups and count nothing. Stateless.
 */
public final class ThreadPlan {

    /** Multiply-adds per batch from which more threads pay (the MLP has 3.5 M, the LSTM 96 M, the CNN 160 M). */
    static final long PARALLEL_FROM = 100_000_000L;

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
