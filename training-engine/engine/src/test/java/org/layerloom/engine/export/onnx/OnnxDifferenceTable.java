package org.layerloom.engine.export.onnx;

import java.util.List;

/** Prints the largest per-node difference of each compared graph, one row each. */
final class OnnxDifferenceTable {

    private OnnxDifferenceTable() {
    }

    static void print(String title, List<OnnxAgreement.Result> results) {
        String isa = System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "default");
        StringBuilder table = new StringBuilder("ONNX vs engine, " + title + " (oneDNN ISA " + isa + ")\n");
        table.append(String.format("%-28s %6s %12s  %-30s %10s%n", "graph", "nodes", "largest", "worst node (vs tolerance)",
                "tolerance"));
        for (OnnxAgreement.Result r : results) {
            OnnxAgreement.NodeDifference w = r.worst();
            table.append(String.format("%-28s %6d %12.3e  %-30s %10.1e%n", r.name(), r.nodes().size(), r.largest(),
                    w.nodeId() + " " + String.format("%.3e", w.largest()), w.tolerance()));
        }
        System.out.print(table);
    }
}
