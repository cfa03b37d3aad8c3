package org.layerloom.engine.graph;

/** The kinds of value a layer parameter can hold; each maps to one {@link ParamValue} record. */
public enum ParamType {
    INTEGER,
    REAL,
    FLAG,
    CHOICE,
    DIMS
}
