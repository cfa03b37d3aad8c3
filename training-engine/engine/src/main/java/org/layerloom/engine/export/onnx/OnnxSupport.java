package org.layerloom.engine.export.onnx;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ValidationReport;

/**
 * The per-node check of the ONNX target, run before anything is written: every node the Output depends
 * on must have a converter. Stateless apart from its converter set; any thread.
 */
final class OnnxSupport {

    private final OnnxConverters converters;

    OnnxSupport(OnnxConverters converters) {
        this.converters = converters;
    }

    /** One problem per node that ONNX opset 17 cannot express, in running order; empty when all can. */
    List<OnnxExportProblem> check(ValidationReport report) {
        List<OnnxExportProblem> problems = new ArrayList<>();
        for (Node node : OnnxModelWriter.runningOrder(report)) {
            if (converters.of(node.kind()).isEmpty()) {
                problems.add(new OnnxExportProblem(node.id(), node.name() + " (" + node.kind().id()
                        + ") cannot be exported to ONNX: ONNX opset " + OnnxModelWriter.OPSET
                        + " has no operators for it here. Remove it or replace it before exporting."));
            }
        }
        return problems;
    }
}
