package org.layerloom.engine.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.edit.GraphEdit;
import org.layerloom.engine.graph.edit.GraphEdits;

/**
 * How long a full validation takes after a student's edit, on a large valid network (see
 * {@link ResidualGraphBuilder}): each round changes the units of the head Dense (alternating between two
 * values, so the network stays valid) and times {@link GraphValidator#validate} alone. Warm-up rounds
 * run first and are not counted. Runs on the calling thread.
 */
public final class ValidationBenchmark implements Benchmark {

    public static final String NAME = "validation";
    private static final ParamValue.Int OTHER_UNITS = new ParamValue.Int(ResidualGraphBuilder.CLASSES * 2);

    private final int nodes;
    private final int warmupRounds;
    private final int rounds;
    private final GraphValidator validator = GraphValidator.standard();

    /**
     * @param nodes size of the network, at least 4
     * @param warmupRounds edits validated before timing starts
     * @param rounds timed edits, at least 1
     */
    public ValidationBenchmark(int nodes, int warmupRounds, int rounds) {
        if (nodes < ResidualGraphBuilder.MIN_NODES || warmupRounds < 0 || rounds < 1) {
            throw new IllegalArgumentException("need at least " + ResidualGraphBuilder.MIN_NODES
                    + " nodes and 1 round; got nodes=" + nodes + ", warm-up=" + warmupRounds + ", rounds=" + rounds);
        }
        this.nodes = nodes;
        this.warmupRounds = warmupRounds;
        this.rounds = rounds;
    }

    /** The standard setting: 1,000 nodes, 200 warm-up rounds, 1,000 timed rounds. */
    public static ValidationBenchmark standard() {
        return new ValidationBenchmark(1000, 200, 1000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchmarkResult run() {
        NetworkGraph graph = ResidualGraphBuilder.build(nodes);
        ValidationReport first = validator.validate(graph);
        if (!first.isValid()) {
            throw new IllegalStateException("the benchmark network is not valid: " + first.errors());
        }
        GraphEdit edit = GraphEdits.setParameter(graph, ResidualGraphBuilder.HEAD_ID, "units", OTHER_UNITS);
        GraphEdit back = edit.inverted();
        for (int i = 0; i < warmupRounds; i++) {
            graph = (i % 2 == 0 ? edit : back).applyTo(graph);
            validator.validate(graph);
        }
        long[] durations = new long[rounds];
        int valid = 0;
        for (int i = 0; i < rounds; i++) {
            graph = ((warmupRounds + i) % 2 == 0 ? edit : back).applyTo(graph);
            long start = System.nanoTime();
            ValidationReport report = validator.validate(graph);
            durations[i] = System.nanoTime() - start;
            valid += report.isValid() ? 1 : 0;
        }
        if (valid != rounds) {
            throw new IllegalStateException("an edit made the benchmark network invalid");
        }
        LatencyStats stats = LatencyStats.ofNanos(durations);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("nodes", (long) nodes);
        metrics.put("median_ms", stats.medianMs());
        metrics.put("p99_ms", stats.p99Ms());
        metrics.put("max_ms", stats.maxMs());
        return new BenchmarkResult(NAME, metrics);
    }
}
