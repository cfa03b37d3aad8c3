package org.layerloom.engine.imports.keras;

/**
 * Thrown inside the Keras importer when a file cannot be read on; its message is a full sentence for the
 * student. {@link KerasImporter} turns it into a problem of the import, so it never reaches a caller.
 */
final class KerasFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KerasFormatException(String message) {
        super(message);
    }

    KerasFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
