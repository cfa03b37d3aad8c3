package org.layerloom.engine.imports.code;

/** A place in pasted code: 1-based line and column. Immutable; any thread. */
record SourcePos(int line, int column) {
}
