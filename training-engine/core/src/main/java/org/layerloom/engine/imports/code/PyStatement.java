package org.layerloom.engine.imports.code;

import java.util.List;

/** A statement of the Python subset. Immutable; any thread. */
sealed interface PyStatement {

    SourcePos pos();

    /** {@code a = b = value}; a target is a name, an attribute, or a tuple of targets. */
    record Assign(List<PyExpr> targets, PyExpr value, SourcePos pos) implements PyStatement {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /** An expression on its own line, usually a call such as {@code model.add(...)}. */
    record Expression(PyExpr value, SourcePos pos) implements PyStatement {
    }

    /** {@code import ...} or {@code from ... import ...}: the module path it names. */
    record Import(String module, SourcePos pos) implements PyStatement {
    }
}
