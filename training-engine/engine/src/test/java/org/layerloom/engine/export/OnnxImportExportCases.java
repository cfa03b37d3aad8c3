package org.layerloom.engine.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * Opens the export tests' networks (the samples and {@link ExportCases}' synthetic graphs) to the ONNX
 * import's round-trip test in another package. Test code only.
 */
public final class OnnxImportExportCases {

    private OnnxImportExportCases() {
    }

    /** Every sample project and synthetic export graph, by name. */
    public static Map<String, NetworkGraph> all() throws IOException {
        Map<String, NetworkGraph> graphs = new LinkedHashMap<>();
        for (ExportCases.Case c : ExportCases.all()) {
            graphs.put(c.name(), c.graph());
        }
        return graphs;
    }
}
