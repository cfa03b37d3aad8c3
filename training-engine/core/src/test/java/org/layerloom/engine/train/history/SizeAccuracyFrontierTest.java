package org.layerloom.engine.train.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizeAccuracyFrontierTest {

    private static RunSummary run(String id, long parameters, double accuracy) {
        return new RunSummary(id, Path.of(id), Instant.EPOCH, 1, "completed", 1, 1, Double.NaN, Double.NaN, parameters,
                accuracy, List.of(), Optional.empty());
    }

    @Test
    void the_frontier_keeps_the_runs_no_smaller_run_matches_in_accuracy() {
        List<RunSummary> runs = List.of(run("original", 1000, 0.98), run("pruned50", 500, 0.98),
                run("pruned80", 200, 0.97), run("pruned90", 100, 0.90), run("pruned95", 50, 0.60),
                run("int8-worse", 1000, 0.95), run("tie-bigger", 200, 0.97), run("untested", 10, Double.NaN));

        assertThat(SizeAccuracyFrontier.frontier(runs)).extracting(SizeAccuracyFrontier.Point::runId)
                .containsExactly("pruned95", "pruned90", "pruned80", "pruned50");
        assertThat(SizeAccuracyFrontier.points(runs)).hasSize(7);
    }
}
