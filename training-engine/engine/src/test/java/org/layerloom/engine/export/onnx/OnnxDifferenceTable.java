package org.layerloom.engine.export.onnx;

import java.util.Comparator;
import java.util.List;

/**
 * Prints, per compared graph, its largest node difference, the node, that node's tolerance and the
 * margin (tolerance / difference), one row each; the oneDNN ISA of the run in the title.
 */
final class OnnxDifferenceTable {

    private OnnxDifferenceTable() {
    }

    static void print(String title, List<OnnxAgreement.Result> results) {
        String isa = System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "default");
        StringBuilder table = new StringBuilder("ONNX vs engine, " + title + " (oneDNN ISA " + isa + ")\n");
        table.append(String.format("%-26s %5s %11s  %-18s %9s %9s%n", "graph", "nodes", "largest", "at node",
                "tolerance", "margin"));
        for (OnnxAgreement.Result r : results) {
            OnnxAgreement.NodeDifference w = r.nodes().stream()
                    .max(Comparator.comparingDouble(OnnxAgreement.NodeDifference::largest)).orElseThrow();
            table.append(String.format("%-26s %5d %11.3e  %-18s %9.1e %8.0fx%n", r.name(), r.nodes().size(),
                    w.largest(), w.nodeId(), w.tolerance(), w.tolerance() / Math.max(w.largest(), Double.MIN_NORMAL)));
        }
        System.out.print(table);
    }
}
