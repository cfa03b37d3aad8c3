package org.layerloom.engine.imports.onnx;

/**
 * One line of an ONNX import's report, naming the ONNX node it is about (empty for the file as a whole).
 * A {@link Kind#PROBLEM} or {@link Kind#UNMAPPED} line means no graph was imported; {@link Kind#LOST}
 * says that a parameter ONNX does not hold was set to the catalog default; {@link Kind#MAPPED} says which
 * LayerLoom node a group of ONNX nodes became. Immutable; any thread.
 *
 * @param onnxNode the ONNX node's name (or its first output's name when it has none); "" for the file
 * @param opType   the ONNX operator, such as {@code Gemm}; "" for the file
 */
public record OnnxImportNote(Kind kind, String onnxNode, String opType, String message) {

    /** What a report line means for the import. */
    public enum Kind {
        /** The file cannot be imported: broken, unsupported or inconsistent. */
        PROBLEM,
        /** An ONNX node that matches no LayerLoom layer. */
        UNMAPPED,
        /** A parameter ONNX does not store; the catalog default was used. */
        LOST,
        /** Which LayerLoom node the ONNX node (and the ones fused with it) became. */
        MAPPED
    }

    /** Whether this line stops the import. */
    public boolean stopsImport() {
        return kind == Kind.PROBLEM || kind == Kind.UNMAPPED;
    }

    /** The line as the report shows it. */
    @Override
    public String toString() {
        String where = onnxNode.isEmpty() ? "" : onnxNode + (opType.isEmpty() ? "" : " (" + opType + ")") + ": ";
        return kind + " " + where + message;
    }
}
