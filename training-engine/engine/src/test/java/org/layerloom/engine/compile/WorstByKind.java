package org.layerloom.engine.compile;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.layerloom.engine.testing.torch.Closeness;

/**
 * The largest differences from PyTorch seen per case and per layer kind, forward values and gradients
 * apart, printed as one line per case and a table at the end of a test class. One test thread.
 */
final class WorstByKind {

    /** The worst forward and gradient |Δ| of one case or kind. */
    static final class Worst {
        private double forward;
        private double gradient;

        void add(Closeness closeness, boolean isGradient) {
            if (isGradient) {
                gradient = Math.max(gradient, closeness.worstAbs());
            } else {
                forward = Math.max(forward, closeness.worstAbs());
            }
        }

        void add(Worst other) {
            forward = Math.max(forward, other.forward);
            gradient = Math.max(gradient, other.gradient);
        }
    }

    private final String title;
    private final Map<String, Worst> byKind = new TreeMap<>();

    WorstByKind(String title) {
        this.title = title;
    }

    /** Prints the case's line and folds it into its kind's row. */
    void record(String kind, String caseName, Worst worst) {
        System.out.printf(Locale.ROOT, "[torch-reference] %-52s forward |Δ| %9.3g   gradient |Δ| %9.3g%n",
                caseName, worst.forward, worst.gradient);
        byKind.computeIfAbsent(kind, k -> new Worst()).add(worst);
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s%n%-24s %14s %14s%n", title,
                "kind", "forward |Δ|", "gradient |Δ|"));
        byKind.forEach((kind, w) -> out.append(String.format(Locale.ROOT, "%-24s %14.3g %14.3g%n", kind,
                w.forward, w.gradient)));
        return out.toString();
    }

    void print() {
        System.out.println(table());
    }
}
