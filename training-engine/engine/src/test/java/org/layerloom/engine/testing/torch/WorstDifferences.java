package org.layerloom.engine.testing.torch;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the largest absolute difference from PyTorch per group (an optimizer, a loss) over a test
 * class's cases and prints one line per group at the end, so a run shows how close each one came, not
 * only that it passed. One per test class; one test thread.
 */
public final class WorstDifferences {

    private final Map<String, Closeness> worst = new TreeMap<>();

    /** Keeps {@code closeness} if it is the worst of {@code group} so far; returns it. */
    public Closeness record(String group, Closeness closeness) {
        worst.merge(group, closeness, (a, b) -> b.worstAbs() > a.worstAbs() ? b : a);
        return closeness;
    }

    /** "title — group: max |Δ| … at …" per group, on standard output. */
    public void print(String title) {
        StringBuilder report = new StringBuilder(title).append(" (worst |Δ| against PyTorch per group)\n");
        worst.forEach((group, closeness) -> report.append(String.format(Locale.ROOT, "  %-30s %s%n", group,
                closeness.describe())));
        System.out.print(report);
    }
}
