package org.layerloom.engine.export.onnx;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before anything is written when some node cannot be exported to ONNX; carries one problem per
 * such node. Immutable; any thread.
 */
public final class OnnxExportRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<OnnxExportProblem> problems;

    public OnnxExportRefusedException(List<OnnxExportProblem> problems) {
        super(problems.stream().map(OnnxExportProblem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<OnnxExportProblem> problems() {
        return problems;
    }
}
