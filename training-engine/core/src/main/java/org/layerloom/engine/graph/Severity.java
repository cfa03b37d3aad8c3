package org.layerloom.engine.graph;

/** How bad a problem is: an error stops training; a warning is advice. */
public enum Severity {
    ERROR,
    WARNING
}
