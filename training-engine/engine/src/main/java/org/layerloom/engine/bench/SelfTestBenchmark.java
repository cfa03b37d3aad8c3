package org.layerloom.engine.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.kernels.KernelSelfTest;
import org.layerloom.engine.kernels.KernelVerdict;
import org.layerloom.engine.kernels.SelfTestReport;

/**
 * What the kernel self-test costs: its first run in this process (what every start pays, oneDNN's kernel
 * generation included), then the median of further runs. Metrics {@code start_ms} (the whole verdict,
 * both kernel settings where the default failed), {@code median_ms}, {@code cases}, {@code passed} (1 or
 * 0, with the chosen kernels). Runs on the calling thread.
 */
public final class SelfTestBenchmark implements Benchmark {

    public static final String NAME = "selftest";

    private final int rounds;

    public SelfTestBenchmark(int rounds) {
        this.rounds = Math.max(1, rounds);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchmarkResult run() {
        KernelVerdict verdict = KernelGuard.ensure();
        long[] millis = new long[rounds];
        SelfTestReport last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = KernelSelfTest.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("start_ms", verdict.millis());
        metrics.put("median_ms", millis[rounds / 2]);
        metrics.put("cases", (long) last.cases().size());
        metrics.put("passed", last.passed() ? 1L : 0L);
        return new BenchmarkResult(NAME, metrics);
    }
}
