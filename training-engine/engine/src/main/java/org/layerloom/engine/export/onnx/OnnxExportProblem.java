package org.layerloom.engine.export.onnx;

/**
 * A node that cannot be exported to ONNX: its id and a sentence in the project's usual words, naming
 * the node by the name the student sees. Immutable; any thread.
 */
public record OnnxExportProblem(String nodeId, String message) {
}
