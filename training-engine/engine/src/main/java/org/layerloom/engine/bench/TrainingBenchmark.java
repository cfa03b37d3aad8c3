package org.layerloom.engine.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;

/**
 * Training throughput of one {@link BenchNetwork} on random data held in memory, and what the graph
 * costs: the network compiled from its LayerLoom graph and the same network written by hand with DJL's
 * {@code SequentialBlock} are trained in the same JVM, on the same data and the same shuffles, taking
 * turns every {@value #TURN_BATCHES} batches (the graph first in one turn, the hand-written network
 * first in the next), so that both see the same machine load. One warm-up epoch, then one timed epoch;
 * see {@link BenchTrainer} for the loop.
 *
 * <p>Metrics: {@code samples_per_s} (the graph's, over its whole timed epoch), {@code graph_overhead},
 * {@code handwritten_samples_per_s}, the engine's {@code threads} and {@code interop_threads},
 * {@code onednn_batches} (1: the graph's batches trained on oneDNN, {@code ConvolutionKernelCheck}),
 * {@code samples}, {@code batch}, {@code params}, the seconds of each timed epoch ({@code graph_s},
 * {@code handwritten_s}) and of the whole benchmark ({@code total_s}), then the graph's timed epoch split
 * into the phases of {@link BenchTrainer#PHASES} ({@code gather_s}, {@code forward_s}, {@code loss_s},
 * {@code backward_s}, {@code step_s}, {@code metrics_s}). {@code graph_overhead} is
 * hand-written samples/s ÷ graph samples/s (1.05: the graph is 5 % slower), taken turn by turn on the
 * same batches and summarised by the median over the turns: on a shared machine a burst of load from
 * elsewhere lands in one network's turn and can move a whole-epoch ratio by 10 % or more, while the
 * median of turns ignores it. The ratio of the two epoch rates is also there, as
 * {@code samples_per_s} and {@code handwritten_samples_per_s}.
 *
 * <p>Sets the engine's intra-op threads for the run (they are global to the process) and restores them
 * after; asks for 1 inter-op thread, which PyTorch allows only once per process. Runs on the calling
 * thread and blocks; not to be run while another thread trains.
 */
public final class TrainingBenchmark implements Benchmark {

    /** Batches each network trains before the other one takes its turn. */
    static final int TURN_BATCHES = 10;
    private static final int SEED = 42;

    private final BenchNetwork network;
    private final int samples;
    private final int threads;
    private final boolean withHandWritten;

    /**
     * @param samples examples per epoch, at least 1 (the network's standard count is
     *                {@link BenchNetwork#standardSamples()})
     * @param threads the engine's intra-op threads, at least 1
     */
    public TrainingBenchmark(BenchNetwork network, int samples, int threads) {
        this(network, samples, threads, true);
    }

    private TrainingBenchmark(BenchNetwork network, int samples, int threads, boolean withHandWritten) {
        if (samples < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least 1 sample and 1 thread; got samples=" + samples
                    + ", threads=" + threads);
        }
        this.network = network;
        this.samples = samples;
        this.threads = threads;
        this.withHandWritten = withHandWritten;
    }

    /**
     * The compiled graph alone, without the hand-written network: one warm-up and one timed epoch, for
     * measuring the peak memory of LayerLoom's training in a process of its own. Its result has no
     * {@code graph_overhead}, {@code handwritten_samples_per_s} or {@code handwritten_s}.
     */
    public static TrainingBenchmark graphAlone(BenchNetwork network, int samples, int threads) {
        return new TrainingBenchmark(network, samples, threads, false);
    }

    /** The standard benchmark of {@code network}: its standard sample count, 2 engine threads. */
    public static TrainingBenchmark standard(BenchNetwork network) {
        return new TrainingBenchmark(network, network.standardSamples(), 2);
    }

    @Override
    public String name() {
        return network.id();
    }

    @Override
    public BenchmarkResult run() {
        long start = System.nanoTime();
        Engine engine = Engine.getEngine("PyTorch");
        int interopThreads = oneInteropThread();
        int previousThreads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
            EngineSeed.set(SEED);
            NDList data = network.randomData(manager, samples);
            GraphBlock graph = GraphCompiler.standard().compile(network.graph());
            if (!withHandWritten) {
                return alone(graph, data, interopThreads, start);
            }
            try (BenchTrainer compiled = new BenchTrainer("graph", graph, graph.lossSpec().newLoss(),
                    network.initShape(), data.get(0), data.get(1), network.batchSize(), SEED);
                 BenchTrainer handWritten = new BenchTrainer("handwritten", network.handWritten(),
                         network.loss().newLoss(), network.initShape(), data.get(0), data.get(1),
                         network.batchSize(), SEED)) {
                if (compiled.parameterCount() != handWritten.parameterCount()) {
                    throw new IllegalStateException("the graph and the hand-written " + network.id()
                            + " differ: " + compiled.parameterCount() + " against " + handWritten.parameterCount()
                            + " parameters");
                }
                epoch(compiled, handWritten, 1);
                compiled.resetClock();
                handWritten.resetClock();
                double[] turnRatios = epoch(compiled, handWritten, 2);
                return result(compiled, handWritten, turnRatios, interopThreads, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            JniUtils.setNumThreads(previousThreads);
        }
    }

    /**
     * One epoch of each network in turns, both on the same shuffle; in every other turn the hand-written
     * network goes first.
     *
     * @return per turn, the graph's time ÷ the hand-written network's time for the same batches
     */
    private static double[] epoch(BenchTrainer graph, BenchTrainer handWritten, int number) {
        graph.startEpoch(new Random(SEED * 1_000_003L + number));
        handWritten.startEpoch(new Random(SEED * 1_000_003L + number));
        int batches = graph.batchesPerEpoch();
        double[] ratios = new double[(batches + TURN_BATCHES - 1) / TURN_BATCHES];
        for (int turn = 0; turn < ratios.length; turn++) {
            int from = turn * TURN_BATCHES;
            int to = Math.min(batches, from + TURN_BATCHES);
            long graphNanos;
            long handNanos;
            if (turn % 2 == 0) {
                graphNanos = graph.train(from, to);
                handNanos = handWritten.train(from, to);
            } else {
                handNanos = handWritten.train(from, to);
                graphNanos = graph.train(from, to);
            }
            ratios[turn] = (double) graphNanos / handNanos;
        }
        graph.endEpoch();
        handWritten.endEpoch();
        return ratios;
    }

    /** Trains the graph alone: a warm-up epoch, then a timed one. */
    private BenchmarkResult alone(GraphBlock block, NDList data, int interopThreads, long start) {
        try (BenchTrainer graph = new BenchTrainer("graph", block, block.lossSpec().newLoss(), network.initShape(),
                data.get(0), data.get(1), network.batchSize(), SEED)) {
            for (int number = 1; number <= 2; number++) {
                if (number == 2) {
                    graph.resetClock();
                }
                graph.startEpoch(new Random(SEED * 1_000_003L + number));
                graph.train(0, graph.batchesPerEpoch());
                graph.endEpoch();
            }
            Map<String, Number> metrics = new LinkedHashMap<>();
            metrics.put("samples_per_s", samples / graph.seconds());
            metrics.put("threads", (long) JniUtils.getNumThreads());
            metrics.put("interop_threads", (long) interopThreads);
            metrics.put("onednn_batches", graph.oneDnnBatches() ? 1L : 0L);
            metrics.put("samples", (long) samples);
            metrics.put("batch", (long) network.batchSize());
            metrics.put("params", graph.parameterCount());
            metrics.put("graph_s", graph.seconds());
            metrics.put("total_s", (System.nanoTime() - start) / 1e9);
            return new BenchmarkResult(network.id(), metrics);
        }
    }

    private BenchmarkResult result(BenchTrainer graph, BenchTrainer handWritten, double[] turnRatios,
                                   int interopThreads, double totalSeconds) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("samples_per_s", samples / graph.seconds());
        metrics.put("graph_overhead", median(turnRatios));
        metrics.put("handwritten_samples_per_s", samples / handWritten.seconds());
        metrics.put("threads", (long) JniUtils.getNumThreads());
        metrics.put("interop_threads", (long) interopThreads);
        metrics.put("onednn_batches", graph.oneDnnBatches() ? 1L : 0L);
        metrics.put("samples", (long) samples);
        metrics.put("batch", (long) network.batchSize());
        metrics.put("params", graph.parameterCount());
        metrics.put("graph_s", graph.seconds());
        metrics.put("handwritten_s", handWritten.seconds());
        metrics.put("total_s", totalSeconds);
        double[] phases = graph.phaseSeconds();
        for (int i = 0; i < phases.length; i++) {
            metrics.put(BenchTrainer.PHASES[i] + "_s", phases[i]);
        }
        return new BenchmarkResult(network.id(), metrics);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Asks PyTorch for 1 inter-op thread (training here never uses that pool) and returns what it has.
     * PyTorch refuses once the pool was set or used, e.g. by an earlier benchmark; then it stays as it is.
     */
    private static int oneInteropThread() {
        if (JniUtils.getNumInteropThreads() != 1) {
            try {
                JniUtils.setNumInteropThreads(1);
            } catch (EngineException e) {
                // already set in this process: keep it
            }
        }
        return JniUtils.getNumInteropThreads();
    }
}
