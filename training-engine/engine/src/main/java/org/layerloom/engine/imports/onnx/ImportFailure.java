package org.layerloom.engine.imports.onnx;

/**
 * Stops reading a file that cannot be imported at all (not ONNX, truncated, a tensor that cannot be
 * decoded); {@link OnnxImporter} turns it into a {@link OnnxImportNote.Kind#PROBLEM} line. Never leaves
 * this package.
 */
final class ImportFailure extends Exception {

    private final OnnxImportNote note;

    ImportFailure(String onnxNode, String opType, String message) {
        super(message);
        this.note = new OnnxImportNote(OnnxImportNote.Kind.PROBLEM, onnxNode, opType, message);
    }

    ImportFailure(String message) {
        this("", "", message);
    }

    OnnxImportNote note() {
        return note;
    }
}
