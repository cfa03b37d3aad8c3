package org.layerloom.engine.imports.code;

import java.util.List;

/** An expression of the Python subset, with where it starts. Immutable; any thread. */
sealed interface PyExpr {

    SourcePos pos();

    /** A plain name such as {@code model}, {@code True} or {@code None}. */
    record Name(String id, SourcePos pos) implements PyExpr {
    }

    /** A number literal; {@code integral} when it was written without a point or exponent. */
    record Num(double value, boolean integral, SourcePos pos) implements PyExpr {
    }

    /** A string literal (adjacent literals already joined). */
    record Str(String value, SourcePos pos) implements PyExpr {
    }

    /** An f-string: its value is only known when Python runs. */
    record Formatted(SourcePos pos) implements PyExpr {
    }

    /** {@code target.name}. */
    record Attr(PyExpr target, String name, SourcePos pos) implements PyExpr {
    }

    /** {@code callee(args, name=value)}. */
    record Call(PyExpr callee, List<PyExpr> args, List<Keyword> keywords, SourcePos pos) implements PyExpr {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    /** A list {@code [a, b]} or a tuple {@code (a, b)}. */
    record Sequence(List<PyExpr> items, boolean tuple, SourcePos pos) implements PyExpr {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** {@code target[index]}: read, never evaluated. */
    record Subscript(PyExpr target, SourcePos pos) implements PyExpr {
    }

    /** Arithmetic on numbers: {@code left op right}, op one of + - * / // %; {@code -x} has a left of 0. */
    record Binary(PyExpr left, String op, PyExpr right, SourcePos pos) implements PyExpr {
    }

    /** {@code name=value} inside a call. */
    record Keyword(String name, PyExpr value, SourcePos pos) {
    }

    /** The dotted name of a name or attribute chain ({@code tf.keras.layers.Dense}), or "" for anything else. */
    static String dotted(PyExpr expr) {
        if (expr instanceof Name name) {
            return name.id();
        }
        if (expr instanceof Attr attr) {
            String head = dotted(attr.target());
            return head.isEmpty() ? "" : head + "." + attr.name();
        }
        return "";
    }

    /** The last part of a dotted name: {@code Dense} for {@code layers.Dense}. */
    static String lastName(PyExpr expr) {
        if (expr instanceof Name name) {
            return name.id();
        }
        if (expr instanceof Attr attr) {
            return attr.name();
        }
        return "";
    }
}
