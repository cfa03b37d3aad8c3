package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.stream.Collectors;

/** Python literals for printed code: numbers that read back to the same double, strings and tuples. Stateless. */
final class PyLiterals {

    private PyLiterals() {
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value + ".0";
        }
        return Decimals.format(value);
    }

    static String text(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String tuple(List<Integer> values) {
        String joined = values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "(" + joined + (values.size() == 1 ? ",)" : ")");
    }

    static String bool(boolean value) {
        return value ? "True" : "False";
    }
}
