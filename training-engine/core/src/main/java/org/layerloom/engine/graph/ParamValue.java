package org.layerloom.engine.graph;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A typed value of a layer parameter. Immutable; any thread.
 */
public sealed interface ParamValue {

    /** Human-readable form, as shown in messages and property sheets. */
    String display();

    /** A whole number, such as units or kernel size. */
    record Int(int value) implements ParamValue {
        @Override
        public String display() {
            return Integer.toString(value);
        }
    }

    /** A real number, such as a dropout rate. */
    record Real(double value) implements ParamValue {
        @Override
        public String display() {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    /** A yes/no switch. */
    record Flag(boolean value) implements ParamValue {
        @Override
        public String display() {
            return value ? "yes" : "no";
        }
    }

    /** One of a fixed list of options, stored by its id. */
    record Choice(String value) implements ParamValue {
        public Choice {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** A tensor shape typed by the student, such as (1, 28, 28). */
    record Dims(List<Integer> value) implements ParamValue {
        public Dims {
            value = List.copyOf(value);
        }

        public static Dims of(int... dims) {
            return new Dims(java.util.Arrays.stream(dims).boxed().toList());
        }

        @Override
        public String display() {
            return value.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
    }
}
