package org.layerloom.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.layerloom.engine.bench.BenchNetwork;
import org.layerloom.engine.bench.Benchmark;
import org.layerloom.app.export.PythonTorch;
import org.layerloom.engine.bench.BenchmarkResult;
import org.layerloom.engine.bench.FlopCounter;
import org.layerloom.engine.bench.MatmulPeak;
import org.layerloom.engine.bench.PeakMemory;
import org.layerloom.engine.bench.PyTorchTwin;
import org.layerloom.engine.bench.TwinBlas;
import org.layerloom.engine.bench.TrainingSummary;
import org.layerloom.engine.bench.InspectionBenchmark;
import org.layerloom.engine.bench.SelfTestBenchmark;
import org.layerloom.engine.bench.TableMemoryBenchmark;
import org.layerloom.engine.bench.TrainingBenchmark;
import org.layerloom.engine.bench.ValidationBenchmark;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.kernels.KernelChoice;
import org.layerloom.engine.kernels.KernelGuard;
import org.layerloom.engine.train.ThreadPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code layerloom bench [NAME...] [--json]}: runs the named benchmarks of {@code org.layerloom.engine.bench}
 * (all when none is named) one after another and prints one line per result. The training networks run
 * {@code --repeats} times (each in a new JVM with {@code --fresh}, taking turns with their PyTorch twins
 * with {@code --against-pytorch}) and print a {@link TrainingSummary}. One instance per run, on the main
 * thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures how fast LayerLoom runs on this computer, one line per benchmark.",
                "Benchmarks:", "  validation  time to re-check a 1,000-node network after an edit",
                "  mlp         training samples/s, Dense 784-64-64-10, batch 64",
                "  cnn         training samples/s, two Conv2D on 1x28x28, batch 64",
                "  lstm        training samples/s, Embedding-LSTM-LSTM-Dense, batch 32",
                "  inspect     cost of training-health inspection on the cnn (every --every",
                "              batches and each epoch's end), 3 turns of 12,800 samples",
                "  selftest    cost of the CPU kernel self-test (at start and warm)",
                "  table-memory  time, peak heap and bytes per value of 50, 200 and",
                "              500 MB CSV tables, each in a new JVM (run only when named)",
                "A training benchmark also trains the same network written by hand in",
                "DJL; graph_overhead = its samples/s / the graph's (1.05: 5%% slower).",
                "mlp, cnn and lstm run --repeats times: the median, then samples_per_s_min",
                "and _max; gflops = training FLOPs per example x samples/s (a multiply-add",
                "is 2 FLOPs, only matrix products count, backward = 2x forward), beside",
                "peak_gflops (a float32 matmul measured in the same run) and",
                "fraction_of_peak; the phases of the timed epoch (gather_s ... metrics_s)."})
final class BenchCommand implements Callable<Integer> {

    private static final int WARMUP_ROUNDS = 200;
    private static final int TWIN_SEED = 42;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Benchmarks to run (default: all).")
    private List<String> names = new ArrayList<>();

    @Mixin
    private JsonOption json;

    @Option(names = "--nodes", defaultValue = "1000", paramLabel = "N",
            description = "Nodes in the network of the validation benchmark (default: ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--rounds", defaultValue = "1000", paramLabel = "N",
            description = "Timed rounds of the validation benchmark (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Engine threads for the training benchmarks and their PyTorch twins (default: as"
                    + " training chooses for each network: 1 for the mlp, every core for the cnn and lstm).")
    private Integer threads;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "N",
            description = "Examples per epoch of the training benchmarks (default: 60,000 for mlp and cnn,"
                    + " 10,000 for lstm).")
    private int samples;

    @Option(names = "--every", defaultValue = "50", paramLabel = "N",
            description = "Batches between captures in the inspect benchmark (default: ${DEFAULT-VALUE}).")
    private int every;

    @Option(names = "--kernels", split = ",", paramLabel = "KERNELS", defaultValue = "chosen",
            description = {"CPU kernels for the training benchmarks, side by side in one run: chosen (what the"
                    + " self-test chose on this machine), onednn (libtorch's default), onednn-off, onednn-recurrent"
                    + " (oneDNN for training LSTMs and checked convolution networks);"
                    + " e.g. --kernels onednn,onednn-off (default: ${DEFAULT-VALUE})."})
    private List<String> kernels = new ArrayList<>();

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N",
            description = "Timed epochs of each training network (mlp, cnn, lstm), each after its own warm-up;"
                    + " printed as median (min-max) (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--fresh",
            description = "Runs each repeat of a training network in a new Java process, so that repeats share"
                    + " no state, then one more that trains the graph alone and reports its peak resident"
                    + " memory (peak_rss_mb).")
    private boolean fresh;

    @Option(names = "--against-pytorch",
            description = "Also trains the PyTorch twins of mlp, cnn and lstm (LayerLoom's bench_twins.py, with"
                    + " the python3 that has torch), taking turns with LayerLoom repeat by repeat, and prints"
                    + " PyTorch's samples/s, peak memory and LayerLoom/PyTorch (pytorch_ratio).")
    private boolean againstPyTorch;

    @Option(names = "--pytorch-blas", paramLabel = "BLAS", defaultValue = "openblas",
            description = {"The BLAS of the PyTorch twins: openblas (OpenBLAS put first on the library path when it"
                    + " is found, as shared/bench's pt-openblas; else the system's), system (whatever"
                    + " libblas.so.3 is: Debian's reference BLAS unless an optimised one is installed), or a"
                    + " folder holding OpenBLAS's libblas.so.3 (default: ${DEFAULT-VALUE})."})
    private String pytorchBlas;

    /** Set in the child process of --fresh: one repeat, its raw result and peak memory as JSON. */
    @Option(names = "--child", hidden = true)
    private boolean child;

    /** With --child: trains the graph alone (no hand-written network), for its peak memory. */
    @Option(names = "--graph-alone", hidden = true)
    private boolean graphAlone;

    private BenchmarkResult peak;

    @Override
    public Integer call() {
        if (nodes < 4 || rounds < 1 || threads != null && threads < 1 || samples < 0 || repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--nodes must be at least 4, --rounds, --threads"
                    + " and --repeats at least 1, --samples at least 1 (or 0 for the standard count)");
        }
        Map<String, Supplier<Benchmark>> available = new LinkedHashMap<>();
        available.put(ValidationBenchmark.NAME, () -> new ValidationBenchmark(nodes, WARMUP_ROUNDS, rounds));
        for (BenchNetwork network : BenchNetwork.values()) {
            available.put(network.id(), () -> new TrainingBenchmark(network,
                    samples > 0 ? samples : network.standardSamples(), threadsFor(network)));
        }
        available.put(InspectionBenchmark.NAME, () -> new InspectionBenchmark(samples > 0 ? samples : 12_800,
                Math.max(1, every), 3, threadsFor(BenchNetwork.CNN)));
        available.put(SelfTestBenchmark.NAME, () -> new SelfTestBenchmark(5));
        List<String> chosen = names.isEmpty() ? new ArrayList<>(available.keySet()) : names;
        available.put(TableMemoryBenchmark.NAME, TableMemoryBenchmark::new); // only when named: writes 750 MB
        for (String name : chosen) {
            if (!available.containsKey(name)) {
                throw new ParameterException(spec.commandLine(), "Unknown benchmark '" + name + "'. Known: "
                        + String.join(", ", available.keySet()) + ".");
            }
        }
        List<Optional<KernelChoice>> settings = kernelSettings();
        PrintWriter out = spec.commandLine().getOut();
        Optional<PyTorchTwin> twin = againstPyTorch ? pyTorchTwin(out) : Optional.empty();
        for (String name : chosen) {
            Optional<BenchNetwork> network = Arrays.stream(BenchNetwork.values())
                    .filter(n -> n.id().equals(name)).findFirst();
            if (network.isPresent()) {
                KernelGuard.ensure();
                for (Optional<KernelChoice> setting : settings) {
                    String label = sideBySide(settings) ? kernelLabel(setting) : null;
                    BenchmarkResult result = child ? childRun(network.get(), setting)
                            : repeatedRun(network.get(), setting, twin);
                    out.println(json.enabled() || child ? jsonLine(result, label) : textLine(result, label));
                    if (!json.enabled() && !child) {
                        out.println("  " + TrainingSummary.describe(result));
                        TrainingSummary.phaseTable(result).forEach(out::println);
                    }
                    out.flush();
                }
                continue;
            }
            boolean training = !name.equals(ValidationBenchmark.NAME) && !name.equals(SelfTestBenchmark.NAME)
                    && !name.equals(TableMemoryBenchmark.NAME);
            if (training) {
                KernelGuard.ensure();
            }
            for (Optional<KernelChoice> setting : training ? settings : List.of(Optional.<KernelChoice>empty())) {
                String label = training && sideBySide(settings) ? kernelLabel(setting) : null;
                setting.ifPresent(KernelGuard::useForComparison);
                try {
                    BenchmarkResult result = available.get(name).get().run();
                    out.println(json.enabled() ? jsonLine(result, label) : textLine(result, label));
                    out.flush();
                } finally {
                    setting.ifPresent(s -> KernelGuard.restore());
                }
            }
        }
        return ExitCodes.OK;
    }

    /** The Python twins when a python3 with torch is found; otherwise says so and runs without them. */
    private Optional<PyTorchTwin> pyTorchTwin(PrintWriter out) {
        Optional<java.nio.file.Path> python = PythonTorch.system().find();
        if (python.isEmpty()) {
            out.println("bench against-pytorch skipped: no python3 with torch found (looked on the PATH and at"
                    + " /usr/bin/python3)");
            return Optional.empty();
        }
        TwinBlas blas = twinBlas();
        if (!json.enabled()) {
            out.println("bench against-pytorch: " + python.get() + " with " + blas.describe() + "; LayerLoom's"
                    + " GOMP_SPINCOUNT=" + Optional.ofNullable(System.getenv("GOMP_SPINCOUNT")).orElse("(unset)")
                    + ", OMP_WAIT_POLICY=" + Optional.ofNullable(System.getenv("OMP_WAIT_POLICY")).orElse("(unset)")
                    + ", ATEN_CPU_CAPABILITY=" + Optional.ofNullable(System.getenv("ATEN_CPU_CAPABILITY"))
                            .orElse("(unset)"));
        }
        return Optional.of(new PyTorchTwin(python.get(), blas));
    }

    /** The twins' BLAS that --pytorch-blas names. */
    private TwinBlas twinBlas() {
        switch (pytorchBlas) {
            case "openblas":
                return TwinBlas.find();
            case "system":
                return TwinBlas.system();
            default:
                try {
                    return TwinBlas.in(java.nio.file.Path.of(pytorchBlas));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--pytorch-blas: " + e.getMessage()
                            + "; give openblas, system or a folder holding OpenBLAS's libblas.so.3");
                }
        }
    }

    /**
     * One repeat in this process (a child of --fresh); with --graph-alone the graph alone, with this
     * process's peak memory.
     */
    private BenchmarkResult childRun(BenchNetwork network, Optional<KernelChoice> setting) {
        setting.ifPresent(KernelGuard::useForComparison);
        try {
            int engineThreads = threadsFor(network);
            BenchmarkResult result = (graphAlone
                    ? TrainingBenchmark.graphAlone(network, samplesOf(network), engineThreads)
                    : new TrainingBenchmark(network, samplesOf(network), engineThreads)).run();
            Map<String, Number> metrics = new LinkedHashMap<>(result.metrics());
            if (graphAlone) {
                PeakMemory.peakRssMb().ifPresent(mb -> metrics.put("peak_rss_mb", mb));
            }
            return new BenchmarkResult(result.name(), metrics);
        } finally {
            setting.ifPresent(s -> KernelGuard.restore());
        }
    }

    /**
     * --repeats runs of the network (in new processes with --fresh), each followed by a run of its PyTorch
     * twin when there is one, summarised with the FLOP rate against the matmul peak.
     */
    private BenchmarkResult repeatedRun(BenchNetwork network, Optional<KernelChoice> setting,
                                        Optional<PyTorchTwin> twin) {
        double peakGflops = matmulPeak().metric("peak_gflops").doubleValue();
        List<BenchmarkResult> ours = new ArrayList<>();
        List<BenchmarkResult> theirs = new ArrayList<>();
        FreshBenchProcess process = new FreshBenchProcess();
        OptionalDouble peakRss = OptionalDouble.empty();
        int engineThreads = threadsFor(network);
        try {
            for (int i = 0; i < repeats; i++) {
                if (fresh) {
                    ours.add(process.run(List.of(network.id(), "--child", "--samples",
                            Integer.toString(samplesOf(network)), "--threads", Integer.toString(engineThreads),
                            "--kernels", setting.isPresent() ? kernelLabel(setting) : "chosen")));
                } else {
                    setting.ifPresent(KernelGuard::useForComparison);
                    try {
                        ours.add(new TrainingBenchmark(network, samplesOf(network), engineThreads).run());
                    } finally {
                        setting.ifPresent(s -> KernelGuard.restore());
                    }
                }
                if (twin.isPresent()) {
                    theirs.add(twin.get().run(network, samplesOf(network), engineThreads, TWIN_SEED));
                }
            }
            if (fresh) {
                BenchmarkResult alone = process.run(List.of(network.id(), "--child", "--graph-alone", "--samples",
                        Integer.toString(samplesOf(network)), "--threads", Integer.toString(engineThreads),
                        "--kernels", setting.isPresent() ? kernelLabel(setting) : "chosen"));
                peakRss = alone.metrics().containsKey("peak_rss_mb")
                        ? OptionalDouble.of(alone.metric("peak_rss_mb").doubleValue()) : OptionalDouble.empty();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return TrainingSummary.of(network.id(), ours, theirs, FlopCounter.trainingPerSample(network.graph()),
                peakGflops, peakRss);
    }

    /**
     * The matmul peak, measured once per run before the first network: with --threads when given, otherwise
     * on every core, so that each network's GFLOP/s is a fraction of what the processor can do.
     */
    private BenchmarkResult matmulPeak() {
        if (peak == null) {
            peak = MatmulPeak.standard(threads != null ? threads : Runtime.getRuntime().availableProcessors()).run();
        }
        return peak;
    }

    /** --threads when given, otherwise what training chooses for the network ({@link ThreadPlan}). */
    private int threadsFor(BenchNetwork network) {
        if (threads != null) {
            return threads;
        }
        ValidationReport report = GraphValidator.standard().validate(network.graph());
        return ThreadPlan.threadsFor(report, network.batchSize(), Runtime.getRuntime().availableProcessors());
    }

    private int samplesOf(BenchNetwork network) {
        return samples > 0 ? samples : network.standardSamples();
    }

    /** The --kernels values, each empty for the chosen kernels; refuses unknown ones. */
    private List<Optional<KernelChoice>> kernelSettings() {
        List<Optional<KernelChoice>> settings = new ArrayList<>();
        for (String value : kernels.isEmpty() ? List.of("chosen") : kernels) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "chosen" -> settings.add(Optional.empty());
                case "onednn" -> settings.add(Optional.of(KernelChoice.ONEDNN));
                case "onednn-off" -> settings.add(Optional.of(KernelChoice.ONEDNN_OFF));
                case "onednn-recurrent" -> settings.add(Optional.of(KernelChoice.ONEDNN_FOR_TRAINING_RECURRENCES));
                default -> throw new ParameterException(spec.commandLine(), "Unknown kernels '" + value
                        + "'. Use chosen, onednn, onednn-off or onednn-recurrent.");
            }
        }
        return settings;
    }

    /** True when --kernels asked for anything but the chosen kernels alone: then each line names its kernels. */
    private static boolean sideBySide(List<Optional<KernelChoice>> settings) {
        return settings.size() > 1 || settings.get(0).isPresent();
    }

    /** "onednn", "onednn-off" or "onednn-recurrent": the kernels a training benchmark ran on. */
    private static String kernelLabel(Optional<KernelChoice> setting) {
        return switch (setting.orElseGet(() -> KernelGuard.ensure().choice())) {
            case ONEDNN -> "onednn";
            case ONEDNN_OFF -> "onednn-off";
            case ONEDNN_FOR_TRAINING_RECURRENCES -> "onednn-recurrent";
        };
    }

    /**
     * E.g. {@code bench validation nodes=1000 median_ms=0.812 p99_ms=1.204 max_ms=3.117} or
     * {@code bench mlp samples_per_s=41234.567 graph_overhead=0.998 …}.
     */
    static String textLine(BenchmarkResult result) {
        return textLine(result, null);
    }

    /** With {@code kernels=onednn} after the name when {@code kernels} is not null. */
    static String textLine(BenchmarkResult result, String kernels) {
        StringBuilder line = new StringBuilder("bench ").append(result.name());
        if (kernels != null) {
            line.append(" kernels=").append(kernels);
        }
        result.metrics().forEach((key, value) -> line.append(' ').append(key).append('=').append(format(value)));
        return line.toString();
    }

    static String jsonLine(BenchmarkResult result) {
        return jsonLine(result, null);
    }

    static String jsonLine(BenchmarkResult result, String kernels) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("bench", result.name());
        if (kernels != null) {
            root.put("kernels", kernels);
        }
        result.metrics().forEach((key, value) -> {
            if (value instanceof Double || value instanceof Float) {
                root.put(key, Math.round(value.doubleValue() * 1000) / 1000.0);
            } else {
                root.put(key, value.longValue());
            }
        });
        return root.toString();
    }

    private static String format(Number value) {
        return value instanceof Double || value instanceof Float
                ? String.format(Locale.ROOT, "%.3f", value.doubleValue()) : Long.toString(value.longValue());
    }
}
