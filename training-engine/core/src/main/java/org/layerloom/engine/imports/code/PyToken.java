package org.layerloom.engine.imports.code;

/** One token of the Python subset: its kind, its text (a string's value without quotes) and where it starts. */
record PyToken(Type type, String text, SourcePos pos) {

    /** The kinds of token the subset has. */
    enum Type { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, END }

    boolean is(Type kind, String value) {
        return type == kind && text.equals(value);
    }

    boolean isOp(String value) {
        return is(Type.OP, value);
    }
}
