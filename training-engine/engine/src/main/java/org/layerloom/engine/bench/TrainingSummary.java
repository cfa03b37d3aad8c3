package org.layerloom.engine.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One line of {@code layerloom bench} for a training network measured several times: the repeats of
 * {@link TrainingBenchmark} (and of its {@link PyTorchTwin}, when there are any) summarised as median
 * with min and max, the achieved GFLOP/s ({@link FlopCounter}'s training FLOPs per example × the median
 * samples/s) and its fraction of the {@link MatmulPeak}. Stateless; any thread.
 *
 * <p>Metrics, in this order: {@code samples_per_s} (median), {@code graph_overhead} (median),
 * {@code handwritten_samples_per_s} (median), {@code threads}, {@code interop_threads}, {@code onednn_batches}
 * (1 when the network's batches trained on oneDNN after its convolutions passed the check), {@code samples},
 * {@code batch}, {@code params}, {@code graph_s} (median), {@code total_s} (sum), then
 * {@code samples_per_s_min}, {@code samples_per_s_max}, {@code repeats}, {@code train_flops_per_sample},
 * {@code gflops}, {@code peak_gflops}, {@code fraction_of_peak}; the median seconds of each phase of the
 * graph's timed epoch ({@code gather_s}, {@code forward_s}, {@code loss_s}, {@code backward_s},
 * {@code step_s}, {@code metrics_s}) when the repeats report them; {@code peak_rss_mb} (the largest of
 * the repeats) when the repeats report it; with twins {@code pytorch_samples_per_s} (median),
 * {@code pytorch_samples_per_s_min}, {@code pytorch_samples_per_s_max}, {@code pytorch_ratio}
 * (LayerLoom's median ÷ PyTorch's: 0.8 means LayerLoom trains at 80 % of PyTorch's rate),
 * {@code pytorch_gflops}, {@code pytorch_peak_rss_mb} and the median of each of PyTorch's phases
 * ({@code pytorch_gather_s} …).
 */
public final class TrainingSummary {

    private static final String[] PHASES = {"gather", "forward", "loss", "backward", "step", "metrics"};

    private TrainingSummary() {
    }

    /**
     * @param ours        at least one result of {@link TrainingBenchmark} for the network
     * @param pytorch     results of its {@link PyTorchTwin}; empty without them
     * @param trainFlops  training FLOPs per example, from {@link FlopCounter#trainingPerSample}
     * @param peakGflops  {@code peak_gflops} of {@link MatmulPeak}
     */
    public static BenchmarkResult of(String name, List<BenchmarkResult> ours, List<BenchmarkResult> pytorch,
                                     long trainFlops, double peakGflops) {
        return of(name, ours, pytorch, trainFlops, peakGflops, OptionalDouble.empty());
    }

    /**
     * As {@link #of(String, List, List, long, double)}, with {@code peak_rss_mb} taken from
     * {@code peakRssMb} (e.g. a fresh process that trained the graph alone) when it is present.
     */
    public static BenchmarkResult of(String name, List<BenchmarkResult> ours, List<BenchmarkResult> pytorch,
                                     long trainFlops, double peakGflops, OptionalDouble peakRssMb) {
        if (ours.isEmpty()) {
            throw new IllegalArgumentException("no results to summarise");
        }
        BenchmarkResult first = ours.get(0);
        Spread rate = spread(ours, "samples_per_s");
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("samples_per_s", rate.median());
        metrics.put("graph_overhead", spread(ours, "graph_overhead").median());
        metrics.put("handwritten_samples_per_s", spread(ours, "handwritten_samples_per_s").median());
        for (String key : List.of("threads", "interop_threads", "onednn_batches", "samples", "batch", "params")) {
            metrics.put(key, first.metric(key).longValue());
        }
        metrics.put("graph_s", spread(ours, "graph_s").median());
        metrics.put("total_s", ours.stream().mapToDouble(r -> r.metric("total_s").doubleValue()).sum());
        metrics.put("samples_per_s_min", rate.min());
        metrics.put("samples_per_s_max", rate.max());
        metrics.put("repeats", (long) ours.size());
        metrics.put("train_flops_per_sample", trainFlops);
        double gflops = rate.median() * trainFlops / 1e9;
        metrics.put("gflops", gflops);
        metrics.put("peak_gflops", peakGflops);
        metrics.put("fraction_of_peak", gflops / peakGflops);
        for (String phase : PHASES) {
            if (ours.stream().allMatch(r -> r.metrics().containsKey(phase + "_s"))) {
                metrics.put(phase + "_s", spread(ours, phase + "_s").median());
            }
        }
        if (peakRssMb.isPresent()) {
            metrics.put("peak_rss_mb", peakRssMb.getAsDouble());
        } else if (ours.stream().allMatch(r -> r.metrics().containsKey("peak_rss_mb"))) {
            metrics.put("peak_rss_mb", spread(ours, "peak_rss_mb").max());
        }
        if (!pytorch.isEmpty()) {
            Spread theirs = spread(pytorch, "samples_per_s");
            metrics.put("pytorch_samples_per_s", theirs.median());
            metrics.put("pytorch_samples_per_s_min", theirs.min());
            metrics.put("pytorch_samples_per_s_max", theirs.max());
            metrics.put("pytorch_ratio", rate.median() / theirs.median());
            metrics.put("pytorch_gflops", theirs.median() * trainFlops / 1e9);
            metrics.put("pytorch_peak_rss_mb", spread(pytorch, "peak_rss_mb").max());
            for (String phase : PHASES) {
                if (pytorch.stream().allMatch(r -> r.metrics().containsKey(phase + "_s"))) {
                    metrics.put("pytorch_" + phase + "_s", spread(pytorch, phase + "_s").median());
                }
            }
        }
        return new BenchmarkResult(name, metrics);
    }

    /**
     * The summary for people, e.g. {@code mlp: LayerLoom 4100.0 (3900.0-4200.0) samples/s, 1.350 GFLOP/s
     * = 0.056 of the 24.000 GFLOP/s matmul peak; PyTorch 5000.0 (4800.0-5100.0) samples/s; LayerLoom/PyTorch
     * 0.820}.
     */
    public static String describe(BenchmarkResult summary) {
        Map<String, Number> m = summary.metrics();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s: LayerLoom %s samples/s over %d repeats, %.3f GFLOP/s = %.3f of the %.3f GFLOP/s matmul peak",
                summary.name(), spread(m, "samples_per_s").describe(), m.get("repeats").longValue(),
                m.get("gflops").doubleValue(), m.get("fraction_of_peak").doubleValue(),
                m.get("peak_gflops").doubleValue()));
        if (m.containsKey("peak_rss_mb")) {
            line.append(String.format(Locale.ROOT, ", peak RSS %.1f MB", m.get("peak_rss_mb").doubleValue()));
        }
        if (m.containsKey("pytorch_samples_per_s")) {
            line.append(String.format(Locale.ROOT, "; PyTorch %s samples/s, peak RSS %.1f MB;"
                            + " LayerLoom/PyTorch %.3f", spread(m, "pytorch_samples_per_s").describe(),
                    m.get("pytorch_peak_rss_mb").doubleValue(), m.get("pytorch_ratio").doubleValue()));
        }
        return line.toString();
    }

    /**
     * The phases of one training epoch as a small table, median seconds over the repeats, LayerLoom's
     * graph beside PyTorch's twin when there is one; empty when the summary has no phases.
     */
    public static List<String> phaseTable(BenchmarkResult summary) {
        Map<String, Number> m = summary.metrics();
        boolean twin = m.containsKey("pytorch_samples_per_s");
        List<String> lines = new ArrayList<>();
        if (!m.containsKey("forward_s")) {
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "  %-9s %12s%s", "phase", "LayerLoom_s", twin ? String.format(
                Locale.ROOT, " %12s", "PyTorch_s") : ""));
        for (String phase : PHASES) {
            Number ours = m.get(phase + "_s");
            Number theirs = m.get("pytorch_" + phase + "_s");
            lines.add(String.format(Locale.ROOT, "  %-9s %12s%s", phase, ours == null ? "-" : String.format(
                    Locale.ROOT, "%.3f", ours.doubleValue()), twin ? String.format(Locale.ROOT, " %12s",
                    theirs == null ? "-" : String.format(Locale.ROOT, "%.3f", theirs.doubleValue())) : ""));
        }
        return lines;
    }

    private static Spread spread(Map<String, Number> m, String key) {
        return new Spread(0, m.get(key + "_min").doubleValue(), m.get(key).doubleValue(),
                m.get(key + "_max").doubleValue());
    }

    private static Spread spread(List<BenchmarkResult> results, String key) {
        return Spread.of(results.stream().mapToDouble(r -> r.metric(key).doubleValue()).toArray());
    }
}
