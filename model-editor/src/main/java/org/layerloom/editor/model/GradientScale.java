package org.layerloom.editor.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;

/**
 * The log scale that colours wires by gradient norm: {@code low} and {@code high} map to 0 and 1, in
 * between by log10; at least {@value #MIN_DECADES} decades wide so that small differences do not look
 * dramatic. Also decides which norm a wire shows: that of the nearest layer with parameters at or before
 * its source, else at or after its target (a Flatten or pooling layer has no gradient norm of its own).
 * Immutable; any thread.
 */
public record GradientScale(double low, double high) {

    public static final double MIN_DECADES = 2;

    public GradientScale {
        if (!(low > 0) || !(high >= low)) {
            throw new IllegalArgumentException("a gradient scale needs 0 < low <= high");
        }
    }

    /** The scale over the finite positive {@code norms} (1e-4 to 1 when there are none). */
    public static GradientScale over(Collection<Double> norms) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (double n : norms) {
            if (Double.isFinite(n) && n > 0) {
                low = Math.min(low, n);
                high = Math.max(high, n);
            }
        }
        if (high == 0) {
            return new GradientScale(1e-4, 1);
        }
        double decades = Math.log10(high / low);
        if (decades < MIN_DECADES) {
            double pad = Math.pow(10, (MIN_DECADES - decades) / 2);
            low /= pad;
            high *= pad;
        }
        return new GradientScale(low, high);
    }

    /** Where {@code norm} lies, 0 (low or below) to 1 (high or above); NaN when it is not a positive number. */
    public double position(double norm) {
        if (!(norm > 0) || !Double.isFinite(norm)) {
            return Double.NaN;
        }
        if (high == low) {
            return 0.5;
        }
        double p = Math.log10(norm / low) / Math.log10(high / low);
        return Math.max(0, Math.min(1, p));
    }

    /** The norm at position {@code p} of the scale. */
    public double valueAt(double p) {
        return low * Math.pow(high / low, p);
    }

    /** A norm for a legend: "1e-05", "0.03", "2". */
    public static String format(double norm) {
        if (norm >= 0.01 && norm < 1000) {
            return String.format(Locale.ROOT, "%.2g", norm).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.0e", norm);
    }

    /** The norm each wire of {@code graph} shows, from the norms of the nodes with parameters. */
    public static Map<Wire, Double> wireNorms(NetworkGraph graph, Map<String, Double> nodeNorms) {
        Map<String, Double> upstream = new HashMap<>();
        Map<String, Double> downstream = new HashMap<>();
        Map<Wire, Double> result = new LinkedHashMap<>();
        for (Wire wire : graph.wires()) {
            double norm = walk(graph, wire.from().nodeId(), nodeNorms, upstream, true, 0);
            if (Double.isNaN(norm)) {
                norm = walk(graph, wire.to().nodeId(), nodeNorms, downstream, false, 0);
            }
            result.put(wire, norm);
        }
        return result;
    }

    private static double walk(NetworkGraph graph, String nodeId, Map<String, Double> norms, Map<String, Double> memo,
                               boolean up, int depth) {
        Double own = norms.get(nodeId);
        if (own != null && !own.isNaN()) {
            return own;
        }
        Double known = memo.get(nodeId);
        if (known != null) {
            return known;
        }
        double found = Double.NaN;
        List<Wire> next = up ? graph.wiresInto(nodeId) : graph.wiresFrom(nodeId);
        if (!next.isEmpty() && depth < graph.nodes().size()) {
            Wire wire = next.get(0);
            found = walk(graph, up ? wire.from().nodeId() : wire.to().nodeId(), norms, memo, up, depth + 1);
        }
        memo.put(nodeId, found);
        return found;
    }
}
