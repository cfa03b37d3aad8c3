package org.layerloom.engine.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processor's measured fp32 matrix-product rate, the ceiling the training figures are compared
 * with: DJL {@code NDArray.matMul} of random square float32 matrices (512 and 1024 by default) on the
 * engine's intra-op threads set as for training; each size is multiplied {@code repeats} times after
 * one warm-up product, a product counts {@code 2·n³} FLOPs, and a size's rate is the median over its
 * repeats. {@code peak_gflops} is the best size's median. Runs on the calling thread and blocks; sets
 * the engine's intra-op threads for the run and restores them after.
 */
public final class MatmulPeak implements Benchmark {

    /** The name on the command line and in results. */
    public static final String NAME = "matmul";

    private final int[] sizes;
    private final int repeats;
    private final int threads;

    /**
     * @param sizes   the matrix sides to try, each at least 1
     * @param repeats timed products per size, at least 1
     * @param threads the engine's intra-op threads, at least 1
     */
    public MatmulPeak(int[] sizes, int repeats, int threads) {
        if (sizes.length == 0 || repeats < 1 || threads < 1) {
            throw new IllegalArgumentException("need a size, a repeat and a thread");
        }
        this.sizes = sizes.clone();
        this.repeats = repeats;
        this.threads = threads;
    }

    /** 512 and 1024, 10 repeats each. */
    public static MatmulPeak standard(int threads) {
        return new MatmulPeak(new int[] {512, 1024}, 10, threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchmarkResult run() {
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        Map<String, Number> metrics = new LinkedHashMap<>();
        double peak = 0;
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
            metrics.put("peak_gflops", 0.0);
            for (int n : sizes) {
                double gflops = gflops(manager, n);
                metrics.put("gflops_" + n, gflops);
                peak = Math.max(peak, gflops);
            }
            metrics.put("peak_gflops", peak);
            metrics.put("threads", (long) JniUtils.getNumThreads());
            metrics.put("repeats", (long) repeats);
        } finally {
            JniUtils.setNumThreads(previous);
        }
        return new BenchmarkResult(NAME, metrics);
    }

    /** Median GFLOP/s of {@code repeats} products of two n×n matrices. */
    private double gflops(NDManager manager, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new ai.djl.ndarray.types.Shape(n, n));
            NDArray b = scope.randomNormal(new ai.djl.ndarray.types.Shape(n, n));
            a.matMul(b).toFloatArray();
            double[] rates = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // waits for the product
                long nanos = System.nanoTime() - start;
                c.close();
                rates[i] = 2.0 * n * n * n / nanos;
            }
            return Spread.of(rates).median();
        }
    }
}
