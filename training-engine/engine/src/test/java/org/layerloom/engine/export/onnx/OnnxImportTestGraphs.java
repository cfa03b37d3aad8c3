package org.layerloom.engine.export.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;

/** Opens {@link OnnxTestGraphs} to the ONNX import's round-trip test in another package. Test code only. */
public final class OnnxImportTestGraphs {

    private OnnxImportTestGraphs() {
    }

    /** The ONNX export tests' synthetic graphs, by name prefixed with "onnx ". */
    public static Map<String, NetworkGraph> all() {
        Map<String, NetworkGraph> graphs = new LinkedHashMap<>();
        OnnxTestGraphs.all().forEach((name, graph) -> graphs.put("onnx " + name, graph));
        return graphs;
    }
}
