package org.layerloom.engine.graph;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameter values of one node, by parameter name, in a stable (sorted) order.
 * Immutable; any thread.
 */
public record Parameters(SortedMap<String, ParamValue> values) {

    private static final Parameters EMPTY = new Parameters(new TreeMap<>());

    public Parameters {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Parameters empty() {
        return EMPTY;
    }

    public static Parameters of(Map<String, ParamValue> values) {
        return new Parameters(new TreeMap<>(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public ParamValue get(String name) {
        ParamValue value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no parameter '" + name + "'");
        }
        return value;
    }

    public int intValue(String name) {
        return ((ParamValue.Int) get(name)).value();
    }

    public double realValue(String name) {
        return ((ParamValue.Real) get(name)).value();
    }

    public boolean flag(String name) {
        return ((ParamValue.Flag) get(name)).value();
    }

    public String choice(String name) {
        return ((ParamValue.Choice) get(name)).value();
    }

    public java.util.List<Integer> dims(String name) {
        return ((ParamValue.Dims) get(name)).value();
    }

    /** A copy with one value replaced or added. */
    public Parameters with(String name, ParamValue value) {
        TreeMap<String, ParamValue> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new Parameters(copy);
    }

    /** A copy with the given values replaced or added. */
    public Parameters withAll(Parameters overrides) {
        TreeMap<String, ParamValue> copy = new TreeMap<>(values);
        copy.putAll(overrides.values);
        return new Parameters(copy);
    }
}
