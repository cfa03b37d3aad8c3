package org.layerloom.engine.train.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs worth keeping when size matters: of the runs of a project (originals and their pruned, quantized
 * or distilled variants), those that no other run beats on both counts, that is, no other run has as few
 * parameters or fewer and a higher test accuracy, or fewer parameters and the same accuracy. Read from
 * {@link RunSummary}s (parameters: the manifest's count, the non-zero count for a pruned variant); runs
 * without a test accuracy are left out. For the size-against-accuracy chart. Pure; any thread.
 */
public final class SizeAccuracyFrontier {

    /** One run as a point of the chart. */
    public record Point(String runId, long parameters, double accuracy) {
    }

    private SizeAccuracyFrontier() {
    }

    /** Every run with a test accuracy and a parameter count, as a point, smallest first. */
    public static List<Point> points(List<RunSummary> runs) {
        List<Point> points = new ArrayList<>();
        for (RunSummary run : runs) {
            if (!Double.isNaN(run.testAccuracy()) && run.parameters() > 0) {
                points.add(new Point(run.id(), run.parameters(), run.testAccuracy()));
            }
        }
        points.sort(Comparator.comparingLong(Point::parameters).thenComparing(Point::accuracy,
                Comparator.reverseOrder()).thenComparing(Point::runId));
        return points;
    }

    /** The points on the frontier, smallest first: each one more accurate than every smaller one. */
    public static List<Point> frontier(List<RunSummary> runs) {
        List<Point> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : points(runs)) {
            if (p.accuracy() > best) {
                frontier.add(p);
                best = p.accuracy();
            }
        }
        return frontier;
    }
}
